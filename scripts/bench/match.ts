// Watch matching benchmark (issue 3): N generated watches (Arabic and English words, phrases, places,
// alias groups, OR and exclusions) against generated ~800-word articles, in three mixes (MatchMix:
// typical, the dense worst case, and unseen, a control for scaling). Reports articles/s on one core (CPU time) including normalization,
// tokenization and evidence, compile time (first and again), heap, and two baselines on the same
// input with the same normalization: one RegExp per watch, and one combined alternation RegExp.
// The first row's compile is the first in the process (cold: V8 has optimized none of the compile
// code, as when the bot starts); later rows compile with that code warm. For the cold number at
// another size, run that size alone (MATCH_BENCH_SIZES=100000). Compile time is the process's CPU
// time (V8's background compiler and GC threads included), on Linux the main thread's alone, and
// elapsed (wall-clock) time.
// Run alone: node --expose-gc --import tsx scripts/bench/match.ts
// (MATCH_BENCH_NO_BASELINE=1 skips the slow baselines; MATCH_BENCH_SIZES=10000 and MATCH_BENCH_MIXES=dense choose rows)
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { loadAliasGroups } from '../../src/match/aliases';
import { createMatchContext, type MatchContext } from '../../src/match/context';
import { loadGazetteer } from '../../src/match/gazetteer';
import { compileWatches, type MatchArticle } from '../../src/match/matcher';
import { parseQuery, type Query } from '../../src/match/query';
import { matchKey, normalize } from '../../src/text/normalize';

export interface MatchBenchRow {
  readonly mix: MatchMix;
  readonly watches: number;
  readonly parseMs: number;
  readonly compileMs: number;
  /** The match context (gazetteer, alias groups, place-name forms), built once per process, elapsed. */
  readonly contextMs: number;
  /** The same compile, main thread only (Linux), or null. */
  readonly compileMainMs: number | null;
  /** The same compile in elapsed time (what a user waits; on a busy machine it counts the neighbours too). */
  readonly compileWallMs: number;
  /** The first compile in the process: none of the compile code optimized yet. */
  readonly cold: boolean;
  /** Compiling the same watches a second time (warm caches, as after a watch is added). */
  readonly recompileMs: number;
  /** The same recompile, main thread only (Linux), or null; and in elapsed time. */
  readonly recompileMainMs: number | null;
  readonly recompileWallMs: number;
  /** Null without --expose-gc (the heap difference is only meaningful after a collection). */
  readonly heapMb: number | null;
  /**
   * unseen rows: articles/s of this matcher over that of its first 10,000 watches alone, timed in
   * alternating blocks in this process (the machine's drift between rows cancels out); else null.
   */
  readonly pairedRatio: number | null;
  /**
   * Share of the machine's CPU time (all cores) the hypervisor gave to other guests while articles/s
   * was measured (Linux /proc/stat), or null: on a shared host, runs with steal are ~10–30% slower.
   */
  readonly stealPct: number | null;
  /** Median of blocks of one pass over the articles (see perSecond). */
  readonly articlesPerSec: number;
  /** All the blocks' articles over all their CPU time. */
  readonly articlesPerSecMean: number;
  readonly matchesPerArticle: number;
  /** Tokenize + scan only (no boolean evaluation, no evidence). */
  readonly scanPerSec: number;
  readonly perWatchRegexPerSec: number | null;
  readonly alternationPerSec: number | null;
}

const AR_WORDS = (
  'هجوم قصف اشتباكات تفجير انفجار اغتيال اعتقال مداهمة حاجز دورية قافلة مساعدات نازحين لاجئين مخيم سجن معتقل فرار هروب ' +
  'استعصاء تعزيزات طيران غارة مسيرة صاروخ قذيفة عبوة لغم حريق مستشفى مدرسة مياه كهرباء خبز وقود أسعار رواتب انتخابات مؤتمر ' +
  'مفاوضات هدنة وقف اتفاق تسوية مصالحة معبر حدود جسر طريق سد نفط غاز قمح زراعة مظاهرة احتجاج إضراب عشيرة وجهاء مجلس محكمة'
).split(' ');
const EN_WORDS = (
  'attack shelling clashes explosion bombing assassination arrest raid checkpoint patrol convoy aid displaced refugees camp ' +
  'prison escape riot reinforcements airstrike drone rocket mortar mine fire hospital school water electricity bread fuel prices ' +
  'salaries elections conference talks truce ceasefire agreement settlement crossing border bridge road dam oil gas wheat protest strike tribe council court'
).split(' ');
const FILLER =
  'في من على إلى أن قال وقالت مصادر محلية إن الذي التي وسط بعد قبل خلال منذ حيث كما أيضا the of and to in said that with for on by'.split(
    ' ',
  );

/** Deterministic pseudo-random numbers: the same watches and articles on every run. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

/**
 * What the generated watches and articles hold. Both use the same query shapes (half one term, a
 * quarter two terms, 15% "a OR b", 10% "a -b") and ~800-word articles.
 * - typical: watch terms are mostly distinct words and phrases from a 60,000-word vocabulary per
 *   language (36% Arabic words, 26% English words, 12% Arabic and 6% English phrases), 14% places and
 *   6% alias groups; an article is half function words, 3% watched-vocabulary Arabic words (with
 *   clitics), 2% English ones, ~3 place names and ~2 alias names, the rest words no watch uses.
 * - dense, the worst case (the previous version of this bench, unchanged): a 20,000-word vocabulary,
 *   15% places and 10% alias groups (~20 watches per group at 10,000 watches), and ~8 place names and
 *   ~8 alias names per article, so every article matches 1–2% of all watches.
 * - unseen (a control for the engine's scaling): the first 10,000 watches of typical, the rest words
 *   and phrases no article contains; the articles are typical's. Every row of it meets as many
 *   watches per article as typical at 10,000, so what changes from that row is the cost of the
 *   watches that do not hit (the issue: "the cost per article must not grow with the number of
 *   watches beyond the ones that hit").
 */
export type MatchMix = 'typical' | 'dense' | 'unseen';

interface MixSpec {
  readonly vocabulary: number;
  /** Cumulative shares of watch terms: Arabic word, English word, Arabic phrase, English phrase, place (rest: alias). */
  readonly terms: readonly [number, number, number, number, number];
  /** Cumulative shares of article words: function word, unwatched word, Arabic vocabulary, English vocabulary, place (rest: alias). */
  readonly words: readonly [number, number, number, number, number];
}

export const MIXES: Readonly<Record<MatchMix, MixSpec>> = {
  typical: {
    vocabulary: 60_000,
    terms: [0.36, 0.62, 0.74, 0.8, 0.94],
    words: [0.5, 0.9435, 0.9735, 0.9935, 0.9975],
  },
  dense: { vocabulary: 20_000, terms: [0.3, 0.55, 0.7, 0.75, 0.9], words: [0.5, 0.93, 0.96, 0.98, 0.99] },
  unseen: {
    vocabulary: 60_000,
    terms: [0.36, 0.62, 0.74, 0.8, 0.94],
    words: [0.5, 0.9435, 0.9735, 0.9935, 0.9975],
  },
};

/** How many of an unseen row's watches are typical's (the rest never hit). */
export const UNSEEN_TYPICAL = 10_000;

/**
 * Watches no article meets: words and phrases of a vocabulary of their own, every word ending in a
 * letter pair the article generator never writes (ظظ, qx), half of them single terms.
 */
function unseenQueries(n: number, r: () => number): string[] {
  const v = vocabulary(rng(4242), 60_000);
  const word = () => (r() < 0.6 ? `${pick(r, v.ar)}ظظ` : `${pick(r, v.en)}qx`);
  return shapes(n, r, () => (r() < 0.8 ? word() : `"${word()} ${word()}"`));
}

/** n queries of the shapes of every mix: half one term, a quarter two, 15% "a OR b", 10% "a -b". */
function shapes(n: number, r: () => number, term: () => string): string[] {
  return Array.from({ length: n }, () => {
    const k = r();
    if (k < 0.5) return term();
    if (k < 0.75) return `${term()} ${term()}`;
    if (k < 0.9) return `${term()} OR ${term()}`;
    return `${term()} -${term()}`;
  });
}

/** Synthetic vocabulary: Arabic-like and Latin words built from real stems and a few letters. */
function vocabulary(r: () => number, size: number): { ar: string[]; en: string[] } {
  const arLetters = 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي';
  const enLetters = 'abcdefghijklmnopqrstuvwxyz';
  const coin = (base: string, letters: string) =>
    base + Array.from({ length: 2 + Math.floor(r() * 2) }, () => pick(r, [...letters])).join('');
  const ar = new Set<string>(AR_WORDS);
  const en = new Set<string>(EN_WORDS);
  while (ar.size < size) ar.add(coin(pick(r, AR_WORDS), arLetters));
  while (en.size < size) en.add(coin(pick(r, EN_WORDS), enLetters));
  return { ar: [...ar], en: [...en] };
}

export function makeQueries(n: number, ctx: MatchContext, r: () => number, mix: MixSpec): string[] {
  const places = ctx.places.places.filter((p) => p.kind !== 'village');
  const groups = ctx.aliases.groups;
  const v = vocabulary(rng(1), mix.vocabulary);
  const [ar, en, arPhrase, enPhrase, place] = mix.terms;
  const term = (): string => {
    const k = r();
    if (k < ar) return pick(r, v.ar);
    if (k < en) return pick(r, v.en);
    if (k < arPhrase) return `"${pick(r, v.ar)} ${pick(r, v.ar)}"`;
    if (k < enPhrase) return `"${pick(r, v.en)} ${pick(r, v.en)}"`;
    if (k < place) return `place:"${r() < 0.5 ? pick(r, places).nameAr : pick(r, places).nameEn}"`;
    return `"${pick(r, pick(r, groups).aliases)}"`;
  };
  return shapes(n, r, term);
}

/** News-like text: mostly words no watch uses, some watched words with clitics, places, actors. */
export function makeArticles(count: number, ctx: MatchContext, r: () => number, mix: MixSpec): MatchArticle[] {
  const names = ctx.places.places.filter((p) => p.kind !== 'village').map((p) => p.nameAr);
  const aliases = ctx.aliases.groups.flatMap((g) => g.aliases.slice(0, 2));
  const v = vocabulary(rng(1), mix.vocabulary);
  const other = vocabulary(rng(99), 5_000).ar.map((w) => `${w}ن`);
  const clitic = () => pick(r, ['', '', '', 'و', 'ب', 'ل', 'وال', 'بال']);
  const [fn, unwatched, ar, en, place] = mix.words;
  return Array.from({ length: count }, () => {
    const words: string[] = [];
    while (words.length < 800) {
      const k = r();
      if (k < fn) words.push(pick(r, FILLER));
      else if (k < unwatched) words.push(clitic() + pick(r, other));
      else if (k < ar) words.push(clitic() + pick(r, v.ar));
      else if (k < en) words.push(pick(r, v.en));
      else if (k < place) words.push(pick(r, names));
      else words.push(`"${pick(r, aliases)}"`);
      if (r() < 0.05) words.push(r() < 0.5 ? '،' : '.\n');
    }
    return { title: words.slice(0, 10).join(' '), text: words.join(' ') };
  });
}

/**
 * CPU time of this process in ms (all its threads, so the GC's helpers count too): on a shared
 * machine, wall time measures the neighbours as much as the matcher.
 */
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/**
 * CPU time of the main thread in ms (Linux: /proc/self/task/<pid>/schedstat, in ns), or null. The
 * rest of cpuMs is V8's optimizing compiler and GC helper threads, which run beside it.
 */
/** [steal, total] jiffies of all CPUs so far (Linux), or null. */
function cpuJiffies(): [number, number] | null {
  try {
    // cpu  user nice system idle iowait irq softirq steal ...
    const fields = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/).slice(1, 9).map(Number);
    return [fields[7]!, fields.reduce((a, b) => a + b, 0)];
  } catch {
    return null;
  }
}

function mainThreadMs(): number | null {
  try {
    return Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return null;
  }
}

/**
 * Calls per second of CPU time, timed in blocks of `block` calls until minMs of CPU time: the median
 * block and the mean of all. On a shared machine a neighbour's burst slows a few blocks; the median
 * is the matcher's speed, the mean includes the bursts (both are reported).
 */
function perSecond(fn: () => void, block: number, minMs: number): { median: number; mean: number } {
  const t0 = cpuMs();
  const rates: number[] = [];
  let runs = 0;
  while (rates.length < 3 || cpuMs() - t0 < minMs) {
    const b0 = cpuMs();
    for (let k = 0; k < block; k++) fn();
    rates.push((block * 1000) / (cpuMs() - b0));
    runs += block;
  }
  rates.sort((a, b) => a - b);
  return { median: rates[rates.length >> 1]!, mean: (runs * 1000) / (cpuMs() - t0) };
}

/**
 * The unseen row's matcher against one compiled from its first 10,000 watches (typical's 10,000): one
 * pass over the articles each, alternately, 15 times; the median of the paired ratios of their speed.
 */
function againstTypical(
  matcher: ReturnType<typeof compileWatches>,
  typical: readonly { id: number; query: Query }[],
  ctx: MatchContext,
  articles: readonly MatchArticle[],
): number {
  const alone = compileWatches(typical, ctx);
  const pass = (m: ReturnType<typeof compileWatches>) => {
    const t0 = cpuMs();
    for (const a of articles) m.match(a);
    return cpuMs() - t0;
  };
  pass(alone);
  const ratios: number[] = [];
  for (let k = 0; k < 15; k++) ratios.push(pass(alone) / pass(matcher));
  ratios.sort((a, b) => a - b);
  const ratio = ratios[ratios.length >> 1]!;
  log(`unseen: ${(100 * ratio).toFixed(0)}% of the articles/s of its first ${typical.length} watches alone (paired)`);
  return ratio;
}

/** The regex baselines see the same normalized text and the same normalized term keys. */
function regexSource(q: Query): string {
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return q.terms.map((t) => t.keys.map(esc).join('\\s+')).join('|');
}

/**
 * The baselines are so slow that they run on one article each (the ratio is what matters); the
 * alternation is timed on a 1,000-character slice and scaled to the article's length.
 */
function baselines(watches: readonly { query: Query }[], articles: readonly { title: string; text: string }[]) {
  const text = normalize(`${articles[0]!.title}\n${articles[0]!.text}`);
  const B = '(?<![\\p{L}\\p{N}])';
  const E = '(?![\\p{L}\\p{N}])';
  const regexes = watches.map((w) => new RegExp(`${B}(?:${regexSource(w.query)})${E}`, 'u'));
  let t0 = cpuMs();
  for (const re of regexes) re.test(text);
  const perWatch = 1000 / (cpuMs() - t0);
  log(`per-watch RegExp: ${(1000 / perWatch).toFixed(0)} ms for one article`);
  const all = [...new Set(watches.flatMap((w) => w.query.terms.map((t) => matchKey(t.raw))))];
  const source = all.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')).join('|');
  const alternation = new RegExp(`${B}(?:${source})${E}`, 'gu');
  const slice = text.slice(0, 1000);
  t0 = cpuMs();
  for (const _ of slice.matchAll(alternation));
  const ms = ((cpuMs() - t0) * text.length) / slice.length;
  log(`alternation RegExp (${all.length} alternatives): ${ms.toFixed(0)} ms for one article (scaled)`);
  return { perWatch, alternation: 1000 / ms };
}

const log = (msg: string) => process.stderr.write(`bench match: ${msg}\n`);

export function runMatchBench(
  sizes: readonly number[] = [10_000, 100_000],
  mixes: readonly MatchMix[] = ['typical', 'dense', 'unseen'],
): MatchBenchRow[] {
  const aliases = loadAliasGroups();
  if (!aliases.ok) throw new Error(`config/aliases.yaml: ${aliases.error}`);
  const places = loadGazetteer();
  const context0 = performance.now();
  const ctx = createMatchContext({ places, aliasGroups: aliases.value });
  const contextMs = performance.now() - context0;
  log(`context built in ${contextMs.toFixed(0)} ms`);
  const warmup = parseQuery('warmup', ctx) as { ok: true; value: Query };
  compileWatches([{ id: 0, query: warmup.value }], ctx).match({ title: 'warmup', text: 'warmup' });
  const rows: MatchBenchRow[] = [];
  // An unseen row of 10,000 watches or fewer is typical's row again.
  for (const mix of mixes)
    for (const n of sizes)
      if (mix !== 'unseen' || n > UNSEEN_TYPICAL)
        rows.push({
          ...benchOne(n, mix, ctx, makeArticles(200, ctx, rng(7), MIXES[mix]), rows.length === 0),
          contextMs,
        });
  return rows;
}

function benchOne(
  n: number,
  mix: MatchMix,
  ctx: MatchContext,
  articles: readonly MatchArticle[],
  cold: boolean,
): Omit<MatchBenchRow, 'contextMs'> {
  const texts =
    mix === 'unseen'
      ? [
          ...makeQueries(Math.min(n, UNSEEN_TYPICAL), ctx, rng(UNSEEN_TYPICAL), MIXES.typical),
          ...unseenQueries(Math.max(0, n - UNSEEN_TYPICAL), rng(n)),
        ]
      : makeQueries(n, ctx, rng(n), MIXES[mix]);
  let t0 = cpuMs();
  const watches = texts.flatMap((text, id) => {
    const q = parseQuery(text, ctx);
    return q.ok ? [{ id, query: q.value }] : [];
  });
  const parseMs = cpuMs() - t0;
  log(`${mix}: ${n} watches parsed in ${parseMs.toFixed(0)} ms`);
  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const main0 = mainThreadMs();
  const wall0 = performance.now();
  t0 = cpuMs();
  const matcher = compileWatches(watches, ctx);
  const compileMs = cpuMs() - t0;
  const compileWallMs = performance.now() - wall0;
  const main1 = mainThreadMs();
  const compileMainMs = main0 === null || main1 === null ? null : main1 - main0;
  globalThis.gc?.();
  const heapMb = globalThis.gc ? (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20 : null;
  // A watch added or removed recompiles everything: the usual case once the process runs.
  const againMain0 = mainThreadMs();
  const againWall0 = performance.now();
  t0 = cpuMs();
  compileWatches(watches, ctx);
  const recompileMs = cpuMs() - t0;
  const recompileWallMs = performance.now() - againWall0;
  const againMain1 = mainThreadMs();
  const recompileMainMs = againMain0 === null || againMain1 === null ? null : againMain1 - againMain0;
  log(
    `compiled in ${compileMs.toFixed(0)} ms${cold ? ' (cold)' : ''}, main thread ${compileMainMs?.toFixed(0) ?? '—'} ms, elapsed ${compileWallMs.toFixed(0)} ms (again: ${recompileMs.toFixed(0)} ms, main thread ${recompileMainMs?.toFixed(0) ?? '—'} ms, elapsed ${recompileWallMs.toFixed(0)} ms), ${heapMb?.toFixed(1) ?? '—'} MB`,
  );
  // Steady state, as in a running bot: the match code optimized (one pass over the articles first)
  // and the compiles' garbage collected, so neither is billed to the articles.
  for (const a of articles) matcher.match(a);
  globalThis.gc?.();
  let i = 0;
  let matched = 0;
  let runs = 0;
  const jiffies0 = cpuJiffies();
  const rate = perSecond(
    () => {
      matched += matcher.match(articles[i++ % articles.length]!).length;
      runs++;
    },
    articles.length,
    3000,
  );
  const jiffies1 = cpuJiffies();
  const stealPct =
    jiffies0 && jiffies1 && jiffies1[1] > jiffies0[1]
      ? (100 * (jiffies1[0] - jiffies0[0])) / (jiffies1[1] - jiffies0[1])
      : null;
  let k = 0;
  const scanPerSec = perSecond(() => void matcher.scan(articles[k++ % articles.length]!), articles.length, 2000).median;
  log(
    `articles/s: median of ${articles.length}-article blocks ${rate.median.toFixed(0)}, mean ${rate.mean.toFixed(0)}`,
  );
  const paired = mix === 'unseen' ? againstTypical(matcher, watches.slice(0, UNSEEN_TYPICAL), ctx, articles) : null;
  const b =
    n > 10_000 || process.env.MATCH_BENCH_NO_BASELINE
      ? { perWatch: null, alternation: null }
      : baselines(watches, articles);
  return {
    mix,
    watches: watches.length,
    parseMs,
    compileMs,
    compileMainMs,
    compileWallMs,
    cold,
    recompileMs,
    recompileMainMs,
    recompileWallMs,
    heapMb,
    pairedRatio: paired,
    articlesPerSec: rate.median,
    articlesPerSecMean: rate.mean,
    stealPct,
    matchesPerArticle: matched / runs,
    scanPerSec,
    perWatchRegexPerSec: b.perWatch,
    alternationPerSec: b.alternation,
  };
}

export function formatMatch(rows: readonly MatchBenchRow[]): string {
  const f = (x: number | null, d = 0) => (x === null ? '—' : x.toFixed(d));
  const lines = [
    '## Watch matching (one core; ~800-word articles; normalization and tokenization included)',
    '',
    '| mix | watches | parse ms | compile ms | main thread ms | elapsed ms | again ms: CPU / main / elapsed | matcher heap MB | host steal % | articles/s | mean | matches/article | scan only, articles/s | RegExp per watch, articles/s | ratio | one alternation RegExp, articles/s | ratio |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of rows) {
    const ratio = (b: number | null) => (b === null ? '—' : `${(r.articlesPerSec / b).toFixed(0)}×`);
    lines.push(
      `| ${r.mix} | ${r.watches} | ${f(r.parseMs)} | ${f(r.compileMs)}${r.cold ? ' (cold)' : ''} | ${f(r.compileMainMs)} | ${f(r.compileWallMs)} | ${f(r.recompileMs)} / ${f(r.recompileMainMs)} / ${f(r.recompileWallMs)} | ${f(r.heapMb, 1)} | ${f(r.stealPct, 1)} | ${f(r.articlesPerSec)} | ${f(r.articlesPerSecMean)} | ${f(r.matchesPerArticle, 1)} | ${f(r.scanPerSec)} | ${f(r.perWatchRegexPerSec, 1)} | ${ratio(r.perWatchRegexPerSec)} | ${f(r.alternationPerSec, 1)} | ${ratio(r.alternationPerSec)} |`,
    );
  }
  for (const r of rows)
    if (r.pairedRatio !== null)
      lines.push(
        '',
        `${r.mix} ${r.watches}: ${(100 * r.pairedRatio).toFixed(0)}% of the articles/s of its first ${UNSEEN_TYPICAL.toLocaleString('en')} watches (typical's) compiled alone, timed in alternating passes in one process.`,
      );
  if (rows.length > 0)
    lines.push(
      '',
      `Context: ${f(rows[0]!.contextMs)} ms elapsed, once per process before any compile (the place and alias indexes and the forms of every place's names, which compiles and the geotagger share; not in compile ms).`,
    );
  lines.push(
    '',
    'Targets: ≥ 5,000 articles/s, compile 10,000 watches < 200 ms, heap < 200 MB, ≥ 100× one RegExp per watch, ≥ 3× one alternation.',
    'Compile ms: CPU time of the process (V8 background compiler and GC threads included); (cold): the first compile in the process. Main thread ms: the same compile on the main thread alone. Elapsed ms: its wall-clock time. Again: the same watches compiled a second time in the process, as after a watch change (CPU of the process / main thread / elapsed).',
    "Articles/s: CPU time of the process in steady state, the median of blocks of one pass over the 200 articles (≥ 3 s in all); mean: all the blocks together. Host steal %: the share of the machine's CPU time the hypervisor gave other guests meanwhile (Linux); on a shared host, runs with steal are ~10–30% slower.",
  );
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const sizes = process.env.MATCH_BENCH_SIZES?.split(',').map(Number);
  const mixes = process.env.MATCH_BENCH_MIXES?.split(',') as MatchMix[] | undefined;
  console.log(formatMatch(runMatchBench(sizes, mixes)));
}
