// `npm run eval:dedup`: pairwise precision/recall of "same article" and "same story" over the
// labelled set in test/eval/dedup (+ the two seeds from ../shared/seeds). `--sweep` also prints the
// measured shingle overlaps per pair kind and a grid over the story parameters.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createDedup } from '../src/dedup/dedup';
import { createFeatureExtractor } from '../src/dedup/features';
import { exactOverlap } from '../src/dedup/minhash';
import { type DedupParams, withParams } from '../src/dedup/params';
import { openStore } from '../src/store/db';
import { normalize } from '../src/text/normalize';
import { DERIVED, SEEDS } from '../test/eval/dedup/derived';
import { IRAQ } from '../test/eval/dedup/iraq';
import { SYRIA_NORTH } from '../test/eval/dedup/syria-north';
import { SYRIA_SOUTH_EAST } from '../test/eval/dedup/syria-south-east';
import type { DerivedArticle, LabelledArticle } from '../test/eval/dedup/types';

export const SEEDS_DIR = fileURLToPath(new URL('../../shared/seeds/', import.meta.url));

export interface EvalItem extends LabelledArticle {
  readonly article: string;
  readonly kind: string;
}

/** Canonical-URL key for the eval only (the fetch stage owns the real one): no tracking, no fragment. */
export function evalUrlKey(url: string): string {
  const u = new URL(url);
  u.hash = '';
  for (const k of [...u.searchParams.keys()]) {
    if (/^(utm_.*|fbclid|gclid|ref|amp)$/i.test(k)) u.searchParams.delete(k);
  }
  return `${u.host.toLowerCase()}${u.pathname.replace(/\/+$/, '')}${u.search}`;
}

export const evalContentHash = (title: string, text: string) =>
  createHash('sha256')
    .update(`${normalize(title)}\n${normalize(text)}`)
    .digest('hex');

/** Edits about one word in `every`: alternately drops a word and replaces one, as a copy editor might. */
function editWords(text: string, every: number, lang: string): string {
  let n = 0;
  return text
    .split('\n')
    .map((line) =>
      line
        .split(' ')
        .flatMap((w) => {
          n++;
          if (n % every !== 0) return [w];
          return (n / every) % 2 === 0 ? [] : [lang === 'ar' ? 'نحو' : 'some'];
        })
        .join(' '),
    )
    .join('\n');
}

function derive(d: DerivedArticle, base: EvalItem): EvalItem {
  const common = { ...base, id: d.id, outlet: d.outlet, url: d.url, at: d.at, kind: d.derive.kind };
  const x = d.derive;
  switch (x.kind) {
    case 'tracking':
      return common;
    case 'headline-edit':
      return { ...common, title: x.title, text: `${base.text}\n${x.append}` };
    case 'republish':
      return { ...common, title: x.title, text: editWords(base.text, x.every, base.lang) };
    case 'syndicate':
      return { ...common, title: x.title, text: `${x.header}${base.text}\n${x.footer}` };
    case 'excerpt':
      return { ...common, text: `${base.text.split(/\s+/).slice(0, x.words).join(' ')} …` };
  }
}

export function loadEvalSet(seedsDir = SEEDS_DIR): { items: EvalItem[]; seeds: boolean } {
  const seeds = existsSync(seedsDir);
  const items: EvalItem[] = [...SYRIA_NORTH, ...SYRIA_SOUTH_EAST, ...IRAQ].map((a) => ({
    ...a,
    article: a.id,
    kind: 'original',
  }));
  if (seeds) {
    for (const s of SEEDS) {
      const text = readFileSync(`${seedsDir}/${s.file}`, 'utf8');
      items.push({ ...s, lang: 'ar', text, article: s.id, kind: 'seed' });
    }
  }
  for (const d of DERIVED) {
    const base = items.find((i) => i.id === d.from);
    if (base) items.push(derive(d, base));
  }
  return { items, seeds };
}

export interface PR {
  readonly precision: number;
  readonly recall: number;
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
}

export interface EvalResult {
  readonly articles: number;
  readonly stories: number;
  readonly seeds: boolean;
  readonly sameArticle: PR;
  readonly sameStory: PR;
  readonly errors: readonly string[];
  /** Predicted story / article group of each item. */
  readonly predicted: ReadonlyMap<string, { story: number; article: string }>;
}

function pairwise(
  items: readonly EvalItem[],
  truth: (a: EvalItem, b: EvalItem) => boolean,
  pred: (a: EvalItem, b: EvalItem) => boolean,
  label: string,
  errors: string[],
): PR {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const a = items[i]!;
      const b = items[j]!;
      const t = truth(a, b);
      const p = pred(a, b);
      if (t && p) tp++;
      else if (p) {
        fp++;
        errors.push(`${label} FP ${a.id} ~ ${b.id}`);
      } else if (t) {
        fn++;
        errors.push(`${label} FN ${a.id} ~ ${b.id}`);
      }
    }
  }
  return { precision: tp + fp ? tp / (tp + fp) : 1, recall: tp + fn ? tp / (tp + fn) : 1, tp, fp, fn };
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-');

/** Feeds every item, oldest first, through dedup as the pipeline would, and scores the outcome. */
export function runDedupEval(params: Partial<DedupParams> = {}, seedsDir = SEEDS_DIR): EvalResult {
  const { items, seeds } = loadEvalSet(seedsDir);
  const ordered = [...items].sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.id.localeCompare(b.id));
  const store = openStore(':memory:');
  const db = store.db;
  let now = 0;
  const dedup = createDedup({ db, clock: () => now, params });
  const insert = db.prepare(
    `INSERT INTO articles (source_id, url, url_key, guid, title, text, lang, published_at, fetched_at, updated_at, content_hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const update = db.prepare('UPDATE articles SET title = ?, text = ?, content_hash = ?, updated_at = ? WHERE id = ?');
  const storyOf = db.prepare<[number], { story_id: number }>('SELECT story_id FROM article_story WHERE article_id = ?');
  const itemOfRow = new Map<number, string>();
  const predicted = new Map<string, { story: number; article: string }>();
  const groupOfRow = (row: number) => predicted.get(itemOfRow.get(row)!)!.article;

  for (const it of ordered) {
    now = Date.parse(it.at);
    const hash = evalContentHash(it.title, it.text);
    const a = {
      sourceId: slug(it.outlet),
      outlet: it.outlet,
      urlKey: evalUrlKey(it.url),
      guid: it.guid ?? null,
      title: it.title,
      text: it.text,
      lang: it.lang,
      publishedAt: now,
      contentHash: hash,
      entities: { places: it.places, actors: it.actors },
    };
    db.transaction(() => {
      const c = dedup.classify(a);
      const d = c.decision;
      if (d.kind === 'edited' || (d.kind === 'duplicate' && (d.reason === 'url' || d.reason === 'guid'))) {
        if (d.kind === 'edited') {
          update.run(it.title, it.text, hash, now, d.of);
          dedup.record(d.of, c);
        }
        predicted.set(it.id, { story: storyOf.get(d.of)?.story_id ?? -1, article: groupOfRow(d.of) });
        return;
      }
      const row = Number(
        insert.run(a.sourceId, it.url, a.urlKey, null, it.title, it.text, it.lang, now, now, now, hash).lastInsertRowid,
      );
      itemOfRow.set(row, it.id);
      const { storyId } = dedup.record(row, c);
      predicted.set(it.id, { story: storyId ?? -1, article: d.kind === 'duplicate' ? groupOfRow(d.of) : it.id });
    })();
  }
  store.close();

  const errors: string[] = [];
  const p = (x: EvalItem) => predicted.get(x.id)!;
  const sameArticle = pairwise(
    items,
    (a, b) => a.article === b.article,
    (a, b) => p(a).article === p(b).article,
    'article',
    errors,
  );
  const sameStory = pairwise(
    items,
    (a, b) => a.story === b.story,
    (a, b) => p(a).story === p(b).story,
    'story',
    errors,
  );
  return {
    articles: items.length,
    stories: new Set(items.map((i) => i.story)).size,
    seeds,
    sameArticle,
    sameStory,
    errors,
    predicted,
  };
}

const fmt = (x: PR) => `P=${x.precision.toFixed(3)} R=${x.recall.toFixed(3)} (tp ${x.tp}, fp ${x.fp}, fn ${x.fn})`;

function main(argv: readonly string[]) {
  const r = runDedupEval();
  console.log(`dedup eval: ${r.articles} articles, ${r.stories} stories, seeds ${r.seeds ? 'included' : 'MISSING'}`);
  console.log(`same article: ${fmt(r.sameArticle)}   target P>=0.99 R>=0.95`);
  console.log(`same story:   ${fmt(r.sameStory)}   target P>=0.95 R>=0.90`);
  if (argv.includes('--errors')) for (const e of r.errors) console.log(`  ${e}`);
  if (argv.includes('--sweep')) sweep();
}

const quantiles = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (f: number) => (s.length ? s[Math.min(s.length - 1, Math.floor(f * s.length))]!.toFixed(3) : '-');
  return `n=${s.length} min ${q(0)} p10 ${q(0.1)} median ${q(0.5)} p90 ${q(0.9)} max ${s.length ? s[s.length - 1]!.toFixed(3) : '-'}`;
};

/** Exact shingle overlaps per pair kind, for shingle sizes 2–5: the numbers behind the thresholds. */
function measureOverlaps() {
  const { items } = loadEvalSet();
  for (const k of [2, 3, 4, 5]) {
    const fx = createFeatureExtractor(withParams({ shingleSize: k }));
    const sh = new Map(items.map((i) => [i.id, fx.shinglesOf(i)]));
    const groups = new Map<string, { j: number[]; c: number[] }>();
    const add = (g: string, o: { jaccard: number; containment: number }) => {
      const e = groups.get(g) ?? { j: [], c: [] };
      e.j.push(o.jaccard);
      e.c.push(o.containment);
      groups.set(g, e);
    };
    for (let i = 0; i < items.length; i++) {
      for (let j = i + 1; j < items.length; j++) {
        const a = items[i]!;
        const b = items[j]!;
        const o = exactOverlap(sh.get(a.id)!, sh.get(b.id)!);
        if (a.article === b.article) add(`copy:${a.kind === 'original' || a.kind === 'seed' ? b.kind : a.kind}`, o);
        else if (a.story === b.story) add('same story, other article', o);
        else add('different story', o);
      }
    }
    console.log(`\nshingle size ${k}`);
    for (const [g, e] of [...groups].sort()) {
      console.log(`  ${g.padEnd(28)} jaccard ${quantiles(e.j)}\n  ${''.padEnd(28)} contain ${quantiles(e.c)}`);
    }
  }
}

/** Grid over the story score: weights, threshold, half-life. Prints the best settings by F1. */
function sweep() {
  measureOverlaps();
  const HOUR = 3_600_000;
  const rows: { s: string; p: number; r: number; f: number }[] = [];
  for (const place of [0.3, 0.4, 0.5, 0.6])
    for (const actor of [0.1, 0.2, 0.3])
      for (const number of [0.1, 0.2])
        for (const storyThreshold of [0.35, 0.4, 0.45, 0.5, 0.55, 0.6])
          for (const h of [24, 48, 72]) {
            const r = runDedupEval({
              weights: { text: 1, place, actor, number },
              storyThreshold,
              halfLifeMs: h * HOUR,
            });
            const { precision: p, recall: rc } = r.sameStory;
            rows.push({
              s: `place ${place} actor ${actor} number ${number} threshold ${storyThreshold} half-life ${h}h`,
              p,
              r: rc,
              f: (2 * p * rc) / (p + rc),
            });
          }
  rows.sort((a, b) => b.f - a.f || b.p - a.p);
  console.log('\nstory score grid, best 15 by F1:');
  for (const x of rows.slice(0, 15)) console.log(`  ${x.s}: P=${x.p.toFixed(3)} R=${x.r.toFixed(3)}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv.slice(2));
