// Synthetic stored history for the dedup benchmark, bulk-loaded straight into the tables.
// Distributions: a seeded 30k-word vocabulary drawn Zipf-like (plus 12 topic words per story, 15% of
// a text); stories of 1–8 articles (most of 1–3) spread over 12 hours; places from 3,000 towns,
// 300 districts and 14 governorates, actors from 150, one number per story.
// Speed (1M articles in minutes, not hours):
//   - only the newest `realDays` of articles (the ones probes copy) get real MinHash signatures;
//     older ones get uniform random values, which is what unrelated texts' minima are, so their LSH
//     keys collide as rarely as real ones would;
//   - document frequencies are the expected ones for the Zipf law (no per-article counting), plus
//     each story's topic words once per article of the story;
//   - story centroids are what dedup writes (sum of the articles' TF-IDF vectors under those
//     frequencies, truncated), so the story index holds the same top terms an article's own are;
//   - LSH keys go in one JSON array per article into a temporary table, then into dedup_lsh in one
//     sorted INSERT … SELECT (an append, instead of 40 random B-tree inserts per article).

import type { Statement } from 'better-sqlite3';
import { createFeatureExtractor } from '../../src/dedup/features';
import { fnv1a32, mulberry32 } from '../../src/dedup/hash';
import { DEFAULT_PARAMS } from '../../src/dedup/params';
import { storyKeys } from '../../src/dedup/story-merge';
import { contentTerms } from '../../src/dedup/terms';
import { termFrequencies, tfidfVector, truncate } from '../../src/dedup/tfidf';
import type { Db } from '../../src/store/db';
import { packCentroid, sigToBuffer } from '../../src/store/dedup-columns';
import { keyTokens } from '../../src/text/normalize';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const VOCAB = 30_000;
const WORDS = [150, 300] as const;
const TOPIC_SHARE = 0.15;
/** P(story has k articles), k = 1..8. */
const STORY_SIZES = [0.35, 0.22, 0.14, 0.1, 0.07, 0.05, 0.04, 0.03];

export interface StoryPlan {
  readonly topic: readonly string[];
  readonly places: readonly string[];
  readonly actors: readonly string[];
  readonly numbers: readonly string[];
}

export function createGenerator(seed: number) {
  const rand = mulberry32(seed);
  const r01 = () => rand() / 0x1_0000_0000;
  const syll = ['ka', 'ra', 'si', 'mu', 'ta', 'la', 'da', 'ha', 'bi', 'fa', 'qa', 'na', 'wa', 'ja', 'za', 'su'];
  const vocab = Array.from({ length: VOCAB }, (_, i) => {
    let w = '';
    for (let n = 2 + (i % 3), x = i + 1; n > 0; n--, x = Math.floor(x / 16)) w += syll[x % 16];
    // Letters only: a digit would split the word in two tokens (src/text), so the stored centroids,
    // index keys and document frequencies would name words no article's terms ever are.
    let tag = '';
    for (let k = 0, x = i; k < 4; k++, x = Math.floor(x / 26)) tag += String.fromCharCode(97 + (x % 26));
    return `${w}${tag}`;
  });
  const cum = new Float64Array(VOCAB);
  let acc = 0;
  for (let i = 0; i < VOCAB; i++) cum[i] = acc += 1 / (i + 1);
  // Inverse CDF with a bucket table: each draw searches only its bucket's few ranks.
  const BUCKETS = 1 << 16;
  const bucket = new Int32Array(BUCKETS + 1);
  for (let b = 0, i = 0; b <= BUCKETS; b++) {
    while (i < VOCAB - 1 && cum[i]! < (b / BUCKETS) * acc) i++;
    bucket[b] = i;
  }
  const zipf = () => {
    const u = r01();
    const x = u * acc;
    const b = Math.floor(u * BUCKETS);
    let lo = bucket[b]!;
    let hi = bucket[b + 1]!;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return vocab[lo]!;
  };
  function story(s: number): StoryPlan {
    const local = mulberry32(s * 7919 + 1);
    const skew = () => (local() / 0x1_0000_0000) ** 2;
    return {
      topic: Array.from({ length: 12 }, () => vocab[200 + (local() % (VOCAB - 200))]!),
      places: [`gn:${Math.floor(skew() * 3000)}`, `gn:d${Math.floor(skew() * 300)}`, `gov:${local() % 14}`],
      actors: [`actor:${Math.floor(skew() * 150)}`],
      numbers: [String(10 + (local() % 500))],
    };
  }
  function article(st: StoryPlan) {
    const words: string[] = [];
    const len = WORDS[0] + Math.floor(r01() * (WORDS[1] - WORDS[0]));
    for (let i = 0; i < len; i++) words.push(r01() < TOPIC_SHARE ? st.topic[Math.floor(r01() * 12)]! : zipf());
    words.splice(20, 0, st.numbers[0]!);
    return {
      title: `${st.topic.slice(0, 4).join(' ')} ${zipf()} ${zipf()}`,
      text: words.join(' '),
      words,
      entities: { places: st.places, actors: st.actors, numbers: st.numbers },
    };
  }
  const storySize = () => {
    let x = r01();
    for (let k = 0; k < STORY_SIZES.length; k++) {
      x -= STORY_SIZES[k]!;
      if (x < 0) return k + 1;
    }
    return STORY_SIZES.length;
  };
  /** Expected document frequency of each vocabulary word over `docs` texts of `len` Zipf draws. */
  function expectedDf(docs: number, len: number): Map<string, number> {
    const df = new Map<string, number>();
    for (let i = 0; i < VOCAB; i++) {
      const p = 1 / (i + 1) / acc;
      const n = Math.round(docs * (1 - (1 - p) ** len));
      if (n > 0) df.set(vocab[i]!, n);
    }
    return df;
  }
  return { article, story, storySize, expectedDf, r01 };
}

export type Generator = ReturnType<typeof createGenerator>;

export interface Loaded {
  readonly articles: number;
  readonly storyCount: number;
  /** Stories whose articles have real signatures (probes copy these). */
  readonly realFrom: number;
}

const SQL = {
  article: `INSERT INTO articles (id, source_id, url, url_key, title, text, lang, published_at, fetched_at, updated_at,
     content_hash, announce) VALUES (?, ?, ?, ?, ?, ?, 'en', ?, ?, ?, ?, 2)`,
  sig: 'INSERT INTO dedup_signatures (article_id, shingles, sig, lead) VALUES (?, ?, ?, ?)',
  lshLoad: 'INSERT INTO temp.lsh_load (article_id, keys) VALUES (?, ?)',
  link: "INSERT INTO article_story (article_id, story_id, joined, score, shared) VALUES (?, ?, ?, 0.5, '{}')",
  story: `INSERT INTO stories (id, first_article_id, title, first_seen, last_seen, article_count, outlets, languages,
     places, actors, numbers, centroid_terms, centroid_keys, centroid_weights)
     VALUES (?, ?, ?, ?, ?, ?, ?, '["en"]', ?, ?, ?, ?, ?, ?)`,
  keys: 'INSERT OR IGNORE INTO story_keys (key, story_id) SELECT value, ? FROM json_each(?)',
  df: 'INSERT INTO dedup_df (term, df) SELECT key, value FROM json_each(?)',
};

const randomSig = (n: number, r: () => number) => Uint32Array.from({ length: n }, r);

/** An article's term frequencies as dedup counts them (features.ts: the headline twice). */
function termsOf(a: { title: string; text: string }) {
  const title = keyTokens(a.title);
  return termFrequencies([...contentTerms(title), ...contentTerms(title), ...contentTerms(keyTokens(a.text))]);
}

/** Loads `n` articles published over the 90 days before `end`; ~330k stories per 1M articles. */
export function bulkLoad(db: Db, n: number, end: number, realDays = 2): Loaded {
  const p = DEFAULT_PARAMS;
  const fx = createFeatureExtractor(p);
  const gen = createGenerator(42);
  const rand = mulberry32(7);
  db.exec('CREATE TEMP TABLE lsh_load (article_id INTEGER NOT NULL, keys TEXT NOT NULL)');
  const q = Object.fromEntries(Object.entries(SQL).map(([k, s]) => [k, db.prepare<unknown[]>(s)])) as Record<
    keyof typeof SQL,
    Statement<unknown[]>
  >;
  const sizes: number[] = [];
  for (let sum = 0; sum < n; sum += sizes[sizes.length - 1]!) sizes.push(gen.storySize());
  const storyFirst = new Int32Array(sizes.length);
  const start = end - 90 * DAY;
  const realAfter = end - realDays * DAY;
  const placeDf = new Map<string, number>();
  // Document frequencies: the Zipf law's expected ones, plus each story's topic words in its articles.
  const df = gen.expectedDf(n, (WORDS[0] + WORDS[1]) / 2);
  const model = { docs: n, df: (t: string) => df.get(t) ?? 0 };
  let realFrom = sizes.length;
  let id = 0;
  const loadStories = db.transaction((from: number, to: number) => {
    for (let s = from; s < to && id < n; s++) {
      const st = gen.story(s);
      const t0 = start + Math.floor((s / sizes.length) * (90 * DAY - 12 * HOUR));
      const real = t0 >= realAfter;
      if (real && realFrom > s) realFrom = s;
      storyFirst[s] = id + 1;
      let last = t0;
      let first: ReturnType<Generator['article']> | null = null;
      // The centroid dedup would have written: the sum of the articles' unit TF-IDF vectors, truncated
      // (once at the end rather than after each article: the same heaviest terms, a fraction of the sorts).
      const sum = new Map<string, number>();
      const k = Math.min(sizes[s]!, n - id);
      for (let j = 0; j < k; j++) {
        id++;
        const a = gen.article(st);
        first ??= a;
        const at = t0 + (j === 0 ? 0 : Math.floor(gen.r01() * 12 * HOUR));
        last = Math.max(last, at);
        const url = `outlet${id % 40}.example/${id}`;
        q.article.run(
          id,
          `outlet${id % 40}`,
          `https://${url}`,
          url,
          a.title,
          a.text,
          at,
          at,
          at,
          `h${fnv1a32(url)}:${id}`,
        );
        const f = real ? fx.extract(a) : null;
        for (const [t, w] of tfidfVector(f?.tf ?? termsOf(a), model)) sum.set(t, (sum.get(t) ?? 0) + w);
        const sig = f?.signature ?? randomSig(p.bands * p.rows, rand);
        const lead = f?.lead ?? randomSig(p.leadBands * p.leadRows, rand);
        q.sig.run(id, f?.shingles.length ?? a.words.length - 2, sigToBuffer(sig), sigToBuffer(lead));
        q.lshLoad.run(id, JSON.stringify(f ? [...f.bandKeys, ...f.leadKeys] : fx.keysOf(sig, lead)));
        q.link.run(id, s + 1, j === 0 ? 'new-story' : 'existing');
      }
      for (const e of [...st.places.map((x) => `p:${x}`), ...st.actors.map((x) => `a:${x}`)])
        placeDf.set(e, (placeDf.get(e) ?? 0) + k);
      for (const t of st.topic) df.set(t, (df.get(t) ?? 0) + k);
      const centroid = truncate(sum, p.centroidTerms);
      const outlets = JSON.stringify(Array.from({ length: k }, (_, j) => `outlet${(storyFirst[s]! + j) % 40}`));
      const stored = [JSON.stringify(st.places), JSON.stringify(st.actors), JSON.stringify(st.numbers)];
      const c = packCentroid(centroid);
      q.story.run(
        s + 1,
        storyFirst[s],
        first!.title,
        t0,
        last,
        k,
        outlets,
        ...stored,
        c.centroid_terms,
        c.centroid_keys,
        c.centroid_weights,
      );
      // Steady state: only stories seen within the reopen horizon are in the candidate index.
      if (last >= end - p.reopenHorizonMs) q.keys.run(s + 1, JSON.stringify(storyKeys(st, centroid, p.indexTerms)));
    }
  });
  for (let s = 0; s < sizes.length; s += 20_000) loadStories(s, s + 20_000);
  db.transaction(() => {
    db.exec(`INSERT OR IGNORE INTO dedup_lsh (band_key, article_id)
             SELECT j.value, l.article_id FROM temp.lsh_load l, json_each(l.keys) j ORDER BY 1, 2`);
    db.exec('DROP TABLE temp.lsh_load');
    for (const [e, c] of placeDf) df.set(e, c);
    q.df.run(JSON.stringify(Object.fromEntries(df)));
    db.prepare("UPDATE dedup_meta SET value = ? WHERE key = 'docs'").run(n);
  })();
  return { articles: n, storyCount: sizes.length, realFrom };
}
