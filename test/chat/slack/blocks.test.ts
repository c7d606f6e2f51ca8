import { describe, expect, it } from 'vitest';
import { ACTION, LIMITS, renderAlert, renderDigest, renderText } from '../../../src/chat/slack/blocks';
import { blockErrors } from '../../helpers/slack-api-server';
import { alertView, digestView } from './fixtures';

const FSI = '\u2068';
const PDI = '\u2069';
const blockText = (blocks: Record<string, unknown>[]) => JSON.stringify(blocks).length;

describe('Slack Block Kit alert', () => {
  it('has a header, one section per summary language, a context line and the three buttons', () => {
    const m = renderAlert(alertView());
    expect(m.blocks.map((b) => b.type)).toEqual(['header', 'section', 'section', 'context', 'actions']);
    const actions = (m.blocks[4]!.elements as { action_id: string; url?: string; value?: string }[]).map((e) => [
      e.action_id,
      e.value,
      e.url,
    ]);
    expect(actions).toEqual([
      [ACTION.open, '7', 'https://news.example/ar/tishrin-dam'],
      [ACTION.mute, '42', undefined],
      [ACTION.watchPlace, 'gn:163808', undefined],
    ]);
    expect(blockErrors(m.blocks, 50)).toEqual([]);
  });

  it('keeps Latin runs in an Arabic line in order with Unicode isolates', () => {
    const m = renderAlert(alertView());
    const header = (m.blocks[0]!.text as { text: string }).text;
    expect(header).toContain(`${FSI}Reuters${PDI}`);
    expect(header).toContain(`${FSI}SDF${PDI}`);
    expect(m.text).toContain(`${FSI}Enab Baladi${PDI}`);
  });

  it('leaves English-only lines without isolates', () => {
    const m = renderAlert(
      alertView({
        title: 'Clashes near Tishrin Dam',
        uiLang: 'en',
        summaryLang: 'en',
        outlets: ['Reuters'],
        terms: ['Tishrin'],
      }),
    );
    expect(JSON.stringify(m.blocks)).not.toContain(FSI);
    expect(m.blocks.map((b) => b.type)).toEqual(['header', 'section', 'context', 'actions']);
  });

  it('marks follow-ups in the header', () => {
    const m = renderAlert(alertView({ kind: 'follow-up', uiLang: 'en', title: 'More clashes' }));
    expect((m.blocks[0]!.text as { text: string }).text).toBe('↪ Follow-up: More clashes');
  });

  it.each([
    ['a 400-character headline', { title: 'Clashes '.repeat(50) }],
    [
      'a 10,000-character summary in both languages',
      { summary: { ar: 'جملة طويلة جداً. '.repeat(700), en: 'A long sentence here. '.repeat(500) } },
    ],
    ['no url, no story, no places', { url: null, storyId: null, places: [] }],
    ['a javascript: url', { url: 'javascript:alert(1)' }],
  ])('stays inside Slack limits with %s', (_name, over) => {
    const m = renderAlert(alertView(over));
    expect(blockErrors(m.blocks, 50)).toEqual([]);
    expect((m.blocks[0]!.text as { text: string }).text.length).toBeLessThanOrEqual(LIMITS.header);
    expect(blockText(m.blocks)).toBeLessThan(13_000);
    expect(m.text.length).toBeLessThanOrEqual(LIMITS.fallback);
    expect(JSON.stringify(m.blocks)).not.toContain('javascript:');
  });

  it('drops the buttons row when no button applies', () => {
    const m = renderAlert(alertView({ url: null, storyId: null, places: [] }));
    expect(m.blocks.some((b) => b.type === 'actions')).toBe(false);
  });
});

describe('Slack Block Kit digest and text', () => {
  it('lists stories as escaped mrkdwn links within 50 blocks and the text budget', () => {
    const m = renderDigest(digestView(400));
    expect(blockErrors(m.blocks, 50)).toEqual([]);
    expect(blockText(m.blocks)).toBeLessThan(13_000);
    const first = (m.blocks[1]!.text as { text: string }).text;
    expect(first).toContain('<https://news.example/s/1|Story 1: shelling reported near Deir ez-Zor &lt;&amp;&gt;');
    expect(JSON.stringify(m.blocks.at(-1))).toMatch(/and \d+ more stories/);
  });

  it('splits long replies into sections of at most 3000 characters', () => {
    const m = renderText(Array.from({ length: 100 }, (_, i) => `line ${i} ${'x'.repeat(60)}`).join('\n'));
    expect(m.blocks.length).toBeGreaterThan(1);
    expect(blockErrors(m.blocks, 50)).toEqual([]);
  });
});
