// Dedup benchmark: generate N stored articles (synthetic, bulk insert, one transaction per 50k), then
// time the decision for new articles — exact keys, LSH candidates, story candidates, scoring — on one
// core. `tsx scripts/bench/dedup.ts [N ...]` (default 100000; DEDUP_BENCH_N works too).
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDedup, type DedupArticle } from '../../src/dedup/dedup';
import { createFeatureExtractor } from '../../src/dedup/features';
import { fnv1a32, mulberry32 } from '../../src/dedup/hash';
import { DEFAULT_PARAMS } from '../../src/dedup/params';
import { storyKeys } from '../../src/dedup/story-merge';
import { openStore } from '../../src/store/db';
import { sigToBuffer } from '../../src/store/dedup-repo';

const DAY = 86_400_000;
const BATCH = 50_000;
const ARTICLES_PER_STORY = 4;

export interface DedupBenchResult {
  readonly articles: number;
  readonly generateSeconds: number;
  readonly dbBytes: number;
  readonly bytesPerArticle: number;
  readonly decisions: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
  /** CPU time of the decision (user + system): what it costs when the machine is shared. */
  readonly cpuP50Ms: number;
  readonly cpuP95Ms: number;
  readonly outcomes: Readonly<Record<string, number>>;
}

/** Deterministic synthetic news: Zipf-distributed vocabulary, stories sharing topic words and entities. */
function createGenerator(seed: number) {
  const rand = mulberry32(seed);
  const r01 = () => rand() / 0x1_0000_0000;
  const syll = ['ka', 'ra', 'si', 'mu', 'ta', 'la', 'da', 'ha', 'bi', 'fa', 'qa', 'na', 'wa', 'ja', 'za', 'su'];
  const vocab = Array.from({ length: 30_000 }, () => {
    let w = '';
    const n = 2 + Math.floor(r01() * 3);
    for (let i = 0; i < n; i++) w += syll[Math.floor(r01() * syll.length)];
    return w;
  });
  const cum: number[] = [];
  let acc = 0;
  for (let i = 0; i < vocab.length; i++) cum.push((acc += 1 / (i + 1)));
  const zipf = () => {
    const x = r01() * acc;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return vocab[lo]!;
  };
  const pick = (n: number, prefix: string) => `${prefix}${Math.floor(r01() ** 2 * n)}`;
  function story(s: number) {
    const local = mulberry32(s * 7919 + 1);
    const topic = Array.from({ length: 12 }, () => vocab[200 + (local() % (vocab.length - 200))]!);
    return {
      topic,
      places: [`gn:${local() % 3000}`, `gn:${local() % 300}`],
      actors: [`actor:${local() % 150}`],
      numbers: [String(10 + (local() % 500))],
    };
  }
  function article(s: number) {
    const st = story(s);
    const words: string[] = [];
    const len = 150 + Math.floor(r01() * 150);
    for (let i = 0; i < len; i++) words.push(r01() < 0.15 ? st.topic[Math.floor(r01() * st.topic.length)]! : zipf());
    words.splice(20, 0, st.numbers[0]!);
    return {
      title: `${st.topic.slice(0, 4).join(' ')} ${zipf()} ${zipf()}`,
      text: words.join(' '),
      entities: { places: [...st.places, pick(14, 'gov:')], actors: st.actors, numbers: st.numbers },
    };
  }
  return { article, story, r01 };
}

function generate(db: ReturnType<typeof openStore>['db'], n: number, end: number) {
  const params = DEFAULT_PARAMS;
  const fx = createFeatureExtractor(params);
  const gen = createGenerator(42);
  const start = end - 90 * DAY;
  const ins = {
    article: db.prepare(
      `INSERT INTO articles (id, source_id, url, url_key, title, text, lang, published_at, fetched_at, updated_at, content_hash, announce)
       VALUES (?, ?, ?, ?, ?, ?, 'en', ?, ?, ?, ?, 2)`,
    ),
    sig: db.prepare('INSERT INTO dedup_signatures (article_id, shingles, sig, lead) VALUES (?, ?, ?, ?)'),
    lsh: db.prepare('INSERT OR IGNORE INTO dedup_lsh (band_key, article_id) VALUES (?, ?)'),
    link: db.prepare(
      "INSERT INTO article_story (article_id, story_id, joined, score, shared) VALUES (?, ?, ?, 0.5, '{}')",
    ),
    story: db.prepare(
      `INSERT INTO stories (id, first_article_id, title, first_seen, last_seen, article_count, outlets, languages, places, actors, numbers, centroid)
       VALUES (?, ?, ?, ?, ?, ?, '["a","b"]', '["en"]', ?, ?, ?, ?)`,
    ),
    key: db.prepare('INSERT OR IGNORE INTO story_keys (key, story_id) VALUES (?, ?)'),
    df: db.prepare('INSERT INTO dedup_df (term, df) VALUES (?, ?)'),
  };
  const df = new Map<string, number>();
  const batch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const s = Math.floor(i / ARTICLES_PER_STORY);
      const at = start + Math.floor((i / n) * 90 * DAY);
      const a = gen.article(s);
      const f = fx.extract(a);
      const url = `https://outlet${i % 40}.example/${i}`;
      ins.article.run(
        i + 1,
        `outlet${i % 40}`,
        url,
        url.slice(8),
        a.title,
        a.text,
        at,
        at,
        at,
        String(fnv1a32(a.text) + i),
      );
      ins.sig.run(i + 1, f.shingles.length, sigToBuffer(f.signature), sigToBuffer(f.lead));
      for (const k of [...f.bandKeys, ...f.leadKeys]) ins.lsh.run(k, i + 1);
      for (const t of f.tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
      if (i % ARTICLES_PER_STORY === 0) {
        const st = gen.story(s);
        const centroid = new Map(st.topic.map((t, j) => [t, 1 - j / 24]));
        const last = at + 6 * 3_600_000;
        ins.story.run(
          s + 1,
          i + 1,
          a.title,
          at,
          last,
          ARTICLES_PER_STORY,
          JSON.stringify(a.entities.places),
          JSON.stringify(st.actors),
          JSON.stringify(st.numbers),
          JSON.stringify(Object.fromEntries(centroid)),
        );
        // Steady state: only stories seen within the reopen horizon are in the candidate index.
        if (last >= end - params.reopenHorizonMs)
          for (const k of storyKeys(a.entities, centroid, params.indexTerms)) ins.key.run(k, s + 1);
      }
      ins.link.run(i + 1, s + 1, i % ARTICLES_PER_STORY === 0 ? 'new-story' : 'existing');
    }
  });
  for (let i = 0; i < n; i += BATCH) batch(i, Math.min(n, i + BATCH));
  db.transaction(() => {
    for (const [t, c] of df) ins.df.run(t, c);
    db.prepare("UPDATE dedup_meta SET value = ? WHERE key = 'docs'").run(n);
  })();
  return gen;
}

const quantile = (xs: number[], q: number) => xs[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

export function runDedupBench(n: number, decisions = 2000): DedupBenchResult {
  const dir = mkdtempSync(join(tmpdir(), 'rased-dedup-bench-'));
  const path = join(dir, 'bench.db');
  const store = openStore(path, { lock: false });
  try {
    const end = Date.UTC(2025, 5, 1);
    const t0 = performance.now();
    // Bulk load only: no fsync per checkpoint (the real pipeline keeps synchronous = NORMAL).
    store.db.pragma('synchronous = OFF');
    const gen = generate(store.db, n, end);
    store.db.pragma('synchronous = NORMAL');
    const generateSeconds = (performance.now() - t0) / 1000;
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    const dbBytes = statSync(path).size;
    const dedup = createDedup({ db: store.db, clock: () => end });
    const times: number[] = [];
    const cpu: number[] = [];
    const outcomes: Record<string, number> = {};
    const stories = Math.ceil(n / ARTICLES_PER_STORY);
    for (let i = 0; i < decisions; i++) {
      // A third each: a copy of a recent article, a new report of a recent story, an unrelated article.
      const kind = i % 3;
      const recentStory = stories - 1 - Math.floor(gen.r01() * Math.max(1, Math.floor((stories * 2) / 90)));
      const a = gen.article(kind === 2 ? stories + 10 + i : recentStory);
      const text =
        kind === 0
          ? (
              store.db.prepare('SELECT text FROM articles WHERE id = ?').get(recentStory * ARTICLES_PER_STORY + 1) as {
                text: string;
              }
            ).text
          : a.text;
      const probe: DedupArticle = {
        sourceId: 'probe',
        outlet: 'probe',
        urlKey: `probe.example/${i}`,
        guid: null,
        title: a.title,
        text: `${text} extra words here`,
        lang: 'en',
        publishedAt: end,
        contentHash: `probe${i}`,
        entities: a.entities,
      };
      const c0 = process.cpuUsage();
      const s = performance.now();
      const c = dedup.classify(probe);
      times.push(performance.now() - s);
      const dc = process.cpuUsage(c0);
      cpu.push((dc.user + dc.system) / 1000);
      const k =
        c.decision.kind === 'new'
          ? `new:${c.decision.joined}`
          : `${c.decision.kind}:${'reason' in c.decision ? c.decision.reason : ''}`;
      outcomes[k] = (outcomes[k] ?? 0) + 1;
    }
    times.sort((x, y) => x - y);
    cpu.sort((x, y) => x - y);
    return {
      articles: n,
      generateSeconds,
      dbBytes,
      bytesPerArticle: dbBytes / n,
      decisions,
      p50Ms: quantile(times, 0.5),
      p95Ms: quantile(times, 0.95),
      p99Ms: quantile(times, 0.99),
      cpuP50Ms: quantile(cpu, 0.5),
      cpuP95Ms: quantile(cpu, 0.95),
      outcomes,
    };
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Markdown table for BENCHMARKS.md (scripts/bench/index.ts). */
export function formatDedup(results: readonly DedupBenchResult[]): string {
  const rows = results.map(
    (r) =>
      `| ${r.articles.toLocaleString('en')} | ${(r.dbBytes / 1e6).toFixed(0)} MB | ${Math.round(r.bytesPerArticle)} B | ${r.p50Ms.toFixed(2)} ms | ${r.p95Ms.toFixed(2)} ms | ${r.cpuP50Ms.toFixed(2)} ms | ${r.cpuP95Ms.toFixed(2)} ms |`,
  );
  return [
    '## dedup: decision for a new article (exact keys, LSH candidates, story candidates, scoring)',
    '| stored articles | database | per article | p50 | p95 | CPU p50 | CPU p95 |',
    '|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
  ].join('\n');
}

function main(args: readonly string[]) {
  const sizes = (args.length ? args : [process.env['DEDUP_BENCH_N'] ?? '100000']).map(Number);
  for (const n of sizes) {
    const r = runDedupBench(n);
    console.log(
      `dedup n=${r.articles}: generate ${r.generateSeconds.toFixed(1)} s, db ${(r.dbBytes / 1e6).toFixed(1)} MB (${Math.round(r.bytesPerArticle)} B/article), decision p50 ${r.p50Ms.toFixed(3)} ms p95 ${r.p95Ms.toFixed(3)} ms p99 ${r.p99Ms.toFixed(3)} ms (cpu p50 ${r.cpuP50Ms.toFixed(3)} p95 ${r.cpuP95Ms.toFixed(3)} ms) over ${r.decisions}; ${JSON.stringify(r.outcomes)}`,
    );
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv.slice(2));
