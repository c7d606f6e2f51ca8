// Which place a brief is about. Every mentioned place supports itself and the places that contain it
// (a prison mention supports its quarter, city and governorate). The headline area is the most
// specific settlement or governorate with at least 60% of the best support; a mentioned site or
// quarter inside it becomes "at <site>". Districts only stand in when nothing else is named; a
// country never is the headline when something smaller is named.
import type { Place, PlaceKind } from '../match/places-types';
import { type FactSpan, type Found, weight } from './facts';

const AREA_RANK: Partial<Record<PlaceKind, number>> = {
  city: 3,
  town: 3,
  village: 3,
  governorate: 2,
  subdistrict: 1,
  district: 1,
  country: 0,
};
const SITE_KINDS: ReadonlySet<PlaceKind> = new Set(['site', 'quarter']);
const SUPPORT_SHARE = 0.6;

export type PlaceById = (id: string) => Place | undefined;

/** The place, then its parents up to the country (cycles cut). */
export function placeChain(p: Place, byId: PlaceById): Place[] {
  const out = [p];
  for (
    let q = p.parentId ? byId(p.parentId) : undefined;
    q && out.length < 12;
    q = q.parentId ? byId(q.parentId) : undefined
  ) {
    if (out.some((x) => x.id === q!.id)) break;
    out.push(q);
  }
  return out;
}

export interface PlacePick {
  readonly area: Place;
  readonly governorate: Place | null;
  readonly country: Place | null;
  readonly site: Place | null;
  /** The mentions the pick rests on. */
  readonly spans: readonly FactSpan[];
}

export function pickPlace(found: readonly Found[], byId: PlaceById): PlacePick | null {
  const mentioned = found.flatMap((f) => {
    const p = byId(f.id);
    return p ? [{ p, f, chain: placeChain(p, byId) }] : [];
  });
  const support = new Map<string, { place: Place; score: number; spans: FactSpan[] }>();
  for (const m of mentioned) {
    for (const a of m.chain) {
      if (AREA_RANK[a.kind] === undefined) continue;
      const s = support.get(a.id) ?? { place: a, score: 0, spans: [] };
      s.score += weight(m.f);
      s.spans.push(...m.f.spans);
      support.set(a.id, s);
    }
  }
  const all = [...support.values()];
  if (all.length === 0) return null;
  const max = Math.max(...all.map((s) => s.score));
  const eligible = all.filter((s) => s.score >= SUPPORT_SHARE * max);
  eligible.sort(
    (a, b) =>
      AREA_RANK[b.place.kind]! - AREA_RANK[a.place.kind]! ||
      b.score - a.score ||
      b.place.population - a.place.population,
  );
  const area = eligible[0]!;
  const chain = placeChain(area.place, byId);
  const sites = mentioned
    .filter((m) => SITE_KINDS.has(m.p.kind) && m.chain.some((c) => c.id === area.place.id))
    .sort((a, b) => Number(b.p.kind === 'site') - Number(a.p.kind === 'site') || weight(b.f) - weight(a.f));
  return {
    area: area.place,
    governorate: chain.find((c) => c.kind === 'governorate' && c.id !== area.place.id) ?? null,
    country: chain.find((c) => c.kind === 'country' && c.id !== area.place.id) ?? null,
    site: sites[0]?.p ?? null,
    spans: area.spans,
  };
}
