// SQL for src/dedup's tables (0003_dedup.sql): prepared once, plain rows in and out (column
// encodings: dedup-columns.ts). Lists go in as one JSON array parameter (json_each), LSH keys as an
// IN list of bound parameters, so a lookup is one statement however many keys it has.

import type { Statement } from 'better-sqlite3';
import type { Db } from './db';
import { csvIntegers, sigToBuffer } from './dedup-columns';

export interface StoryRow {
  id: number;
  first_article_id: number | null;
  title: string;
  first_seen: number;
  last_seen: number;
  article_count: number;
  outlets: string;
  languages: string;
  places: string;
  actors: string;
  numbers: string;
  /** Space-separated terms and their float64 weights (packCentroid); see migration 0012. */
  centroid_terms: string;
  centroid_weights: Buffer;
  /** The terms' keys (tfidf.ts termKey), uint32 little-endian; see migration 0013. */
  centroid_keys: Buffer;
  /** JSON {term: weight} of rows written before migration 0012; '{}' since. */
  centroid: string;
  previous_story_id: number | null;
}

export interface SignatureRow {
  article_id: number;
  shingles: number;
  sig: Buffer;
  lead: Buffer;
}

/** What scoring needs of a candidate story; old rows' terms (or JSON) only when they have no keys. */
export type CandidateRow = Pick<
  StoryRow,
  'id' | 'first_seen' | 'last_seen' | 'places' | 'actors' | 'numbers' | 'centroid_keys' | 'centroid_weights'
> & { centroid_terms: string | null; centroid: string | null };

/** The candidate stories as one row (`candidateSet`): null columns when there is none. */
export interface CandidateSet {
  ids: string | null;
  first_seen: string | null;
  last_seen: string | null;
  /** JSON: [places, actors, numbers, places, …], three arrays per story. */
  entities: string | null;
  /** Terms per centroid; 0 for a row written before migration 0013 (read with `candidates`). */
  sizes: string | null;
  /** Keys (uint32) and weights (float64) of the centroids in turn; a pre-0013 row adds neither. */
  keys: Buffer | null;
  weights: Buffer | null;
}

/** A story row as written: every column but the id and the pre-0012 centroid. */
export type StoryWrite = Omit<StoryRow, 'id' | 'centroid'>;

export interface ListedArticleRow {
  id: number;
  story_id: number;
  source_id: string;
  url: string | null;
  title: string;
  published_at: number;
  lang: string | null;
  joined: string;
  score: number;
  shared: string;
}

/** The `limit` ids of highest weight, ties to the highest id, best first (no array of all entries). */
function best(weight: ReadonlyMap<number, number>, limit: number): number[] {
  const top: number[] = [];
  const before = (w: number, id: number, j: number) => {
    const u = weight.get(top[j]!)!;
    return w > u || (w === u && id > top[j]!);
  };
  weight.forEach((w, id) => {
    if (top.length === limit && !before(w, id, limit - 1)) return;
    let i = Math.min(top.length, limit - 1);
    while (i > 0 && before(w, id, i - 1)) i--;
    top.splice(i, 0, id);
    if (top.length > limit) top.pop();
  });
  return top;
}

export function createDedupRepo(db: Db) {
  const q = {
    byUrlKey: db.prepare<[string], { id: number; content_hash: string }>(
      'SELECT id, content_hash FROM articles WHERE url_key = ?',
    ),
    byGuid: db.prepare<[string, string], { id: number; content_hash: string }>(
      'SELECT id, content_hash FROM articles WHERE source_id = ? AND guid = ?',
    ),
    byHash: db.prepare<[string, number], { id: number }>(
      'SELECT id FROM articles WHERE content_hash = ? AND id <> ? ORDER BY id LIMIT 1',
    ),
    articleText: db.prepare<[number], { title: string; text: string }>('SELECT title, text FROM articles WHERE id = ?'),
    // Each key's articles, at most `?` of them, as one comma-separated string per key: a JS count
    // skips the two temporary B-trees a GROUP BY + ORDER BY sets up (they cost as much as the key
    // lookups themselves at 1M articles), and the LIMIT bounds what an overfull bucket costs.
    lshBuckets: db
      .prepare<[number, string], string | null>(
        `SELECT (SELECT group_concat(article_id) FROM
                   (SELECT article_id FROM dedup_lsh WHERE band_key = k.value LIMIT ?))
         FROM json_each(?) k`,
      )
      .pluck(),
    signatures: db.prepare<[string], SignatureRow>(
      'SELECT article_id, shingles, sig, lead FROM dedup_signatures WHERE article_id IN (SELECT value FROM json_each(?))',
    ),
    signature: db.prepare<[number], SignatureRow>(
      'SELECT article_id, shingles, sig, lead FROM dedup_signatures WHERE article_id = ?',
    ),
    putSignature: db.prepare(
      'INSERT OR REPLACE INTO dedup_signatures (article_id, shingles, sig, lead) VALUES (?, ?, ?, ?)',
    ),
    hasSignature: db.prepare<[number], { one: number }>('SELECT 1 AS one FROM dedup_signatures WHERE article_id = ?'),
    putLsh: db.prepare('INSERT OR IGNORE INTO dedup_lsh (band_key, article_id) SELECT value, ? FROM json_each(?)'),
    delLsh: db.prepare('DELETE FROM dedup_lsh WHERE article_id = ? AND band_key IN (SELECT value FROM json_each(?))'),
    df: db.prepare<[string], { term: string; df: number }>(
      'SELECT term, df FROM dedup_df WHERE term IN (SELECT value FROM json_each(?))',
    ),
    docs: db.prepare<[], { value: number }>("SELECT value FROM dedup_meta WHERE key = 'docs'"),
    // One statement for a whole batch of counts: a JSON object {term: increment}.
    addDf: db.prepare(
      `INSERT INTO dedup_df (term, df) SELECT key, value FROM json_each(?) WHERE true
       ON CONFLICT(term) DO UPDATE SET df = df + excluded.df`,
    ),
    addDocs: db.prepare("UPDATE dedup_meta SET value = value + ? WHERE key = 'docs'"),
    // Newest stories first under each key (ids grow with time), at most `perKey`: a key shared by
    // thousands of stories (a governorate, a common number) costs the same as a rare one. One
    // statement for all keys; each key's ids come back as one comma-separated string.
    storiesByKeys: db
      .prepare<[number, string], string | null>(
        `SELECT (SELECT group_concat(story_id) FROM
                   (SELECT story_id FROM story_keys WHERE key = k.value ORDER BY story_id DESC LIMIT ?))
         FROM json_each(?) k`,
      )
      .pluck(),
    story: db.prepare<[number], StoryRow>('SELECT * FROM stories WHERE id = ?'),
    // Every candidate in one row: ids, times and sizes comma-separated, entities as one JSON array
    // (places, actors, numbers of each story in turn) and the centroids' keys and weights each
    // concatenated into one blob (bytes kept: group_concat appends a blob's bytes, CAST gives them
    // back). better-sqlite3 makes a Buffer per blob value, and 48 of them (24 stories × keys and
    // weights) plus 72 strings cost more than reading the 24 rows.
    candidateSet: db.prepare<[string, number], CandidateSet>(
      `SELECT group_concat(id) AS ids, group_concat(first_seen) AS first_seen, group_concat(last_seen) AS last_seen,
         '[' || group_concat(places || ',' || actors || ',' || numbers) || ']' AS entities,
         group_concat(length(centroid_keys) / 4) AS sizes,
         CAST(group_concat(centroid_keys, '') AS BLOB) AS keys,
         CAST(group_concat(iif(length(centroid_keys) > 0, centroid_weights, x''), '') AS BLOB) AS weights
       FROM (SELECT id, first_seen, last_seen, places, actors, numbers, centroid_keys, centroid_weights FROM stories
             WHERE id IN (SELECT value FROM json_each(?)) AND last_seen >= ? ORDER BY id)`,
    ),
    candidates: db.prepare<[string, number], CandidateRow>(
      `SELECT id, first_seen, last_seen, places, actors, numbers, centroid_keys, centroid_weights,
         CASE WHEN length(centroid_keys) = 0 THEN centroid_terms END AS centroid_terms,
         CASE WHEN length(centroid_weights) = 0 THEN centroid END AS centroid
       FROM stories WHERE id IN (SELECT value FROM json_each(?)) AND last_seen >= ? ORDER BY id`,
    ),
    insertStory: db.prepare(
      `INSERT INTO stories (first_article_id, title, first_seen, last_seen, article_count, outlets, languages, places,
         actors, numbers, centroid_terms, centroid_keys, centroid_weights, previous_story_id)
       VALUES (@first_article_id, @title, @first_seen, @last_seen, @article_count, @outlets, @languages, @places,
         @actors, @numbers, @centroid_terms, @centroid_keys, @centroid_weights, @previous_story_id)`,
    ),
    updateStory: db.prepare(
      `UPDATE stories SET last_seen = @last_seen, first_seen = @first_seen, article_count = @article_count,
         outlets = @outlets, languages = @languages, places = @places, actors = @actors, numbers = @numbers,
         centroid_terms = @centroid_terms, centroid_keys = @centroid_keys,
         centroid_weights = @centroid_weights, centroid = '{}' WHERE id = @id`,
    ),
    putStoryKeys: db.prepare('INSERT OR IGNORE INTO story_keys (key, story_id) SELECT value, ? FROM json_each(?)'),
    pruneStoryKeys: db.prepare(
      'DELETE FROM story_keys WHERE story_id IN (SELECT id FROM stories WHERE last_seen < ? AND last_seen >= ?)',
    ),
    storyOfArticle: db.prepare<[number], { story_id: number }>(
      'SELECT story_id FROM article_story WHERE article_id = ?',
    ),
    putArticleStory: db.prepare(
      'INSERT OR REPLACE INTO article_story (article_id, story_id, joined, score, shared) VALUES (?, ?, ?, ?, ?)',
    ),
    putLink: db.prepare('INSERT OR REPLACE INTO article_links (article_id, url_key) VALUES (?, ?)'),
    // The oldest article (a Telegram post) that linked this URL key and belongs to a story.
    linkedFrom: db.prepare<[string, number], { article_id: number; story_id: number }>(
      `SELECT l.article_id, s.story_id FROM article_links l JOIN article_story s ON s.article_id = l.article_id
       WHERE l.url_key = ? AND l.article_id <> ? ORDER BY l.article_id LIMIT 1`,
    ),
    putCopy: db.prepare(
      'INSERT OR REPLACE INTO article_copies (article_id, original_id, reason, score) VALUES (?, ?, ?, ?)',
    ),
    storiesSince: db.prepare<[number], StoryRow>('SELECT * FROM stories WHERE last_seen >= ? ORDER BY last_seen DESC'),
    articlesOfStories: db.prepare<[string], ListedArticleRow>(
      `SELECT a.id, s.story_id, a.source_id, a.url, a.title, a.published_at, a.lang, s.joined, s.score, s.shared
       FROM article_story s JOIN articles a ON a.id = s.article_id
       WHERE s.story_id IN (SELECT value FROM json_each(?)) ORDER BY a.published_at`,
    ),
    oldArticles: db.prepare<[number, number], { id: number }>(
      'SELECT id FROM articles WHERE published_at < ? ORDER BY published_at LIMIT ?',
    ),
    deleteArticle: db.prepare('DELETE FROM articles WHERE id = ?'),
    forgetFirstArticle: db.prepare('UPDATE stories SET first_article_id = NULL WHERE first_article_id = ?'),
  };

  // The articles under all of `keys` (an id once per key it is under) from one IN list of bound
  // parameters, padded with -1 (never a key) to a multiple of 8 so a few statements serve every key
  // count: ~30% less than the per-key subquery at 1M articles. Null when the rows reach `below` (a
  // bucket may then be over the cap: `lshBuckets` decides) or a key repeats (it would count once).
  const lshIn = new Map<number, Statement<unknown[], number>>();
  function lshArticles(keys: readonly number[], below: number): number[] | null {
    const arity = Math.max(8, Math.ceil(keys.length / 8) * 8);
    let s = lshIn.get(arity);
    if (!s) {
      const list = Array.from({ length: arity }, () => '?').join(',');
      s = db.prepare<unknown[], number>(`SELECT article_id FROM dedup_lsh WHERE band_key IN (${list}) LIMIT ?`).pluck();
      lshIn.set(arity, s);
    }
    if (new Set(keys).size !== keys.length) return null;
    const args: number[] = [...keys];
    while (args.length < arity) args.push(-1);
    const ids = s.all(...args, below);
    return ids.length < below ? ids : null;
  }

  return {
    byUrlKey: (k: string) => q.byUrlKey.get(k),
    byGuid: (sourceId: string, guid: string) => q.byGuid.get(sourceId, guid),
    byHash: (hash: string, excludeId: number) => q.byHash.get(hash, excludeId)?.id,
    articleText: (id: number) => q.articleText.get(id),
    /**
     * Articles sharing LSH keys with `keys`, most shared first (then oldest), at most `limit`. A key
     * held by more than `bucketCap` articles is skipped: that many texts sharing a band are not
     * copies of each other but share boilerplate (an outlet's standard lead, a stock caption), and
     * reading the bucket would cost more than the rest of the decision.
     */
    lshCandidates(keys: readonly number[], excludeId: number, limit: number, bucketCap: number) {
      const hits = new Map<number, number>();
      const all = lshArticles(keys, Math.min(bucketCap, 4 * keys.length) + 1);
      if (all) for (const id of all) id !== excludeId && hits.set(id, (hits.get(id) ?? 0) + 1);
      else
        for (const ids of q.lshBuckets.all(bucketCap + 1, JSON.stringify(keys))) {
          if (!ids) continue;
          const list = csvIntegers(ids);
          if (list.length > bucketCap) continue;
          for (const id of list) if (id !== excludeId) hits.set(id, (hits.get(id) ?? 0) + 1);
        }
      return [...hits]
        .sort((a, b) => b[1] - a[1] || a[0] - b[0])
        .slice(0, limit)
        .map(([article_id, n]) => ({ article_id, hits: n }));
    },
    signatures: (ids: readonly number[]) => (ids.length ? q.signatures.all(JSON.stringify(ids)) : []),
    signature: (id: number) => q.signature.get(id),
    hasSignature: (id: number) => q.hasSignature.get(id) !== undefined,
    putSignature(id: number, shingles: number, sig: Uint32Array, lead: Uint32Array) {
      q.putSignature.run(id, shingles, sigToBuffer(sig), sigToBuffer(lead));
    },
    putLsh: (keys: readonly number[], id: number) => q.putLsh.run(id, JSON.stringify(keys)).changes,
    deleteLsh: (keys: readonly number[], id: number) => q.delLsh.run(id, JSON.stringify(keys)).changes,
    documentFrequencies(terms: readonly string[]): Map<string, number> {
      const df = new Map<string, number>();
      if (terms.length) for (const r of q.df.all(JSON.stringify(terms))) df.set(r.term, r.df);
      return df;
    },
    documentCount: () => q.docs.get()?.value ?? 0,
    /** Adds `counts` (term → documents) and `docs` documents to the frequency table. */
    addDocumentFrequencies(counts: ReadonlyMap<string, number>, docs: number) {
      if (counts.size) q.addDf.run(JSON.stringify(Object.fromEntries(counts)));
      if (docs) q.addDocs.run(docs);
    },
    /**
     * Ids of the stories sharing the most specific keys with the article, best first (ties: newest),
     * at most `limit`. A shared key counts ln(1 + perKey / stories under it) — 4.2 for a key only
     * that story has, 0.7 for one at the cap. Counting keys alone, the newest stories under a
     * governorate, a country and an actor crowd out an older one that names the same villages (an
     * Arabic report of an English story shares nothing else); weighting capped keys near zero
     * (ln((perKey + 1) / n)) loses a story that shares a town, a district, an actor and a number
     * to stories sharing one rare word with the article (1M articles: 26% found instead of 99.5%).
     */
    storyCandidateIds(keys: readonly string[], limit: number, perKey = 64): number[] {
      const weight = new Map<number, number>();
      for (const ids of q.storiesByKeys.all(perKey, JSON.stringify([...new Set(keys)]))) {
        if (!ids) continue;
        const list = csvIntegers(ids);
        const w = Math.log(1 + perKey / list.length);
        for (const id of list) weight.set(id, (weight.get(id) ?? 0) + w);
      }
      return best(weight, limit);
    },
    story: (id: number) => q.story.get(id),
    /** The stories `ids` last seen at or after `since`, by id. */
    candidates: (ids: readonly number[], since: number) =>
      ids.length ? q.candidates.all(JSON.stringify(ids), since) : [],
    /** The same stories as one row (story-rows.ts reads it). */
    candidateSet: (ids: readonly number[], since: number) =>
      ids.length ? q.candidateSet.get(JSON.stringify(ids), since) : undefined,
    insertStory: (s: StoryWrite) => Number(q.insertStory.run(s).lastInsertRowid),
    updateStory: (s: Omit<StoryWrite, 'first_article_id' | 'title' | 'previous_story_id'> & { id: number }) =>
      q.updateStory.run(s),
    putStoryKeys: (keys: readonly string[], storyId: number) => q.putStoryKeys.run(storyId, JSON.stringify(keys)),
    /** Drops index rows of stories that went quiet in [from, before): they can no longer be candidates. */
    pruneStoryKeys: (before: number, from: number) => q.pruneStoryKeys.run(before, from).changes,
    storyOfArticle: (id: number) => q.storyOfArticle.get(id)?.story_id,
    putArticleStory(articleId: number, storyId: number, joined: string, score: number, shared: unknown) {
      q.putArticleStory.run(articleId, storyId, joined, score, JSON.stringify(shared ?? {}));
    },
    putLink: (articleId: number, urlKey: string) => q.putLink.run(articleId, urlKey),
    linkedFrom: (urlKey: string, excludeId: number) => q.linkedFrom.get(urlKey, excludeId),
    putCopy: (articleId: number, originalId: number, reason: string, score: number) =>
      q.putCopy.run(articleId, originalId, reason, score),
    storiesSince: (since: number) => q.storiesSince.all(since),
    articlesOfStories: (ids: readonly number[]) => (ids.length ? q.articlesOfStories.all(JSON.stringify(ids)) : []),
    oldArticles: (before: number, limit: number) => q.oldArticles.all(before, limit).map((r) => r.id),
    /** Deletes an article; its story link, copy links and signature go with it (ON DELETE CASCADE). */
    deleteArticle(id: number) {
      q.forgetFirstArticle.run(id);
      q.deleteArticle.run(id);
    },
  };
}

export type DedupRepo = ReturnType<typeof createDedupRepo>;
