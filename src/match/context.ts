// Everything the query parser, the matcher and the geotagger need to know about the world, built once
// from the gazetteer and the alias groups (both passed in: this module does no I/O). The forms of every
// place's names are made here, once per process (~35 ms for the 648 places and 5,912 names of the
// bundled gazetteer), not in each compile of the watches; other names' forms are memoized.
import { type AliasIndex, buildAliasIndex } from './alias-index';
import { AMBIGUOUS, type Form, isAcronym, nameForms, nameFormsOfKey } from './forms';
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
  /**
   * The forms of each of the names of places.places[index] (placeNames' order), as the matcher puts
   * them in its table: common-word names and short Latin ones (a, al, Bab) unless written as an
   * acronym are AMBIGUOUS.
   */
  placeForms(index: number): readonly (readonly Form[])[];
}

export function createMatchContext(deps: {
  places: readonly Place[];
  aliasGroups: readonly AliasGroup[];
}): MatchContext {
  const memo = new Map<string, readonly Form[]>();
  const names = new Map<string, readonly PlaceName[]>();
  const places = buildPlaceIndex(deps.places);
  const placeNames = (placeId: string) => {
    let list = names.get(placeId);
    if (!list) {
      const p = places.byId(placeId);
      list = p ? namesOf(p, places.namesOf(placeId)) : [];
      names.set(placeId, list);
    }
    return list;
  };
  const placeForms = new Array<readonly (readonly Form[])[]>(places.places.length);
  for (let i = 0; i < placeForms.length; i++) placeForms[i] = formsOf(placeNames(places.places[i]!.id));
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
    placeNames,
    placeForms: (index) => placeForms[index]!,
  };
}

/** A one- to three-letter Latin key (a, al, Bab) is a common word unless written as an acronym. */
const SHORT_LATIN = /^[a-z]{1,3}$/;

/** The forms of each of a place's names, from the keys the place index made (no name is tokenized again). */
function formsOf(names: readonly PlaceName[]): readonly (readonly Form[])[] {
  const made = new Array<readonly Form[]>(names.length);
  for (let i = 0; i < names.length; i++) {
    const n = names[i]!;
    const flags = n.ambiguous || (SHORT_LATIN.test(n.key) && !isAcronym(n.name)) ? AMBIGUOUS : 0;
    made[i] = nameFormsOfKey(n.name, n.key, flags);
  }
  return made;
}

/** The place index has each name's key already (no name is tokenized twice). */
function namesOf(p: Place, named: readonly NamedKey[]): PlaceName[] {
  const ambiguous = new Set((p.ambiguousNames ?? []).map(nameKey));
  const out: PlaceName[] = [];
  for (const { name, key } of named) out.push({ name, key, ambiguous: ambiguous.has(key) || AMBIGUOUS_NAMES.has(key) });
  return out;
}
