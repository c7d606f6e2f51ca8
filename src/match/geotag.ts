// Geotagging: the places an article mentions, for alerts ("📍 Hasakah, al-Hasakah governorate") and
// for clustering. Every name of every place is one form (Arabic clitics, Latin articles skipped), but
// not every hit counts (reference §5: 1,012 Syrian names belong to more than one place):
// - a name shared by a place and its own governorate (Hasakah) is the most specific one, unless a
//   governorate word precedes it (محافظة الحسكة);
// - a name shared by unrelated places counts only when one of them is reinforced: a place that
//   contains it is also mentioned; otherwise it is dropped;
// - common-word names need a context word (./rules AMBIGUOUS_NAMES, Place.ambiguousNames);
// - overlapping hits keep the longest (مخيم الهول, not الهول).
import { createTokenizer, tokenKey } from '../text/tokenize';
import type { MatchContext } from './context';
import { createFormTableBuilder, type FormTable } from './form-table';
import { WEAK } from './forms';
import type { MatchArticle } from './matcher';
import { needsReinforcement } from './place-watch';
import type { Place } from './places-types';
import { GOVERNORATE_WORDS } from './rules';
import { type RawHit, scanTokens } from './scan';

export interface PlaceTag {
  readonly placeId: string;
  readonly kind: Place['kind'];
  readonly nameEn: string;
  readonly nameAr: string;
  readonly governorateId: string | null;
  readonly governorateEn: string | null;
  readonly governorateAr: string | null;
  readonly lat: number | null;
  readonly lon: number | null;
  /** How many times the article names it. */
  readonly count: number;
}

export interface Geotagger {
  tag(article: MatchArticle): PlaceTag[];
}

/**
 * Forms of every place name (made with the context, the same the matcher uses for watched places);
 * the slot of a form is the place's position in ctx.places.places.
 */
function compilePlaceNames(ctx: MatchContext): FormTable {
  const table = createFormTableBuilder();
  ctx.places.places.forEach((p, slot) => {
    const names = ctx.placeNames(p.id);
    const forms = ctx.placeForms(slot);
    for (let i = 0; i < names.length; i++) {
      const target = needsReinforcement(p, names[i]!.key) ? WEAK : 0;
      for (const f of forms[i]!) table.add(f, slot, target);
    }
  });
  return table.build();
}

export function createGeotagger(ctx: MatchContext): Geotagger {
  const compiled = compilePlaceNames(ctx);
  const tokenizer = createTokenizer();
  const all = ctx.places.places;
  return {
    tag(article) {
      const hits: RawHit[] = [];
      const govWordBefore = new Set<string>();
      for (const [where, text] of [
        ['title', article.title],
        ['body', article.text],
      ] as const) {
        const t = tokenizer.run(text);
        const before = hits.length;
        scanTokens(text, t, compiled, where, hits);
        for (let i = 0, h = before; h < hits.length && i < t.count; i++) {
          while (h < hits.length && hits[h]!.start === t.starts[i]) {
            if (i > 0 && GOVERNORATE_WORDS.has(tokenKey(t, i - 1))) govWordBefore.add(`${where}:${hits[h]!.start}`);
            h++;
          }
        }
      }
      return resolveTags(longestSpans(hits), govWordBefore, ctx, all);
    },
  };
}

/** Hits grouped by span; spans inside a longer span are dropped. */
function longestSpans(hits: readonly RawHit[]): Map<string, RawHit[]> {
  const spans = new Map<string, RawHit[]>();
  for (const h of hits) {
    const k = `${h.where}:${h.start}:${h.end}`;
    spans.set(k, [...(spans.get(k) ?? []), h]);
  }
  const keys = [...spans.keys()].map((k) => k.split(':')).map(([w, s, e]) => ({ w, s: Number(s), e: Number(e) }));
  for (const a of keys)
    if (keys.some((b) => b.w === a.w && b.s <= a.s && b.e >= a.e && b.e - b.s > a.e - a.s))
      spans.delete(`${a.w}:${a.s}:${a.e}`);
  return spans;
}

function resolveTags(
  spans: Map<string, RawHit[]>,
  govWord: Set<string>,
  ctx: MatchContext,
  all: readonly Place[],
): PlaceTag[] {
  const candidates = [...spans.entries()].map(([k, hs]) => ({
    at: k.split(':').slice(0, 2).join(':'),
    places: [...new Set(hs.map((h) => all[h.slot]!))],
    weak: hs.every((h) => h.weak),
  }));
  // Places named without doubt, and everything that contains them, reinforce the others.
  const sure = new Set<string>();
  for (const c of candidates)
    if (c.places.length === 1 && !c.weak) {
      sure.add(c.places[0]!.id);
      for (const a of ctx.places.ancestors(c.places[0]!.id)) if (a.kind !== 'country') sure.add(a.id);
    }
  const reinforced = (p: Place) => ctx.places.ancestors(p.id).some((a) => sure.has(a.id));
  const counts = new Map<string, number>();
  for (const c of candidates) {
    const chosen = c.places.length === 1 ? c.places[0]! : choose(c.places, govWord.has(c.at), reinforced, ctx);
    if (!chosen || (c.weak && !reinforced(chosen))) continue;
    counts.set(chosen.id, (counts.get(chosen.id) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([id, count]) => toTag(ctx.places.byId(id)!, count, ctx));
}

function choose(places: Place[], govWord: boolean, reinforced: (p: Place) => boolean, ctx: MatchContext): Place | null {
  const ids = new Set(places.map((p) => p.id));
  const chain = places.filter(
    (p) => ctx.places.ancestors(p.id).filter((a) => ids.has(a.id)).length === places.length - 1,
  );
  if (chain.length === 1) {
    // City and governorate (or district) of one name: the most specific, unless "محافظة" says otherwise.
    return govWord ? (places.find((p) => p.kind === 'governorate') ?? chain[0]!) : chain[0]!;
  }
  const backed = places.filter(reinforced);
  return backed.length === 1 ? backed[0]! : null;
}

function toTag(p: Place, count: number, ctx: MatchContext): PlaceTag {
  const gov = ctx.places.governorateOf(p.id);
  return {
    placeId: p.id,
    kind: p.kind,
    nameEn: p.nameEn,
    nameAr: p.nameAr,
    governorateId: gov?.id ?? null,
    governorateEn: gov?.nameEn ?? null,
    governorateAr: gov?.nameAr ?? null,
    lat: p.lat,
    lon: p.lon,
    count,
  };
}

/** One-off convenience: tags an article (build a Geotagger once to tag many). */
export function tagPlaces(article: MatchArticle, ctx: MatchContext): PlaceTag[] {
  return createGeotagger(ctx).tag(article);
}
