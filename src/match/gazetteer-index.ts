// Lookups over the gazetteer's places. Pure: the places and the normalizer are passed in.
// Rules:
// - resolve: a name matches a place when their keys are equal. Key = the normalizer's output,
//   split into letter/digit tokens, with Latin article tokens dropped ("El Haseke" = "Haseke").
//   Arabic keeps its article: الباب is a town, باب a door (reference §2).
// - Several places may share a name (Hasakah city and governorate): ranked by kind (a city
//   before its governorate, a governorate before a same-named town), then population.
// - skeletonCandidates: spellings no table lists ("Qamishly") reach a place through the
//   consonant skeleton (place-skeleton.ts), confirmed by string similarity; keys under 4
//   letters never fuzz.

import { dropArticles, MIN_SKELETON_LETTERS, nameSimilarity, skeletonKey } from './place-skeleton';
import type { Place, PlaceKind } from './places-types';

/** Below this a skeleton candidate is a coincidence, not a spelling (Levenshtein ratio). */
export const MIN_SPELLING_SIMILARITY = 0.75;

const KIND_RANK: Readonly<Record<PlaceKind, number>> = {
  country: 0,
  city: 1,
  governorate: 2,
  district: 3,
  town: 4,
  site: 5,
  quarter: 6,
  subdistrict: 7,
  village: 8,
};

export interface PlaceIndex {
  readonly places: readonly Place[];
  byId(id: string): Place | undefined;
  /** Places with exactly this name after normalization, best first. */
  resolve(name: string): Place[];
  /** Every place inside this one, at any depth, nearest first. */
  descendants(id: string): Place[];
  /** The chain of containing places, nearest first (town, district, governorate, country). */
  ancestors(id: string): Place[];
  /** Places whose Latin spelling is probably this one (skeleton + similarity), best first. */
  skeletonCandidates(latinName: string): Place[];
}

export function createPlaceIndex(places: readonly Place[], normalize: (s: string) => string): PlaceIndex {
  const byId = new Map(places.map((p) => [p.id, p]));
  const children = groupBy(places, (p) => (p.parentId === null ? [] : [p.parentId]));
  const key = (name: string): string =>
    dropArticles(
      normalize(name)
        .split(/[^\p{L}\p{N}]+/u)
        .filter((t) => t.length > 0),
    ).join(' ');
  const byName = groupBy(places, (p) => [...new Set(p.names.map(key))].filter((k) => k.length > 0));
  const bySkeleton = groupBy(places, (p) => [
    ...new Set(p.names.map(skeletonKey).filter((k) => k.length >= MIN_SKELETON_LETTERS)),
  ]);

  return {
    places,
    byId: (id) => byId.get(id),
    resolve: (name) => ranked(byName.get(key(name)) ?? []),
    descendants(id) {
      const out: Place[] = [];
      const queue = [...(children.get(id) ?? [])];
      for (let p = queue.shift(); p; p = queue.shift()) {
        out.push(p);
        queue.push(...(children.get(p.id) ?? []));
      }
      return out;
    },
    ancestors(id) {
      const out: Place[] = [];
      const seen = new Set([id]);
      for (let p = byId.get(byId.get(id)?.parentId ?? ''); p && !seen.has(p.id); p = byId.get(p.parentId ?? '')) {
        seen.add(p.id);
        out.push(p);
      }
      return out;
    },
    skeletonCandidates(latinName) {
      const skeleton = skeletonKey(latinName);
      if (skeleton.length < MIN_SKELETON_LETTERS) return [];
      const close = (bySkeleton.get(skeleton) ?? []).filter((p) =>
        p.names.some((n) => skeletonKey(n) === skeleton && nameSimilarity(n, latinName) >= MIN_SPELLING_SIMILARITY),
      );
      return ranked(close);
    },
  };
}

function ranked(list: readonly Place[]): Place[] {
  return [...list].sort(
    (a, b) =>
      KIND_RANK[a.kind] - KIND_RANK[b.kind] || b.population - a.population || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

function groupBy(places: readonly Place[], keysOf: (p: Place) => readonly string[]): Map<string, Place[]> {
  const map = new Map<string, Place[]>();
  for (const p of places) {
    for (const k of keysOf(p)) {
      const list = map.get(k);
      if (list) list.push(p);
      else map.set(k, [p]);
    }
  }
  return map;
}
