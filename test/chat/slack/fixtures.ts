// Alert views written for these tests (not real articles): an Arabic story with Latin outlet names,
// an English one, and a very long one that must be cut to Slack's limits.
import type { AlertView, DigestView } from '../../../src/deliver/sender';

export function alertView(over: Partial<AlertView> = {}): AlertView {
  return {
    alertId: 7,
    kind: 'alert',
    storyId: 42,
    title: 'اشتباكات قرب سد تشرين بحسب Reuters و SDF',
    url: 'https://news.example/ar/tishrin-dam',
    outlets: ['Enab Baladi', 'عنب بلدي'],
    publishedAt: Date.UTC(2025, 0, 15, 9, 30),
    summary: {
      ar: 'قالت مصادر محلية إن اشتباكات اندلعت صباح اليوم قرب سد تشرين.',
      en: 'Clashes broke out near Tishrin Dam this morning, local sources said.',
    },
    terms: ['سد تشرين'],
    places: [{ id: 'gn:163808', name: 'Tishrin Dam' }],
    storySize: 3,
    uiLang: 'ar',
    summaryLang: 'both',
    ...over,
  };
}

export function digestView(n: number): DigestView {
  return {
    reason: 'hourly',
    uiLang: 'en',
    alertCount: n * 2,
    stories: Array.from({ length: n }, (_, i) => ({
      title: `Story ${i + 1}: shelling reported near Deir ez-Zor <&> with a long tail of words to fill the line`,
      url: `https://news.example/s/${i + 1}`,
      outlets: ['Outlet A', 'Outlet B'],
      alerts: 2,
    })),
  };
}
