// The matcher's view of the gazetteer: places by id and by name key, and the containment tree
// (governorate → districts → towns; city → quarters and sites). Built once from Place[].
import { nameKey } from './names';
import type { Place } from './places-types';

export interface PlaceIndex {
  readonly places: readonly Place[];
  byId(id: string): Place | undefined;
  /** Places that carry this name (any language or spelling), most important first. */
  resolve(name: string): Place[];
  /** Places whose names include this name key. */
  byKey(key: string): readonly Place[];
  /** Every place inside this one, at any depth (not the place itself). */
  descendants(id: string): Place[];
  /** Parent, grandparent, ... up to the country (computed once per place). */
  ancestors(id: string): readonly Place[];
  /** Position of the place in `places`, or -1. */
  indexOf(id: string): number;
  /** The governorate that contains (or is) this place, or null. */
  governorateOf(id: string): Place | null;
  /** Name keys of a place (display names and every spelling). */
  keysOf(id: string): readonly string[];
  /** A place's distinct names with a non-empty key, each with its key (computed once, here). */
  namesOf(id: string): readonly NamedKey[];
}

export interface NamedKey {
  readonly name: string;
  readonly key: string;
}

const KIND_RANK: Readonly<Record<Place['kind'], number>> = {
  country: 0,
  governorate: 1,
  city: 2,
  district: 3,
  subdistrict: 4,
  town: 5,
  site: 6,
  quarter: 7,
  village: 8,
};

const rank = (a: Place, b: Place) => KIND_RANK[a.kind] - KIND_RANK[b.kind] || b.population - a.population;

export function buildPlaceIndex(places: readonly Place[]): PlaceIndex {
  const byId = new Map<string, Place>();
  const position = new Map<string, number>();
  for (const [i, p] of places.entries()) position.set(p.id, i);
  const children = new Map<string, Place[]>();
  const byKey = new Map<string, Place[]>();
  const keysOf = new Map<string, string[]>();
  const namesOf = new Map<string, NamedKey[]>();
  for (const p of places) byId.set(p.id, p);
  for (const p of places) {
    if (p.parentId !== null) {
      const list = children.get(p.parentId) ?? [];
      list.push(p);
      children.set(p.parentId, list);
    }
    const named: NamedKey[] = [];
    for (const name of new Set([p.nameEn, p.nameAr, ...p.names])) {
      const key = nameKey(name);
      if (key !== '') named.push({ name, key });
    }
    namesOf.set(p.id, named);
    const keys = [...new Set(named.map((n) => n.key))];
    keysOf.set(p.id, keys);
    for (const k of keys) {
      const list = byKey.get(k) ?? [];
      list.push(p);
      byKey.set(k, list);
    }
  }
  for (const list of byKey.values()) list.sort(rank);
  const chain = (id: string): Place[] => {
    const out: Place[] = [];
    const seen = new Set<string>([id]);
    let cur = byId.get(id)?.parentId ?? null;
    while (cur !== null && !seen.has(cur)) {
      seen.add(cur);
      const p = byId.get(cur);
      if (!p) break;
      out.push(p);
      cur = p.parentId;
    }
    return out;
  };
  const chains = new Map<string, readonly Place[]>();
  const ancestors = (id: string): readonly Place[] => {
    let list = chains.get(id);
    if (!list) {
      list = chain(id);
      chains.set(id, list);
    }
    return list;
  };
  return {
    places,
    byId: (id) => byId.get(id),
    indexOf: (id) => position.get(id) ?? -1,
    resolve: (name) => [...(byKey.get(nameKey(name)) ?? [])],
    byKey: (key) => byKey.get(key) ?? [],
    descendants(id) {
      const out: Place[] = [];
      const seen = new Set<string>([id]);
      const stack = [...(children.get(id) ?? [])];
      while (stack.length > 0) {
        const p = stack.pop()!;
        if (seen.has(p.id)) continue;
        seen.add(p.id);
        out.push(p);
        stack.push(...(children.get(p.id) ?? []));
      }
      return out;
    },
    ancestors,
    governorateOf(id) {
      const self = byId.get(id);
      if (self?.kind === 'governorate') return self;
      return ancestors(id).find((p) => p.kind === 'governorate') ?? null;
    },
    keysOf: (id) => keysOf.get(id) ?? [],
    namesOf: (id) => namesOf.get(id) ?? [],
  };
}
