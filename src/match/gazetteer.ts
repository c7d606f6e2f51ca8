// Loads the built gazetteer (data/gazetteer.json, from scripts/build-gazetteer.ts). I/O edge: the
// lookups themselves are pure and live in ./gazetteer-index.
// Place data © GeoNames (https://www.geonames.org/), CC BY 4.0.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Place } from './places-types';

export { createPlaceIndex, type PlaceIndex } from './gazetteer-index';

export const DEFAULT_GAZETTEER_PATH = new URL('../../data/gazetteer.json', import.meta.url);

const placeSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(['country', 'governorate', 'district', 'subdistrict', 'city', 'town', 'village', 'quarter', 'site']),
  nameEn: z.string().min(1),
  nameAr: z.string().min(1),
  names: z.array(z.string()),
  parentId: z.string().nullable(),
  countryCode: z.string(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  population: z.number(),
  ambiguousNames: z.array(z.string()).optional(),
});

const fileSchema = z.object({ version: z.literal(1), attribution: z.string(), places: z.array(placeSchema) });

/**
 * The gazetteer's places. The file ships with the code, so a missing or malformed one is a broken
 * install, not an expected failure: it throws, saying how to rebuild it.
 */
export function loadGazetteer(dataPath: string | URL = DEFAULT_GAZETTEER_PATH): Place[] {
  const fix = 'rebuild it with `npm run build:gazetteer` (npx tsx scripts/build-gazetteer.ts)';
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(dataPath, 'utf8'));
  } catch (cause) {
    throw new Error(`cannot read the gazetteer at ${shown(dataPath)}: ${fix}`, { cause });
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`gazetteer ${shown(dataPath)} is malformed at ${issue.path.join('.')}: ${issue.message}; ${fix}`);
  }
  return parsed.data.places;
}

const shown = (p: string | URL): string => (p instanceof URL ? fileURLToPath(p) : p);
