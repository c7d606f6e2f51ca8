// Document frequencies, cached in front of the store and written in batches; stories as dedup reads
// them (candidates to score, the summary an article merges into) and their centroid columns.
import { afterEach, describe, expect, it } from 'vitest';
import { createDfCache } from '../../src/dedup/df-cache';
import { candidateStories, storySummary } from '../../src/dedup/story-rows';
import { keyed, keyedCosine, packed } from '../../src/dedup/tfidf';
import { openStore, type Store } from '../../src/store/db';
import { packCentroid, unpackCentroid } from '../../src/store/dedup-columns';
import { createDedupRepo } from '../../src/store/dedup-repo';

let store: Store;
afterEach(() => store?.close());

function setup() {
  store = openStore(':memory:');
  return { db: store.db, repo: createDedupRepo(store.db) };
}

const stored = (db: Store['db']) =>
  Object.fromEntries(
    (db.prepare('SELECT term, df FROM dedup_df ORDER BY term').all() as { term: string; df: number }[]).map((r) => [
      r.term,
      r.df,
    ]),
  );
const storedDocs = (db: Store['db']) =>
  (db.prepare("SELECT value FROM dedup_meta WHERE key = 'docs'").get() as { value: number }).value;

describe('document frequency cache', () => {
  it('counts at once in memory and writes every `flushEvery` documents in one batch', () => {
    const { db, repo } = setup();
    const df = createDfCache(repo, 3);
    df.count(['bomb', 'azaz']);
    df.count(['bomb']);
    expect(df.model(['bomb', 'azaz', 'kirkuk'])).toMatchObject({ docs: 2 });
    expect([df.model(['bomb']).df('bomb'), df.model(['azaz']).df('azaz'), df.model([]).df('kirkuk')]).toEqual([
      2, 1, 0,
    ]);
    expect(stored(db)).toEqual({});
    df.count(['kirkuk']);
    expect(stored(db)).toEqual({ azaz: 1, bomb: 2, kirkuk: 1 });
    expect(storedDocs(db)).toBe(3);
  });

  it('adds counts not yet written to a term read from the store later', () => {
    const { db, repo } = setup();
    repo.addDocumentFrequencies(new Map([['raid', 5]]), 10);
    const df = createDfCache(repo, 100);
    df.count(['raid']);
    const m = df.model(['raid']);
    expect([m.docs, m.df('raid')]).toEqual([11, 6]);
    df.flush();
    expect([stored(db), storedDocs(db)]).toEqual([{ raid: 6 }, 11]);
    expect(createDfCache(repo).model(['raid']).df('raid')).toBe(6);
  });

  it('starts over past its size limit and still answers from the store', () => {
    const { repo } = setup();
    const df = createDfCache(repo, 1, 2);
    df.count(['a', 'b']);
    expect(df.model(['a', 'b', 'c']).df('a')).toBe(1);
  });
});

describe('story rows', () => {
  const centroid = new Map([
    ['bomb', 0.8],
    ['market', 0.6],
  ]);
  const row = {
    first_article_id: null,
    title: 'Azaz',
    first_seen: 1,
    last_seen: 5,
    article_count: 1,
    outlets: '["levant"]',
    languages: '["en"]',
    places: '["sy:azaz"]',
    actors: '[]',
    numbers: '["8"]',
    ...packCentroid(centroid),
    previous_story_id: null,
  };

  it('reads a candidate with its centroid packed, scoring as its terms do, and the summary to merge into', () => {
    const { repo } = setup();
    const id = repo.insertStory(row);
    const [c] = candidateStories(repo, [id], 0);
    expect(c).toMatchObject({ id, places: ['sy:azaz'], numbers: ['8'], lastSeen: 5 });
    const article = keyed(new Map([['bomb', 1]]));
    expect(keyedCosine(article, c!.centroid)).toBe(keyedCosine(article, packed(centroid)));
    expect(keyedCosine(article, c!.centroid)).toBeCloseTo(0.8);
    expect(storySummary(repo, id)).toMatchObject({ id, articleCount: 1, outlets: ['levant'], centroid });
  });

  it.each([
    ['keeps stories last seen at the horizon', 5, 1],
    ['drops stories last seen before the horizon', 6, 0],
  ])('%s', (_name, minLastSeen, n) => {
    const { repo } = setup();
    const id = repo.insertStory(row);
    expect(candidateStories(repo, [id, 999], minLastSeen)).toHaveLength(n);
  });

  it('reads stories written before migrations 0012 and 0013 beside new ones, each with its own centroid', () => {
    const { db, repo } = setup();
    const other = new Map([
      ['market', 0.5],
      ['fire', 0.25],
      ['azaz', 0.125],
    ]);
    db.exec(`INSERT INTO stories (id, title, first_seen, last_seen, article_count, centroid, centroid_terms,
      centroid_weights, centroid_keys) VALUES
      (3, 'json', 1, 5, 1, '{"bomb":0.8,"market":0.6}', '', x'', x''),
      (5, 'terms', 2, 6, 1, '{}', 'bomb market', x'9a9999999999e93f333333333333e33f', x'')`);
    for (const [id, v] of [
      [2, other],
      [4, centroid],
      [6, new Map()],
      [9, other],
    ] as const) {
      const written = repo.insertStory({ ...row, ...packCentroid(v), first_seen: id, last_seen: id });
      db.prepare('UPDATE stories SET id = ? WHERE id = ?').run(id, written);
    }
    const got = candidateStories(repo, [9, 6, 5, 4, 3, 2], 0);
    expect(got.map((c) => c.id)).toEqual([2, 3, 4, 5, 6, 9]);
    const want = [other, centroid, centroid, centroid, new Map(), other].map((v) => packed(v));
    expect(got.map((c) => c.centroid)).toEqual(want);
    expect(got.map((c) => [c.firstSeen, c.lastSeen])).toEqual([
      [2, 2],
      [1, 5],
      [4, 4],
      [2, 6],
      [6, 6],
      [9, 9],
    ]);
    expect(got[0]).toMatchObject({ places: ['sy:azaz'], actors: [], numbers: ['8'] });
  });

  it('keeps a centroid exactly through its columns, heaviest term first', () => {
    const v = new Map([
      ['انفجار', 1 / 3],
      ['azaz', 0.1 + 0.2],
      ['x', 5e-324],
    ]);
    const back = unpackCentroid({ ...packCentroid(v), centroid: '{}' });
    expect([...back]).toEqual([...v]);
  });

  it.each([
    ['before migration 0012 (JSON)', "('{\"bomb\":0.8,\"market\":0.6}', '', x'', x'')"],
    ['before migration 0013 (no keys)', "('{}', 'bomb market', x'9a9999999999e93f333333333333e33f', x'')"],
  ])('reads the centroid of a row written %s, and replaces it on the next write', (_name, columns) => {
    const { db, repo } = setup();
    db.exec(`INSERT INTO stories (id, title, first_seen, last_seen, article_count, centroid, centroid_terms,
      centroid_weights, centroid_keys) VALUES (7, 'old', 1, 5, 1, ${columns.slice(1, -1)})`);
    expect(storySummary(repo, 7)?.centroid).toEqual(centroid);
    expect(candidateStories(repo, [7], 0)[0]?.centroid).toEqual(packed(centroid));
    repo.updateStory({ ...row, id: 7, ...packCentroid(new Map([['bomb', 1]])) });
    expect(db.prepare('SELECT centroid FROM stories WHERE id = 7').pluck().get()).toBe('{}');
    expect(storySummary(repo, 7)?.centroid).toEqual(new Map([['bomb', 1]]));
  });
});
