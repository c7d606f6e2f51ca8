// Candidates at scale. Stories, when a place or actor is in many active stories ("Idlib" is in
// hundreds a week): the stories scored are the ones sharing the most specific keys, not the newest
// under a common key. Articles: an LSH key that hundreds of texts share is boilerplate, skipped.
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createDedup, type DedupArticle } from '../../src/dedup/dedup';
import { mulberry32 } from '../../src/dedup/hash';
import type { DedupParams } from '../../src/dedup/params';
import { openStore, type Store } from '../../src/store/db';
import { createDedupRepo } from '../../src/store/dedup-repo';

const H = 3_600_000;
const T0 = Date.UTC(2025, 2, 3, 8);
const COMMON = { places: ['sy:idlib-gov', 'sy:syria'], actors: ['actor:hts'] };

let store: Store;
afterEach(() => store?.close());

/** A store that has seen 10,000 articles, a fifth of them in Idlib governorate. */
function setup() {
  store = openStore(':memory:');
  store.db.exec(`INSERT INTO dedup_df (term, df) VALUES ('p:sy:idlib-gov', 2000), ('p:sy:syria', 6000),
    ('a:actor:hts', 1500); UPDATE dedup_meta SET value = 10000 WHERE key = 'docs'`);
  let now = T0;
  const dedup = createDedup({ db: store.db, clock: () => now });
  const insert = store.db.prepare(
    `INSERT INTO articles (source_id, url_key, title, text, lang, published_at, fetched_at, updated_at, content_hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return (a: Omit<DedupArticle, 'contentHash' | 'guid' | 'sourceId' | 'outlet'>) => {
    now = a.publishedAt;
    const full = { ...a, sourceId: 'o', outlet: 'o', guid: null, contentHash: sha(`${a.title}\n${a.text}`) };
    const c = dedup.classify(full);
    const id = Number(
      insert.run('o', a.urlKey, a.title, a.text, a.lang, now, now, now, full.contentHash).lastInsertRowid,
    );
    return { c, ...dedup.record(id, c) };
  };
}

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

/** Unrelated English text: seeded letter-only words. */
function filler(seed: number, words = 60) {
  const r = mulberry32(seed);
  const word = () => Array.from({ length: 5 + (r() % 4) }, () => String.fromCharCode(97 + (r() % 26))).join('');
  return { title: `${word()} ${word()} ${word()}`, text: Array.from({ length: words }, word).join(' ') };
}

describe('story candidates', () => {
  it('finds an active story by the villages it shares when 70 newer stories share its governorate, country and actor', () => {
    const ingest = setup();
    const story = ingest({
      urlKey: 'a.example/strike',
      title: 'Air strike hits Kafr Nabl and Hass, killing 12',
      text: 'An air strike hit the villages of Kafr Nabl and Hass in southern Idlib on Tuesday, killing 12 people including children, the civil defence said. Rescuers searched the rubble of two houses.',
      lang: 'en',
      publishedAt: T0,
      entities: { places: ['sy:kafr-nabl', 'sy:hass', ...COMMON.places], actors: COMMON.actors, numbers: ['12'] },
    });
    for (let i = 1; i <= 70; i++) {
      const other = ingest({
        ...filler(i),
        urlKey: `b.example/${i}`,
        lang: 'en',
        publishedAt: T0 + i * 10 * 60_000,
        entities: { places: [`sy:town-${i}`, ...COMMON.places], actors: COMMON.actors, numbers: [] },
      });
      expect(other.c.decision).toMatchObject({ kind: 'new', joined: 'new-story' });
    }
    const report = ingest({
      urlKey: 'c.example/ar',
      title: 'مقتل 12 بغارة جوية على كفرنبل وحاس',
      text: 'قتل 12 شخصا بينهم أطفال بغارة جوية استهدفت بلدتي كفرنبل وحاس في ريف إدلب الجنوبي، وفق الدفاع المدني.',
      lang: 'ar',
      publishedAt: T0 + 12 * H,
      entities: { places: ['sy:kafr-nabl', 'sy:hass', ...COMMON.places], actors: COMMON.actors, numbers: ['12'] },
    });
    expect(report.c.decision).toMatchObject({ kind: 'new', joined: 'existing', storyId: story.storyId });
  });
});

describe('entity specificity at scale', () => {
  /** An English story, then an Arabic report 20 h later sharing only its places, actor and number. */
  function arabicReportJoins(params: Partial<DedupParams>) {
    store?.close();
    store = openStore(':memory:');
    store.db.exec(`INSERT INTO dedup_df (term, df) VALUES ('p:sy:town', 300), ('p:sy:district', 3000),
      ('p:sy:gov', 60000), ('a:actor:x', 20000); UPDATE dedup_meta SET value = 1000000 WHERE key = 'docs'`);
    let now = T0;
    const dedup = createDedup({ db: store.db, clock: () => now, params });
    const insert = store.db.prepare(
      `INSERT INTO articles (source_id, url_key, title, text, lang, published_at, fetched_at, updated_at, content_hash)
       VALUES ('o', ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const entities = { places: ['sy:town', 'sy:district', 'sy:gov'], actors: ['actor:x'], numbers: ['12'] };
    const ingest = (urlKey: string, title: string, text: string, lang: string) => {
      const a = { urlKey, title, text, lang, publishedAt: now, sourceId: 'o', outlet: 'o', guid: null, entities };
      const c = dedup.classify({ ...a, contentHash: sha(`${title}\n${text}`) });
      const id = Number(insert.run(urlKey, title, text, lang, now, now, now, sha(text)).lastInsertRowid);
      return dedup.record(id, c).storyId;
    };
    const story = ingest('a.example/1', 'Shelling kills 12 in the town', filler(1).text, 'en');
    now += 20 * H;
    return (
      ingest('b.example/1', 'مقتل 12 بقصف على البلدة', 'قتل 12 شخصا بقصف مدفعي استهدف البلدة مساء أمس.', 'ar') === story
    );
  }

  it('weighs a shared town less in a store of 1M documents, unless normalized by a fixed count', () => {
    expect(arabicReportJoins({})).toBe(false);
    expect(arabicReportJoins({ entityReferenceDocs: 10_000 })).toBe(true);
  });
});

describe('story candidate ranking', () => {
  it('keeps a story sharing four common keys ahead of 112 stories sharing one less common word each', () => {
    store = openStore(':memory:');
    const put = store.db.prepare('INSERT INTO story_keys (key, story_id) VALUES (?, ?)');
    // Story 500 shares a town, a district, a number and an actor, each also in 99 older stories.
    for (const [k, key] of ['p:town', 'p:district', 'n:12', 'a:actor'].entries()) {
      put.run(key, 500);
      for (let j = 1; j < 100; j++) put.run(key, k * 100 + j);
    }
    // The article's eight heaviest words are each in 14 other stories.
    for (let w = 0; w < 8; w++) for (let j = 0; j < 14; j++) put.run(`t:w${w}`, 2000 + w * 14 + j);
    const keys = ['p:town', 'p:district', 'n:12', 'a:actor', ...Array.from({ length: 8 }, (_, w) => `t:w${w}`)];
    expect(createDedupRepo(store.db).storyCandidateIds(keys, 24)).toContain(500);
  });
});

describe('LSH candidates', () => {
  it('skips a key held by more articles than the bucket cap, most shared first otherwise', () => {
    store = openStore(':memory:');
    store.db.exec(`INSERT INTO dedup_lsh (band_key, article_id) VALUES (1, 1), (1, 2), (1, 3), (1, 4), (2, 4), (2, 9),
      (3, 9), (3, 8)`);
    const repo = createDedupRepo(store.db);
    const ids = (cap: number) => repo.lshCandidates([1, 2, 3], 8, 40, cap).map((h) => [h.article_id, h.hits]);
    expect(ids(4)).toEqual([
      [4, 2],
      [9, 2],
      [1, 1],
      [2, 1],
      [3, 1],
    ]);
    expect(ids(3)).toEqual([
      [9, 2],
      [4, 1],
    ]);
    // Far below the cap, all keys are read in one statement: the same candidates.
    expect(ids(500)).toEqual(ids(4));
    // A repeated key counts twice, as one looked up per key does.
    expect(repo.lshCandidates([1, 1, 2], 8, 40, 500).map((h) => [h.article_id, h.hits])).toEqual([
      [4, 3],
      [1, 2],
      [2, 2],
      [3, 2],
      [9, 1],
    ]);
  });
});
