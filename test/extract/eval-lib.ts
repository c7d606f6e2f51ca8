// Extraction quality measurement, shared by scripts/eval-extract.ts and the corpus tests.
// Reads the shared corpus and seeds in place (never copied): /work/shared = <repo>/../shared.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { extractArticle } from '../../src/extract/article';
import { parseDate } from '../../src/extract/metadata';
import { splitParagraphs } from '../../src/extract/paragraphs';
import { arabicNewsPage, type Skin } from '../fixtures/extract/arabic-news-page';

export const READABILITY_DIR = fileURLToPath(new URL('../../../shared/corpus/articles/readability', import.meta.url));
export const SEEDS_DIR = fileURLToPath(new URL('../../../shared/seeds', import.meta.url));
/** The URL Readability's own test suite gives these pages. */
const FAKE_PAGE_URL = 'http://fakehost/test/page.html';

export function tokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
}

export interface Overlap {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

/** Token-level precision/recall/F1 of `got` against `expected`, counting repeated tokens (multisets). */
export function tokenOverlap(got: string, expected: string): Overlap {
  const want = new Map<string, number>();
  for (const t of tokens(expected)) want.set(t, (want.get(t) ?? 0) + 1);
  const gotTokens = tokens(got);
  const wantTotal = [...want.values()].reduce((a, b) => a + b, 0);
  let common = 0;
  for (const t of gotTokens) {
    const left = want.get(t) ?? 0;
    if (left > 0) {
      common++;
      want.set(t, left - 1);
    }
  }
  if (gotTokens.length === 0 || wantTotal === 0) {
    const same = gotTokens.length === wantTotal;
    return { precision: same ? 1 : 0, recall: same ? 1 : 0, f1: same ? 1 : 0 };
  }
  const precision = common / gotTokens.length;
  const recall = common / wantTotal;
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

/** Readability alone on the raw page, no rules: the baseline the rules are measured against. */
export function readabilityOnly(html: string): string[] {
  const { document } = parseHTML(html) as unknown as { document: never };
  const article = new Readability(document).parse();
  return article?.content ? splitParagraphs(article.content) : [];
}

export interface CorpusRow extends Overlap {
  readonly page: string;
  /** F1 of Readability alone (readabilityOnly). */
  readonly baselineF1: number;
  readonly ms: number;
  /** field → matched? for the metadata fields the expectation gives (non-null). */
  readonly meta: Readonly<Record<string, boolean>>;
}

const norm = (s: unknown) => (typeof s === 'string' ? s.replace(/\s+/g, ' ').trim() : null);

export function evalReadabilityCorpus(dir = READABILITY_DIR): CorpusRow[] {
  return readdirSync(dir)
    .sort()
    .map((page) => {
      const html = readFileSync(`${dir}/${page}/source.html`, 'utf8');
      const expectedText = splitParagraphs(readFileSync(`${dir}/${page}/expected.html`, 'utf8')).join('\n');
      const expected = JSON.parse(readFileSync(`${dir}/${page}/expected-metadata.json`, 'utf8')) as Record<
        string,
        unknown
      >;
      const started = performance.now();
      const result = extractArticle(html, FAKE_PAGE_URL);
      const ms = performance.now() - started;
      const got = result.ok ? result.value : null;
      const overlap = tokenOverlap(got ? got.paragraphs.join('\n') : '', expectedText);
      const meta: Record<string, boolean> = {};
      const check = (field: string, want: unknown, have: unknown) => {
        if (want !== null && want !== undefined && want !== '') meta[field] = norm(want) === norm(have);
      };
      check('title', expected['title'], got?.title);
      check('byline', norm(expected['byline'])?.replace(/^by\s+/i, ''), got?.author);
      check('siteName', expected['siteName'], got?.siteName);
      check('lang', norm(expected['lang'])?.split('-')[0], got?.lang);
      if (typeof expected['publishedTime'] === 'string') {
        meta['published'] = parseDate(expected['publishedTime']) === (got?.published ?? null);
      }
      const baselineF1 = tokenOverlap(readabilityOnly(html).join('\n'), expectedText).f1;
      return { page, ms, baselineF1, ...overlap, meta };
    });
}

/** Seed files whose last lines are the outlet's own boilerplate (see /work/shared/seeds/README.md). */
const SEED_TAIL_LINES: Record<string, number> = { '000': 1, '001': 2 };
const SEED_TITLES: Record<string, string> = {
  '000': 'هجوم بسيارة مفخخة على حاجز قرب سجن الصناعة في الحسكة',
  '001': 'اشتباكات متقطعة في محيط سجن غويران جنوب الحسكة',
};

export interface SeedRow {
  readonly seed: string;
  readonly skin: Skin;
  readonly realParagraphs: number;
  readonly recalled: number;
  readonly tailLines: number;
  readonly tailRemoved: number;
  readonly boilerplateItems: number;
  readonly leaked: readonly string[];
  /** Boilerplate items that Readability alone lets through, and its recall, for comparison. */
  readonly baselineLeaked: number;
  readonly baselineRecalled: number;
  /** Output paragraphs that are neither the article's nor listed boilerplate (captions, bylines, ...). */
  readonly extra: readonly string[];
  readonly ms: number;
}

export function evalSeeds(dir = SEEDS_DIR): SeedRow[] {
  const rows: SeedRow[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    const seed = file.slice(0, 3);
    const lines = readFileSync(`${dir}/${file}`, 'utf8')
      .split(/\n+/)
      .map((l) => l.replace(/\s+/g, ' ').trim())
      .filter(Boolean);
    const tailCount = SEED_TAIL_LINES[seed] ?? 0;
    const real = lines.slice(0, lines.length - tailCount);
    const tail = lines.slice(lines.length - tailCount);
    for (const skin of ['semantic', 'opaque'] as const) {
      const page = arabicNewsPage(SEED_TITLES[seed] ?? 'خبر', real, tail, skin);
      const started = performance.now();
      const result = extractArticle(page.html, 'https://news.example/syria/2022/01/20/story');
      const ms = performance.now() - started;
      const out = result.ok ? result.value.paragraphs : [];
      const outSet = new Set(out);
      const realSet = new Set(real);
      const leaked = page.boilerplate.filter((b) => isIn(b, out));
      const baseline = readabilityOnly(page.html);
      const baselineSet = new Set(baseline);
      rows.push({
        seed,
        skin,
        realParagraphs: real.length,
        recalled: real.filter((p) => outSet.has(p)).length,
        tailLines: tail.length,
        tailRemoved: tail.filter((t) => !isIn(t, out)).length,
        boilerplateItems: page.boilerplate.length,
        leaked,
        baselineLeaked: page.boilerplate.filter((b) => isIn(b, baseline)).length,
        baselineRecalled: real.filter((p) => baselineSet.has(p)).length,
        extra: out.filter((p) => !realSet.has(p) && !leaked.some((b) => p.includes(b))),
        ms,
      });
    }
  }
  return rows;
}

/** Short items (menu words) leak only as a whole paragraph; longer ones also inside one. */
function isIn(item: string, paragraphs: readonly string[]): boolean {
  const normalized = item.replace(/\s+/g, ' ').trim();
  if (normalized.split(' ').length < 4) return paragraphs.includes(normalized);
  return paragraphs.some((p) => p.includes(normalized));
}

export const corpusPresent = () => existsSync(READABILITY_DIR);
export const seedsPresent = () => existsSync(SEEDS_DIR);
