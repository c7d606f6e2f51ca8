// Everything the query parser, the matcher and the geotagger need to know about the world, built once
// from the gazetteer and the alias groups (both passed in: this module does no I/O).
import { type AliasIndex, buildAliasIndex } from './alias-index';
import { buildPlaceIndex, type PlaceIndex } from './place-index';
import type { AliasGroup, Place } from './places-types';

export interface MatchContext {
  readonly places: PlaceIndex;
  readonly aliases: AliasIndex;
}

export function createMatchContext(deps: {
  places: readonly Place[];
  aliasGroups: readonly AliasGroup[];
}): MatchContext {
  return { places: buildPlaceIndex(deps.places), aliases: buildAliasIndex(deps.aliasGroups) };
}
