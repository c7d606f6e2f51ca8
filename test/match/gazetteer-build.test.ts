// The gazetteer build: curated-table validation, name filtering, merging, and that the committed
// data/gazetteer.json is exactly what the build produces from its inputs.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkAdminCodes } from '../../scripts/gazetteer/admin';
import { parseCurated } from '../../scripts/gazetteer/curated';
import { type GeoRow, readCities500 } from '../../scripts/gazetteer/geonames';
import { mergePlaces } from '../../scripts/gazetteer/merge';
import { pickArabicName, plausibleName } from '../../scripts/gazetteer/names';
import { MIN_SKELETON_LETTERS, skeletonKey } from '../../src/match/place-skeleton';

const root = new URL('../../', import.meta.url);

describe('parseCurated', () => {
  const country = 'places:\n  - { id: sy:syria, kind: country, cc: SY, en: Syria, ar: سوريا }\n';
  it.each([
    ['bad YAML', 'places: [unclosed', /not valid YAML/],
    ['no places', 'commonWords: []\n', /^places: /],
    [
      'missing Arabic name',
      `${country}  - { id: sy:x, kind: town, en: X, parent: sy:syria }\n`,
      /places\[1\] \(sy:x\): a new place needs kind, en and ar/,
    ],
    ['no parent', `${country}  - { id: sy:x, kind: town, en: X, ar: س }\n`, /places\[1\] \(sy:x\): needs a parent/],
    [
      'id and gn together',
      `${country}  - { id: sy:x, gn: 5, en: X }\n`,
      /places\[1\] \(sy:x\): give exactly one of id and gn/,
    ],
    [
      'bad id',
      `${country}  - { id: Hasakah, kind: town, en: X, ar: س, parent: sy:syria }\n`,
      /places\[1\] \(Hasakah\)\.id/,
    ],
    [
      'unknown kind',
      `${country}  - { id: sy:x, kind: hamlet, en: X, ar: س, parent: sy:syria }\n`,
      /places\[1\] \(sy:x\)\.kind/,
    ],
    [
      'unknown field',
      `${country}  - { id: sy:x, kind: town, en: X, ar: س, parent: sy:syria, nmes: [] }\n`,
      /places\[1\] \(sy:x\)/,
    ],
    [
      'duplicate id',
      `${country}  - { id: sy:syria, kind: country, cc: SY, en: S, ar: س }\n`,
      /places\[1\] \(sy:syria\): duplicate id/,
    ],
    ['duplicate patch', `${country}  - { gn: 7 }\n  - { gn: 7 }\n`, /places\[2\] \(gn:7\): duplicate id/],
  ])('rejects %s with an error naming the entry', (_case, yaml, error) => {
    const r = parseCurated(yaml);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(error);
  });

  it('accepts the project table', () => {
    const r = parseCurated(readFileSync(new URL('config/places-curated.yaml', root), 'utf8'));
    expect(r.ok ? r.value.places.length : r.error).toBeGreaterThanOrEqual(120);
  });
});

describe('plausibleName', () => {
  it.each([
    ['الحسكة', 'ar'],
    ['Al Ḩasakah', 'latin'],
    ['‘Ayn al ‘Arab', 'latin'],
    ['Deir ez-Zor', 'latin'],
    ['الحولة\u200e\u200e', 'ar'],
    ['alhskt', null], // machine transliteration
    ['dai er zu er', null],
    ['DEZ', null], // airport code
    ['Дейр-ез-Зор', null],
    ['دیر الزور', null], // Persian yeh
    ['قامشلۆ', null], // Kurdish letters
    ['Ter Zor  Der Zor', null], // several names in one field
    ['https://example.org/x', null],
  ])('%s → %s', (raw, script) => {
    expect(plausibleName(raw)?.script ?? null).toBe(script);
  });
});

describe('pickArabicName', () => {
  it.each([
    [['الحولة', 'كفر لاها'], 'Kafr Laha', 'كفر لاها'],
    [['بصرة', 'البصرة', 'بصره'], 'Basrah', 'البصرة'],
    [['ناحية الشنافية', 'الشنافية'], 'Nahiyat ash Shinafiyah', 'الشنافية'],
    [['الرمادى', 'الرمادي'], 'Ramadi', 'الرمادي'],
    [[], 'Nowhere', null],
  ])('%j for %s → %s', (arabic, latin, expected) => {
    expect(pickArabicName(arabic, latin)).toBe(expected);
  });
});

describe('skeletonKey', () => {
  it.each([
    [['Hasakah', 'Hasaka', 'Hassakeh', 'al-Hasakah', 'El Haseke', 'Hassaké'], 'hsk'],
    [['Deir ez-Zor', 'Dayr az Zawr', 'Deir al-Zour', 'Deir el-Zor', 'Deirezzor'], 'drzr'],
    [['Idlib', 'Idleb', 'Edlib'], 'adlb'],
    [['Qamishli', 'Kamishly', 'Qamishly'], 'km$l'],
  ])('%j share the key %s', (names, key) => {
    for (const n of names) expect(skeletonKey(n), n).toBe(key);
  });

  it('gives Hasakah a key too short to fuzz', () => {
    expect(skeletonKey('Hasakah').length).toBeLessThan(MIN_SKELETON_LETTERS);
  });
});

describe('mergePlaces', () => {
  const row = (id: number, extra: Partial<GeoRow> = {}): GeoRow => ({
    geonameId: id,
    name: `Town ${'abcdefghij'[id % 10]}`,
    asciiName: `Town ${'abcdefghij'[id % 10]}`,
    alternateNames: [],
    lat: 36,
    lon: 40,
    featureCode: 'PPLA3',
    countryCode: 'SY',
    admin1: 'SY.01',
    admin2: '',
    population: 0,
    ...extra,
  });
  const table = (yaml: string) => {
    const r = parseCurated(
      `places:\n  - { id: sy:syria, kind: country, cc: SY, en: Syria, ar: سوريا }\n` +
        `  - { id: sy:gov, kind: governorate, admin: SY.01, en: G, ar: م, parent: sy:syria }\n${yaml}`,
    );
    if (!r.ok) throw new Error(r.error);
    return r.value;
  };

  it('parents a town by seat, then admin2, then admin1, and ranks kinds by seat and population', () => {
    const { places, errors } = mergePlaces(
      [row(1), row(2, { admin2: 'SY.01.9' }), row(3, { featureCode: 'PPLA2' }), row(4, { population: 150_000 })],
      table(
        '  - { id: sy:d1, kind: district, seat: 1, en: D1, ar: م1, parent: sy:gov }\n' +
          '  - { id: sy:d9, kind: district, admin: SY.01.9, en: D9, ar: م9, parent: sy:gov }\n',
      ),
    );
    expect(errors).toEqual([]);
    const by = new Map(places.map((p) => [p.id, p]));
    expect([1, 2, 3, 4].map((i) => by.get(`gn:${i}`)?.parentId)).toEqual(['sy:d1', 'sy:d9', 'sy:gov', 'sy:gov']);
    expect([1, 3, 4].map((i) => by.get(`gn:${i}`)?.kind)).toEqual(['town', 'city', 'city']);
  });

  it('lets a curated patch win for display names and adds its spellings', () => {
    const { places } = mergePlaces(
      [row(5, { alternateNames: ['الحسكة', 'Hasaka', 'alhskt'] })],
      table('  - { gn: 5, en: Al-Hasakah, ar: الحسكة, names: [Hassakeh] }\n'),
    );
    const town = places.find((p) => p.id === 'gn:5');
    expect(town?.nameEn).toBe('Al-Hasakah');
    expect(town?.names).toEqual(['Al-Hasakah', 'الحسكة', 'Hasaka', 'Hassakeh', 'Town f']);
  });

  it.each([
    [
      'a missing parent',
      '  - { id: sy:q, kind: quarter, en: Q, ar: ح, parent: gn:404 }\n',
      /sy:q: parent gn:404 does not exist/,
    ],
    [
      'a patch of an unknown town',
      '  - { gn: 404, en: X }\n',
      /gn:404: patched in the curated table but not in cities500/,
    ],
    ['an unknown seat', '  - { id: sy:d, kind: district, seat: 404, en: D, ar: م, parent: sy:gov }\n', /seat 404/],
  ])('reports %s', (_case, yaml, error) => {
    const { errors } = mergePlaces([row(1)], table(yaml));
    expect(errors.join('\n')).toMatch(error);
  });

  it('reproduces the committed data/gazetteer.json byte for byte', () => {
    const curated = parseCurated(readFileSync(new URL('config/places-curated.yaml', root), 'utf8'));
    if (!curated.ok) throw new Error(curated.error);
    const first = mergePlaces(readCities500(new Set(['SY', 'IQ'])), curated.value);
    const again = mergePlaces(readCities500(new Set(['SY', 'IQ'])), curated.value);
    expect(JSON.stringify(again.places)).toBe(JSON.stringify(first.places));
    const committed = JSON.parse(readFileSync(new URL('data/gazetteer.json', root), 'utf8'));
    expect(JSON.stringify(committed.places), 'run npm run build:gazetteer and commit the result').toBe(
      JSON.stringify(first.places),
    );
  });
});

describe('checkAdminCodes', () => {
  const divisions = [
    { code: 'SY.01', name: 'Al-Hasakah' },
    { code: 'SY.02', name: 'Latakia' },
    { code: 'SY.01.173812', name: 'Al-Hasakah District' },
  ];
  const table = (admins: string[]) => {
    const rows = admins.map(
      (a, i) => `  - { id: sy:p${i}, kind: governorate, admin: ${a}, en: P, ar: م, parent: sy:syria }\n`,
    );
    const r = parseCurated(
      `places:\n  - { id: sy:syria, kind: country, cc: SY, en: Syria, ar: سوريا }\n${rows.join('')}`,
    );
    if (!r.ok) throw new Error(r.error);
    return r.value;
  };

  it('stops on a code GeoNames does not have and on a governorate left out', () => {
    const { errors } = checkAdminCodes(table(['SY.01', 'SY.1']), divisions);
    expect(errors).toEqual([
      'admin SY.1 is not a GeoNames division',
      'GeoNames admin1 SY.02 (Latakia) has no curated place',
    ]);
  });

  it('only reports districts left out', () => {
    const { errors, uncovered } = checkAdminCodes(table(['SY.01', 'SY.02']), divisions);
    expect(errors).toEqual([]);
    expect(uncovered.map((d) => d.code)).toEqual(['SY.01.173812']);
  });
});
