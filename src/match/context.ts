// Everything the query parser, the matcher and the geotagger need to know about the world, built once
// from the gazetteer and the alias groups (both passed in: this module does no I/O). It also memoizes
// the token forms of names: recompiling the watches after a change reuses them.
import { type AliasIndex, buildAliasIndex } from './alias-index';
import { type Form, nameForms } from './forms';
import { buildPlaceIndex, type PlaceIndex } from './place-index';
import type { AliasGroup, Place } from './places-types';

export interface MatchContext {
  readonly places: PlaceIndex;
  readonly aliases: AliasIndex;
  /** nameForms (./forms), memoized. */
  nameForms(name: string, flags: number): readonly Form[];
}

export function createMatchContext(deps: {
  places: readonly Place[];
  aliasGroups: readonly AliasGroup[];
}): MatchContext {
  const memo = new Map<string, readonly Form[]>();
  return {
    places: buildPlaceIndex(deps.places),
    aliases: buildAliasIndex(deps.aliasGroups),
    nameForms(name, flags) {
      const k = `${flags}|${name}`;
      let forms = memo.get(k);
      if (!forms) {
        forms = nameForms(name, flags);
        memo.set(k, forms);
      }
      return forms;
    },
  };
}
