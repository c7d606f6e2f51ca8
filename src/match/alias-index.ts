// Alias groups by name key: a term that is any alias of a group stands for the whole group, in both
// languages (داعش = ISIS = "Islamic State").

import { nameKey } from './names';
import type { AliasGroup } from './places-types';

export interface AliasIndex {
  readonly groups: readonly AliasGroup[];
  byId(id: string): AliasGroup | undefined;
  /** Groups that have this name as an alias. */
  resolve(name: string): AliasGroup[];
  byKey(key: string): readonly AliasGroup[];
}

export function buildAliasIndex(groups: readonly AliasGroup[]): AliasIndex {
  const byId = new Map<string, AliasGroup>();
  const byKey = new Map<string, AliasGroup[]>();
  for (const g of groups) {
    byId.set(g.id, g);
    for (const k of new Set([g.nameEn, g.nameAr, ...g.aliases].map(nameKey).filter((x) => x !== ''))) {
      const list = byKey.get(k) ?? [];
      list.push(g);
      byKey.set(k, list);
    }
  }
  return {
    groups,
    byId: (id) => byId.get(id),
    resolve: (name) => [...(byKey.get(nameKey(name)) ?? [])],
    byKey: (key) => byKey.get(key) ?? [],
  };
}
