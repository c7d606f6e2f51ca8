// Everything the query parser, the matcher and the geotagger need to know about the world, built once
// from the gazetteer and the alias groups (both passed in: this module does no I/O). It also memoizes
// the token forms of names: recompiling the watches after a change reuses them.
import { type AliasIndex, buildAliasIndex } from './alias-index';
import { type Form, nameForms } from './forms';
import { nameKey } from './names';
import { buildPlaceIndex, type NamedKey, type PlaceIndex } from './place-index';
import type { AliasGroup, Place } from './places-types';
import { AMBIGUOUS_NAMES } from './rules';

export interface PlaceName {
  readonly name: string;
  readonly key: string;
  /** A common word too (Place.ambiguousNames, rules AMBIGUOUS_NAMES): it needs a context word. */
  readonly ambiguous: boolean;
}

export interface MatchContext {
  readonly places: PlaceIndex;
  readonly aliases: AliasIndex;
  /** nameForms (./forms), memoized. */
  nameForms(name: string, flags: number): readonly Form[];
  /** A place's distinct names with their keys, memoized. */
  placeNames(placeId: string): readonly PlaceName[];
}

export function createMatchContext(deps: {
  places: readonly Place[];
  aliasGroups: readonly AliasGroup[];
}): MatchContext {
  const memo = new Map<string, readonly Form[]>();
  const names = new Map<string, readonly PlaceName[]>();
  const places = buildPlaceIndex(deps.places);
  return {
    places,
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
    placeNames(placeId) {
      let list = names.get(placeId);
      if (!list) {
        const p = places.byId(placeId);
        list = p ? namesOf(p, places.namesOf(placeId)) : [];
        names.set(placeId, list);
      }
      return list;
    },
  };
}

/** The place index has each name's key already (no name is tokenized twice). */
function namesOf(p: Place, named: readonly NamedKey[]): PlaceName[] {
  const ambiguous = new Set((p.ambiguousNames ?? []).map(nameKey));
  const out: PlaceName[] = [];
  for (const { name, key } of named) out.push({ name, key, ambiguous: ambiguous.has(key) || AMBIGUOUS_NAMES.has(key) });
  return out;
}
