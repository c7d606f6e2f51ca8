// What a follow-up adds to the summary already sent for the story: new counts (a higher toll), new
// places, new outlets. Compared on language-neutral keys, so an Arabic report can update an English
// summary. Nothing new: no line.
import type { Place } from '../match/places-types';
import type { BriefFacts } from './brief';
import { countText, outletName } from './brief';
import type { Lexicon } from './lexicon';

/** The language-neutral keys a summary is compared on; stored with the cached summary. */
export interface SummaryKeys {
  readonly placeIds: readonly string[];
  readonly counts: readonly { readonly id: string; readonly value: number }[];
  readonly outlets: readonly string[];
}

export function summaryKeys(f: BriefFacts): SummaryKeys {
  return {
    placeIds: [...f.placeIds],
    counts: f.counts.map((c) => ({ id: c.id, value: c.value })),
    outlets: f.outlets.map((o) => outletName(o, 'en')),
  };
}

export const WHATS_NEW_LABEL = { en: "What's new", ar: 'الجديد' } as const;

export function whatsNew(
  current: BriefFacts,
  previous: SummaryKeys,
  lexicon: Lexicon,
  placeById: (id: string) => Place | undefined,
  lang: 'en' | 'ar',
): string | undefined {
  const en = lang === 'en';
  const seenCounts = new Set(previous.counts.map((c) => `${c.id}:${c.value}`));
  const counts = current.counts
    .filter((c) => !seenCounts.has(`${c.id}:${c.value}`))
    .map((c) => countText(c, lexicon, lang));
  const places = current.placeIds
    .filter((id) => !previous.placeIds.includes(id))
    .map(placeById)
    .filter((p): p is Place => !!p && p.kind !== 'country')
    .slice(0, 2)
    .map((p) => (en ? p.nameEn : p.nameAr));
  const outlets = current.outlets
    .filter((o) => !previous.outlets.includes(outletName(o, 'en')))
    .map((o) => outletName(o, lang));
  const parts = [
    counts.join(en ? ', ' : '، '),
    places.length > 0 ? `${en ? 'also' : 'أيضاً'} ${places.join(en ? ', ' : '، ')}` : '',
    outlets.length > 0 ? `${en ? 'now also reported by' : 'أوردته أيضاً'} ${outlets.join(en ? ', ' : '، ')}` : '',
  ].filter((p) => p !== '');
  if (parts.length === 0) return undefined;
  return `${en ? WHATS_NEW_LABEL.en : WHATS_NEW_LABEL.ar}: ${parts.join(en ? '; ' : '؛ ')}.`;
}
