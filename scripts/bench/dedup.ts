// Dedup benchmark: N stored articles of synthetic history (dedup-gen.ts, bulk-loaded), then the
// decision for new articles — exact keys, LSH candidates, story candidates, scoring — timed on one
// core over a fresh connection. `tsx scripts/bench/dedup.ts [N ...]` (default 100000; DEDUP_BENCH_N).
// DEDUP_BENCH_DB=path keeps the built stores (path.N); DEDUP_BENCH_WARMUP untimed decisions first
// (default 1000); DEDUP_BENCH_PARAMS a JSON object of dedup parameters to try.

import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Statement } from 'better-sqlite3';
import { type Classification, createDedup, type DedupArticle, type DedupDecision } from '../../src/dedup/dedup';
import type { DedupParams } from '../../src/dedup/params';
import { storyKeys } from '../../src/dedup/story-merge';
import { type Db, openStore } from '../../src/store/db';
import { createDedupRepo, type DedupRepo } from '../../src/store/dedup-repo';
import { bulkLoad, createGenerator, type Generator, type Loaded } from './dedup-gen';

export interface DedupBenchResult {
  readonly articles: number;
  readonly generateSeconds: number;
  /** CPU time of the build (wall time is inflated on a shared machine). */
  readonly generateCpuSeconds: number;
  readonly dbBytes: number;
  readonly bytesPerArticle: number;
  /** Bytes per table and index (dbstat), largest first. */
  readonly tables: Readonly<Record<string, number>>;
  readonly decisions: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
  /** CPU time of the decision (user + system): what it costs when the machine is shared. */
  readonly cpuP50Ms: number;
  readonly cpuP95Ms: number;
  /** Untimed decisions before the timed ones, and their CPU p95 (a fresh process's first decisions). */
  readonly warmup: number;
  readonly firstCpuP95Ms: number;
  /** classify + record (what the ingest transaction pays), CPU. */
  readonly recordCpuP50Ms: number;
  readonly recordCpuP95Ms: number;
  /** The decision's store statements alone (replayed after it, so on warm pages), CPU. */
  readonly lookupCpuP50Ms: number;
  readonly lookupCpuP95Ms: number;
  readonly outcomes: Readonly<Record<string, number>>;
  /** Share of each probe kind decided right: copies found, new reports in their story, unrelated alone. */
  readonly correct: { readonly copies: number; readonly reports: number; readonly unrelated: number };
  /**
   * Reports sharing only places, actors and a number with a recent story (as one in the other
   * language does), untimed: share whose story was among the candidates, share that joined it.
   */
  readonly entityOnly: { readonly candidate: number; readonly joined: number; readonly samePlacesJoined: number };
}

const ROLLBACK = new Error('rollback');
const quantile = (xs: number[], q: number) =>
  [...xs].sort((x, y) => x - y)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const cpuMs = (c0: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(c0);
  return (d.user + d.system) / 1000;
};

// One statement per connection: compiling it per probe made garbage that the timed decisions collected.
const firstTexts = new WeakMap<Db, Statement<[number], { text: string }>>();
function firstText(db: Db) {
  let s = firstTexts.get(db);
  if (!s) {
    s = db.prepare<[number], { text: string }>(
      'SELECT text FROM articles WHERE id = (SELECT first_article_id FROM stories WHERE id = ?)',
    );
    firstTexts.set(db, s);
  }
  return s;
}

/** A third each: a copy of a recent article, a new report of a recent story, an unrelated article. */
function probe(db: Db, gen: Generator, l: Loaded, i: number, end: number, run: number) {
  const kind = i % 3;
  const recent = l.realFrom + Math.floor(gen.r01() * (l.storyCount - l.realFrom));
  const a = gen.article(gen.story(kind === 2 ? l.storyCount + 10 + run * 10_000 + i : recent));
  const copied = kind === 0 ? firstText(db).get(recent + 1) : undefined;
  const article: DedupArticle = {
    sourceId: 'probe',
    outlet: 'probe',
    urlKey: `probe.example/${run}/${i}`,
    guid: null,
    title: a.title,
    text: `${copied?.text ?? a.text} extra words here`,
    lang: 'en',
    publishedAt: end,
    contentHash: `probe:${run}:${i}`,
    entities: a.entities,
  };
  return { article, kind, story: recent + 1 };
}

/** The statements `classify` runs for `c` (document frequencies are cached). */
function storeLookups(repo: DedupRepo, a: DedupArticle, c: Classification, p: DedupParams) {
  const f = c.features;
  repo.byUrlKey(a.urlKey!);
  repo.byHash(a.contentHash, -1);
  const hits = repo.lshCandidates([...f.bandKeys, ...f.leadKeys], -1, p.maxArticleCandidates, p.lshBucketCap);
  repo.signatures(hits.map((h) => h.article_id));
  if (c.decision.kind !== 'new') return;
  repo.linkedFrom(a.urlKey!, -1);
  const ids = repo.storyCandidateIds(storyKeys(f, c.vector, p.indexTerms), p.maxStoryCandidates);
  repo.candidateSet(ids, Number.NEGATIVE_INFINITY);
}

/** Parameter overrides to try (DEDUP_BENCH_PARAMS='{"entityReferenceDocs": 10000}'); none by default. */
const benchParams = (): Partial<DedupParams> => JSON.parse(process.env['DEDUP_BENCH_PARAMS'] ?? '{}');

/**
 * `n` reports of recent stories in other words: their story's entities, another story's text. And as
 * many reports of another event in the same places: the story's places only (no actor or number in
 * common), another text — joining those is a false join.
 */
function entityOnlyRecall(db: Db, l: Loaded, end: number, n = 300) {
  const dedup = createDedup({ db, clock: () => end, params: benchParams() });
  const repo = createDedupRepo(db);
  const gen = createGenerator(4242);
  let candidate = 0;
  let joined = 0;
  let samePlaces = 0;
  for (let i = 0; i < n; i++) {
    const story = l.realFrom + Math.floor(gen.r01() * (l.storyCount - l.realFrom));
    const { places, actors, numbers } = gen.story(story);
    const other = gen.article(gen.story(l.storyCount + 50_000 + i));
    const a = { ...other, sourceId: 'probe', outlet: 'probe', urlKey: null, guid: null, lang: 'ar' };
    const c = dedup.classify({
      ...a,
      publishedAt: end,
      contentHash: `entity:${i}`,
      entities: { places, actors, numbers },
    });
    const keys = storyKeys(c.features, c.vector, dedup.params.indexTerms);
    if (repo.storyCandidateIds(keys, dedup.params.maxStoryCandidates).includes(story + 1)) candidate++;
    if (c.decision.kind === 'new' && c.decision.storyId === story + 1) joined++;
    const elsewhere = dedup.classify({
      ...a,
      ...gen.article(gen.story(l.storyCount + 90_000 + i)),
      publishedAt: end,
      contentHash: `places:${i}`,
      entities: { places, actors: ['actor:elsewhere'], numbers: [] },
    });
    if (elsewhere.decision.kind === 'new' && elsewhere.decision.storyId === story + 1) samePlaces++;
  }
  return { candidate: candidate / n, joined: joined / n, samePlacesJoined: samePlaces / n };
}

/** Whether the decision is the right one for the probe's kind. */
function isRight(kind: number, story: number, d: DedupDecision) {
  if (kind === 0) return d.kind === 'duplicate' && d.storyId === story;
  if (kind === 1) return d.kind === 'new' && d.joined === 'existing' && d.storyId === story;
  return d.kind === 'new' && d.joined !== 'existing';
}

function tableBytes(db: Db): Record<string, number> {
  try {
    const rows = db
      .prepare<[], { name: string; bytes: number }>(
        'SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC LIMIT 12',
      )
      .all();
    return Object.fromEntries(rows.map((r) => [r.name, r.bytes]));
  } catch {
    return {};
  }
}

/** Builds the store (or reuses `keep` when it exists: DEDUP_BENCH_DB=path). */
function build(path: string, n: number, end: number) {
  const meta = `${path}.json`;
  if (existsSync(meta))
    return JSON.parse(readFileSync(meta, 'utf8')) as Loaded & {
      seconds: number;
      cpuSeconds?: number;
      tables: Record<string, number>;
    };
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const load = openStore(path, { lock: false });
  // Bulk load only: no journal, no fsync, a large page cache, stories written after their articles.
  // The pipeline keeps WAL + NORMAL.
  load.db.pragma('journal_mode = OFF');
  load.db.pragma('synchronous = OFF');
  load.db.pragma('cache_size = -1000000');
  load.db.pragma('foreign_keys = OFF');
  const loaded = bulkLoad(load.db, n, end);
  load.db.pragma('journal_mode = WAL');
  const tables = tableBytes(load.db);
  load.close();
  const out = { ...loaded, seconds: (performance.now() - t0) / 1000, cpuSeconds: cpuMs(c0) / 1000, tables };
  writeFileSync(meta, JSON.stringify(out));
  return out;
}

/**
 * `warmup` decisions run first, untimed: a service decides thousands of articles per process, and a
 * fresh process's first ~1,000 decisions also pay V8 compiling the code on background threads, which
 * process CPU time counts (their p95 is reported apart, `firstCpuP95Ms`).
 */
export function runDedupBench(
  n: number,
  decisions = 2000,
  keep = process.env['DEDUP_BENCH_DB'],
  warmup = Number(process.env['DEDUP_BENCH_WARMUP'] ?? 1000),
): DedupBenchResult {
  const dir = keep ? null : mkdtempSync(join(tmpdir(), 'rased-dedup-bench-'));
  const path = keep ? `${keep}.${n}` : join(dir!, 'bench.db');
  const end = Date.UTC(2025, 5, 1);
  const run = keep ? Math.floor(Date.now() / 1000) % 100_000 : 0;
  try {
    const loaded = build(path, n, end);
    const { seconds: generateSeconds, cpuSeconds: generateCpuSeconds = Number.NaN, tables } = loaded;
    const dbBytes = statSync(path).size;
    // Decisions on a fresh connection with default settings, as the running service has.
    const store = openStore(path, { lock: false });
    const dedup = createDedup({ db: store.db, clock: () => end, params: benchParams() });
    // A kept store already holds earlier runs' recorded probes: each run draws its own.
    const gen = createGenerator(99 + run);
    const times: number[] = [];
    const cpu: number[] = [];
    const recordCpu: number[] = [];
    const lookupCpu: number[] = [];
    const firstCpu: number[] = [];
    const repo = createDedupRepo(store.db);
    const outcomes: Record<string, number> = {};
    const right = [0, 0, 0];
    const probes = [0, 0, 0];
    const insert = store.db.prepare(
      `INSERT INTO articles (source_id, url_key, title, text, published_at, fetched_at, updated_at, content_hash)
       VALUES ('probe', ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (let i = 0; i < warmup + decisions; i++) {
      const timed = i >= warmup;
      const { article: a, kind, story } = probe(store.db, gen, loaded, i, end, run);
      const c0 = process.cpuUsage();
      const s = performance.now();
      const c = dedup.classify(a);
      const wall = performance.now() - s;
      if (!timed) firstCpu.push(cpuMs(c0));
      else {
        times.push(wall);
        cpu.push(cpuMs(c0));
      }
      const l0 = process.cpuUsage();
      storeLookups(repo, a, c, dedup.params);
      if (timed) lookupCpu.push(cpuMs(l0));
      // Every other probe is also stored and recorded, as the pipeline does, then rolled back so the
      // store (kept between runs with DEDUP_BENCH_DB) stays the generated one.
      if (i % 2 === 1) {
        const r0 = process.cpuUsage();
        try {
          store.db.transaction(() => {
            const id = Number(insert.run(a.urlKey, a.title, a.text, end, end, end, a.contentHash).lastInsertRowid);
            dedup.record(id, dedup.classify({ ...a, id }));
            throw ROLLBACK;
          })();
        } catch (err) {
          if (err !== ROLLBACK) throw err;
        }
        if (timed) recordCpu.push(cpuMs(r0));
      }
      if (!timed) continue;
      const d = c.decision;
      probes[kind]!++;
      if (isRight(kind, story, d)) right[kind]!++;
      const k = d.kind === 'new' ? `new:${d.joined}` : `${d.kind}:${d.reason}`;
      outcomes[k] = (outcomes[k] ?? 0) + 1;
    }
    const entityOnly = entityOnlyRecall(store.db, loaded, end);
    store.close();
    return {
      articles: n,
      generateSeconds,
      generateCpuSeconds,
      dbBytes,
      bytesPerArticle: dbBytes / n,
      tables,
      decisions,
      p50Ms: quantile(times, 0.5),
      p95Ms: quantile(times, 0.95),
      p99Ms: quantile(times, 0.99),
      cpuP50Ms: quantile(cpu, 0.5),
      cpuP95Ms: quantile(cpu, 0.95),
      warmup,
      firstCpuP95Ms: warmup ? quantile(firstCpu, 0.95) : Number.NaN,
      recordCpuP50Ms: quantile(recordCpu, 0.5),
      recordCpuP95Ms: quantile(recordCpu, 0.95),
      lookupCpuP50Ms: quantile(lookupCpu, 0.5),
      lookupCpuP95Ms: quantile(lookupCpu, 0.95),
      outcomes,
      entityOnly,
      correct: { copies: right[0]! / probes[0]!, reports: right[1]! / probes[1]!, unrelated: right[2]! / probes[2]! },
    };
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

/** Markdown table for BENCHMARKS.md (scripts/bench/index.ts). */
export function formatDedup(results: readonly DedupBenchResult[]): string {
  const ms = (x: number) => `${x.toFixed(2)} ms`;
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const rows = results.map(
    (r) =>
      `| ${r.articles.toLocaleString('en')} | ${r.generateSeconds.toFixed(0)} s (CPU ${r.generateCpuSeconds.toFixed(0)} s) | ${(r.dbBytes / 1e6).toFixed(0)} MB | ${Math.round(r.bytesPerArticle)} B | ${ms(r.p50Ms)} | ${ms(r.p95Ms)} | ${ms(r.cpuP50Ms)} | ${ms(r.cpuP95Ms)} | ${ms(r.firstCpuP95Ms)} | ${ms(r.recordCpuP50Ms)} | ${ms(r.recordCpuP95Ms)} | ${ms(r.lookupCpuP50Ms)} / ${ms(r.lookupCpuP95Ms)} | ${pct(r.correct.copies)} / ${pct(r.correct.reports)} / ${pct(r.correct.unrelated)} | ${pct(r.entityOnly.candidate)} / ${pct(r.entityOnly.joined)} | ${pct(r.entityOnly.samePlacesJoined)} |`,
  );
  return [
    '## dedup: decision for a new article (exact keys, LSH candidates, story candidates, scoring)',
    '| stored articles | build | database | per article | p50 | p95 | CPU p50 | CPU p95 | CPU p95, first decisions | classify+record CPU p50 | p95 | lookups CPU p50 / p95 | right: copies / reports / unrelated | entity-only reports: candidate / joined | other event, same places: joined |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
  ].join('\n');
}

function main(args: readonly string[]) {
  const sizes = (args.length ? args : [process.env['DEDUP_BENCH_N'] ?? '100000']).map(Number);
  const results = sizes.map((n) => {
    const r = runDedupBench(n);
    const mb = (b: number) => `${(b / 1e6).toFixed(1)} MB`;
    console.log(
      `dedup n=${r.articles}: build ${r.generateSeconds.toFixed(1)} s (cpu ${r.generateCpuSeconds.toFixed(1)} s), db ${mb(r.dbBytes)} (${Math.round(r.bytesPerArticle)} B/article), decision p50 ${r.p50Ms.toFixed(3)} ms p95 ${r.p95Ms.toFixed(3)} ms p99 ${r.p99Ms.toFixed(3)} ms (cpu p50 ${r.cpuP50Ms.toFixed(3)} p95 ${r.cpuP95Ms.toFixed(3)} ms, first ${r.warmup} decisions p95 ${r.firstCpuP95Ms.toFixed(3)} ms; classify+record cpu p50 ${r.recordCpuP50Ms.toFixed(3)} p95 ${r.recordCpuP95Ms.toFixed(3)} ms; lookups cpu p50 ${r.lookupCpuP50Ms.toFixed(3)} p95 ${r.lookupCpuP95Ms.toFixed(3)} ms) over ${r.decisions}; ${JSON.stringify(r.outcomes)}; right ${JSON.stringify(r.correct)}; entity-only reports ${JSON.stringify(r.entityOnly)}`,
    );
    console.log(
      `  tables: ${Object.entries(r.tables)
        .map(([k, v]) => `${k} ${mb(v)}`)
        .join(', ')}`,
    );
    return r;
  });
  console.log(`\n${formatDedup(results)}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv.slice(2));
