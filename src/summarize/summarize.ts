// The built-in summary of an alert, always available, offline and pure:
//  1. the matched article's part that the watch hit (./segments) is what is summarized;
//  2. in the article's language: the extractive summary (./extractive);
//  3. in the other language: the automatic brief (./brief), labelled as such;
//  4. for a follow-up: what is new since the previous summary (./whats-new).
import type { AliasGroup, Place } from '../match/places-types';
import { buildBrief, type Outlet } from './brief';
import { extractiveSummary } from './extractive';
import type { Doc } from './facts';
import type { Lexicon } from './lexicon';
import type { PlaceById } from './place-pick';
import { segmentOfHits, segmentText } from './segments';
import { type SummaryKeys, summaryKeys, whatsNew } from './whats-new';

export type SummaryLangs = 'ar' | 'en' | 'both';
export type SummarySource = 'builtin' | 'llm' | 'translate';

export interface AlertArticle {
  readonly title: string;
  readonly text: string;
  readonly lang: string | null;
  readonly outlet?: Outlet;
}

export interface SummaryInput {
  readonly storyId?: number | string;
  /** Every article of the story so far (the matched one may be among them). */
  readonly articles: readonly AlertArticle[];
  readonly matched: AlertArticle;
  /** The watch hits (src/match Hit); body offsets are used. */
  readonly hits?: readonly { readonly start: number; readonly end: number; readonly where?: 'title' | 'body' }[];
  readonly langs: SummaryLangs;
  /** Outlets of the story (default: those of the articles). */
  readonly outlets?: readonly Outlet[];
  readonly places: readonly Place[];
  readonly actors: readonly AliasGroup[];
  readonly placeById?: PlaceById;
  /** The summary sent before for this story, for "what's new". */
  readonly previous?: { readonly keys: SummaryKeys } | null;
  /** Epoch ms of the first report, shown in the brief. */
  readonly at?: number | null;
}

export interface Summary {
  readonly ar?: string;
  readonly en?: string;
  readonly source: SummarySource;
  readonly whatsNew?: { readonly ar?: string; readonly en?: string };
  /** Language-neutral keys of what the summary says (stored; the next follow-up is compared to it). */
  readonly keys: SummaryKeys;
}

export const wantedLangs = (langs: SummaryLangs): ('ar' | 'en')[] => (langs === 'both' ? ['ar', 'en'] : [langs]);

/** The read part of each article: the matched segment of the matched article, the lead of the others. */
export function storyDocs(input: SummaryInput): { docs: Doc[]; articles: AlertArticle[] } {
  const bodyHits = (input.hits ?? []).filter((h) => h.where !== 'title');
  const segs = segmentText(input.matched.text);
  const si = segmentOfHits(segs, bodyHits);
  const matchedRange = segs[si]!;
  const docs: Doc[] = [
    { title: input.matched.title, text: input.matched.text, range: matchedRange, useTitle: si === 0 },
  ];
  const articles: AlertArticle[] = [input.matched];
  for (const a of input.articles) {
    if (a === input.matched || (a.text === input.matched.text && a.title === input.matched.title)) continue;
    docs.push({ title: a.title, text: a.text, range: segmentText(a.text)[0]! });
    articles.push(a);
  }
  return { docs, articles };
}

function defaultOutlets(input: SummaryInput): Outlet[] {
  const seen = new Map<string, Outlet>();
  for (const a of [input.matched, ...input.articles])
    if (a.outlet) seen.set(typeof a.outlet === 'string' ? a.outlet : a.outlet.en, a.outlet);
  return [...seen.values()];
}

export function summarizeForAlert(input: SummaryInput, lexicon: Lexicon): Summary {
  const { docs } = storyDocs(input);
  const candidates = new Map(input.places.map((p) => [p.id, p]));
  const placeById = input.placeById ?? ((id: string) => candidates.get(id));
  const brief = buildBrief({
    docs,
    lexicon,
    places: input.places,
    actors: input.actors,
    placeById,
    outlets: input.outlets ?? defaultOutlets(input),
    at: input.at ?? null,
  });
  const out: { ar?: string; en?: string } = {};
  const news: { ar?: string; en?: string } = {};
  for (const lang of wantedLangs(input.langs)) {
    out[lang] =
      input.matched.lang === lang
        ? extractiveSummary({
            title: input.matched.title,
            text: input.matched.text,
            lang,
            hits: (input.hits ?? []).filter((h) => h.where !== 'title'),
            places: input.places.flatMap((p) => [p.nameAr, p.nameEn]),
          }).text
        : brief[lang];
    const n = input.previous ? whatsNew(brief.facts, input.previous.keys, lexicon, placeById, lang) : undefined;
    if (n) news[lang] = n;
  }
  return {
    ...out,
    source: 'builtin',
    ...(Object.keys(news).length > 0 ? { whatsNew: news } : {}),
    keys: summaryKeys(brief.facts),
  };
}
