// Merges GeoNames towns with the curated table into the gazetteer's places. Pure.
// Rules: curated display names win; a town's parent is, in order, the district whose seat it is,
// the district of its GeoNames admin2 code, the governorate of its admin1 code, its country.
// Kind: city when population ≥ 100k or an admin seat (PPLC, PPLA, PPLA2), quarter for a section
// of a city (PPLX), else town. Ambiguous names: the curated ones, every name equal to a common
// word, and Latin names shorter than 4 letters ("Bab", "Hol", "Hit"; "Al-Bab" is specific enough).

import { foldLatinTokens, MIN_SKELETON_LETTERS } from '../../src/match/place-skeleton';
import type { Place, PlaceKind } from '../../src/match/places-types';
import type { CuratedEntry, CuratedTable } from './curated';
import type { GeoRow } from './geonames';
import { pickArabicName, plausibleNames } from './names';

const CITY_POPULATION = 100_000;
const SEAT_CODES = new Set(['PPLC', 'PPLA', 'PPLA2']);

export interface MergeResult {
  readonly places: Place[];
  readonly errors: string[];
  /** GeoNames towns with no Arabic name: their nameAr falls back to the Latin name. */
  readonly withoutArabic: number;
}

export function mergePlaces(rows: readonly GeoRow[], table: CuratedTable): MergeResult {
  const errors: string[] = [];
  const created = table.places.filter((e) => e.id !== undefined);
  const patches = new Map(table.places.filter((e) => e.gn !== undefined).map((e) => [e.gn!, e]));
  const byAdmin = new Map(created.filter((e) => e.admin).map((e) => [e.admin!, e.id!]));
  const bySeat = new Map(created.filter((e) => e.seat).map((e) => [e.seat!, e.id!]));
  const countries = new Map(created.filter((e) => e.kind === 'country').map((e) => [e.cc ?? '', e.id!]));
  const common = new Set(table.commonWords.map(foldArabic));

  let withoutArabic = 0;
  const places: Place[] = [];
  for (const row of rows) {
    const patch = patches.get(row.geonameId);
    patches.delete(row.geonameId);
    const parentId =
      bySeat.get(row.geonameId) ?? byAdmin.get(row.admin2) ?? byAdmin.get(row.admin1) ?? countries.get(row.countryCode);
    const town = fromGeoNames(row, parentId ?? null, patch, common);
    if (town.arabicMissing) withoutArabic++;
    places.push(town.place);
  }
  for (const gn of patches.keys()) errors.push(`gn:${gn}: patched in the curated table but not in cities500`);
  for (const seat of bySeat.keys()) {
    if (!rows.some((r) => r.geonameId === seat)) errors.push(`seat ${seat} is not a cities500 town`);
  }

  // A curated place's country: its own cc, else the first one up its parent chain (which may pass
  // through a GeoNames town: a quarter of Hasakah city).
  const curatedById = new Map(created.map((e) => [e.id!, e]));
  const townCc = new Map(places.map((p) => [p.id, p.countryCode]));
  const ccOf = (e: CuratedEntry): string => {
    let id: string | undefined = e.id;
    for (let hops = 0; id && hops < 10; hops++) {
      const cc = curatedById.get(id)?.cc ?? townCc.get(id);
      if (cc) return cc;
      id = curatedById.get(id)?.parent;
    }
    return '';
  };
  for (const e of created) places.push(fromCurated(e, ccOf(e), common));

  places.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  errors.push(...checkTree(places));
  return { places, errors, withoutArabic };
}

function fromGeoNames(
  row: GeoRow,
  parentId: string | null,
  patch: CuratedEntry | undefined,
  common: ReadonlySet<string>,
): { place: Place; arabicMissing: boolean } {
  const { arabic, latin } = plausibleNames([row.name, row.asciiName, ...row.alternateNames]);
  const geoAr = pickArabicName(arabic, row.asciiName || row.name);
  const nameEn = patch?.en ?? stripMarks(row.name);
  const nameAr = patch?.ar ?? geoAr ?? nameEn;
  const kind: PlaceKind =
    patch?.kind ??
    (row.featureCode === 'PPLX'
      ? 'quarter'
      : row.population >= CITY_POPULATION || SEAT_CODES.has(row.featureCode)
        ? 'city'
        : 'town');
  const names = orderNames(nameEn, nameAr, [...(patch?.names ?? []), ...arabic, ...latin]);
  const place: Place = {
    id: `gn:${row.geonameId}`,
    kind,
    nameEn,
    nameAr,
    names,
    parentId: patch?.parent ?? parentId,
    countryCode: row.countryCode,
    lat: row.lat,
    lon: row.lon,
    population: row.population,
    ...ambiguity(names, patch?.ambiguous ?? [], common),
  };
  return { place, arabicMissing: geoAr === null && patch?.ar === undefined };
}

function fromCurated(e: CuratedEntry, countryCode: string, common: ReadonlySet<string>): Place {
  const names = orderNames(e.en!, e.ar!, e.names);
  return {
    id: e.id!,
    kind: e.kind!,
    nameEn: e.en!,
    nameAr: e.ar!,
    names,
    parentId: e.parent ?? null,
    countryCode,
    lat: e.lat ?? null,
    lon: e.lon ?? null,
    population: 0,
    ...ambiguity(names, e.ambiguous, common),
  };
}

/** Display names first, then the rest deduplicated in code-point order (stable across runs). */
function orderNames(nameEn: string, nameAr: string, rest: readonly string[]): string[] {
  const others = [...new Set(rest)].filter((n) => n !== nameEn && n !== nameAr).sort(byCodePoint);
  return [...new Set([nameEn, nameAr]), ...others];
}

function ambiguity(names: readonly string[], curated: readonly string[], common: ReadonlySet<string>) {
  const short = (n: string) => /[A-Za-z]/.test(n) && foldLatinTokens(n).join('').length < MIN_SKELETON_LETTERS;
  const found = names.filter((n) => common.has(foldArabic(n)) || short(n));
  const all = [...new Set([...curated, ...found])].sort(byCodePoint);
  return all.length > 0 ? { ambiguousNames: all } : {};
}

function checkTree(places: readonly Place[]): string[] {
  const byId = new Map(places.map((p) => [p.id, p]));
  const errors: string[] = [];
  for (const p of places) {
    if (p.kind !== 'country' && p.parentId === null) errors.push(`${p.id}: has no parent`);
    if (!/^[A-Z]{2}$/.test(p.countryCode)) errors.push(`${p.id}: no country code (give cc or a parent that has one)`);
    let cur: Place | undefined = p;
    for (let hops = 0; cur?.parentId; hops++) {
      const next = byId.get(cur.parentId);
      if (!next) {
        errors.push(`${cur.id}: parent ${cur.parentId} does not exist`);
        break;
      }
      if (hops > 10) {
        errors.push(`${p.id}: parent chain loops`);
        break;
      }
      cur = next;
    }
  }
  return [...new Set(errors)];
}

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const stripMarks = (s: string): string => s.normalize('NFKD').replace(/\p{M}/gu, '').normalize('NFC');

/** Just enough Arabic folding to compare a name with the common-word list. */
function foldArabic(s: string): string {
  return s
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .toLowerCase();
}
