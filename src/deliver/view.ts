// Builds the platform-neutral view of what a chat gets (an alert, a digest) from the stored article,
// story and alert evidence. The summary comes from the summarizer when one is wired in, else from the
// article's first sentences. Reads the store; renders nothing (senders do).
import type { Alert } from '../store/alerts-repo';
import type { ArticlesRepo, StoredArticle } from '../store/articles-repo';
import type { Subscriber } from '../store/subscribers-repo';
import { leadSentences, looksArabic } from './lead';
import type { OutboxStore } from './outbox-store';
import type { AlertView, DigestView, Lang, SummaryLang } from './sender';

export interface SummaryRequest {
  readonly article: StoredArticle;
  readonly storyId: number | null;
  readonly langs: SummaryLang;
  readonly hits: readonly { readonly start: number; readonly end: number; readonly where?: 'title' | 'body' }[];
  /** A later report threaded under the story's first alert. */
  readonly followUp?: boolean;
}

/** The summarizer port: null (or a throw) falls back to the article's lead. */
export type AlertSummarizer = (req: SummaryRequest) => Promise<{ ar?: string; en?: string } | null>;

export interface ViewDeps {
  readonly store: OutboxStore;
  readonly articles: ArticlesRepo;
  readonly sourceName: (sourceId: string) => string;
  readonly placeName?: (placeId: string, lang: Lang) => string | undefined;
  readonly summarize?: AlertSummarizer;
}

interface Evidence {
  readonly terms: string[];
  readonly hits: SummaryRequest['hits'];
  readonly places: string[];
}

/** Evidence JSON as the alerting stage writes it ({hits: [{term, start, end, where}], places?}). */
export function parseEvidence(json: string | null): Evidence {
  try {
    const v = JSON.parse(json ?? '{}') as { hits?: unknown; terms?: unknown; places?: unknown };
    const hits = Array.isArray(v.hits) ? (v.hits as { term?: unknown; start?: number; end?: number }[]) : [];
    const terms = [...new Set([...hits.map((h) => h.term), ...(Array.isArray(v.terms) ? v.terms : [])].filter(isText))];
    const places = Array.isArray(v.places) ? v.places.filter(isText) : [];
    return { terms, hits: hits.filter((h) => typeof h.start === 'number') as Evidence['hits'], places };
  } catch {
    return { terms: [], hits: [], places: [] };
  }
}
const isText = (x: unknown): x is string => typeof x === 'string' && x.length > 0;

/** The chat's /lang, else the language of whoever last ran a command there, else English. */
export const uiLangOf = (s: Subscriber, hint: Lang | null = null): Lang => s.uiLang ?? hint ?? 'en';

export function createViewBuilder(deps: ViewDeps) {
  const { store, articles } = deps;

  async function summaryOf(article: StoredArticle, alert: Alert, langs: SummaryLang, ev: Evidence) {
    if (deps.summarize) {
      try {
        const followUp = alert.kind === 'follow-up';
        const s = await deps.summarize({ article, storyId: alert.storyId, langs, hits: ev.hits, followUp });
        if (s && (s.ar || s.en)) return s;
      } catch {
        // the lead below is always available
      }
    }
    const lead = leadSentences(article.text || article.summary || article.title);
    const ar = article.lang ? article.lang.startsWith('ar') : looksArabic(lead);
    return ar ? { ar: lead } : { en: lead };
  }

  return {
    /** The outlet (source display name) of an alert's article. */
    outletOf(alert: Alert): string {
      const a = articles.get(alert.articleId);
      return a ? deps.sourceName(a.sourceId) : `article ${alert.articleId}`;
    },

    async alert(alert: Alert, sub: Subscriber): Promise<AlertView | null> {
      const article = articles.get(alert.articleId);
      if (!article) return null;
      const story = alert.storyId !== null ? store.story(alert.storyId) : undefined;
      const ev = parseEvidence(alert.evidence);
      const lang = uiLangOf(sub, store.langHint(sub.id));
      const outlet = deps.sourceName(article.sourceId);
      const placeIds = ev.places.length > 0 ? ev.places : (story?.places ?? []);
      return {
        alertId: alert.id,
        kind: alert.kind === 'follow-up' ? 'follow-up' : 'alert',
        storyId: alert.storyId,
        title: article.title,
        url: article.url,
        outlets: [outlet, ...(story?.outlets ?? []).filter((o) => o !== outlet)],
        publishedAt: article.publishedAt,
        summary: await summaryOf(article, alert, sub.summaryLang, ev),
        terms: ev.terms,
        places: placeIds
          .map((id) => ({ id, name: deps.placeName?.(id, lang) ?? '' }))
          .filter((p) => p.name !== '')
          .slice(0, 5),
        storySize: story?.articleCount ?? 1,
        uiLang: lang,
        summaryLang: sub.summaryLang,
      };
    },

    digest(alerts: readonly Alert[], sub: Subscriber, reason: DigestView['reason']): DigestView {
      const groups = new Map<string, { title: string; url: string | null; outlets: string[]; alerts: number }>();
      for (const a of alerts) {
        const article = articles.get(a.articleId);
        const key = a.storyId !== null ? `s${a.storyId}` : `a${a.articleId}`;
        const outlet = article ? deps.sourceName(article.sourceId) : '';
        const g = groups.get(key);
        if (g) {
          g.alerts++;
          if (outlet && !g.outlets.includes(outlet)) g.outlets.push(outlet);
          continue;
        }
        groups.set(key, {
          title: article?.title ?? (a.storyId !== null ? (store.story(a.storyId)?.title ?? '') : ''),
          url: article?.url ?? null,
          outlets: outlet ? [outlet] : [],
          alerts: 1,
        });
      }
      return {
        reason,
        uiLang: uiLangOf(sub, store.langHint(sub.id)),
        alertCount: alerts.length,
        stories: [...groups.values()],
      };
    },
  };
}

export type ViewBuilder = ReturnType<typeof createViewBuilder>;
