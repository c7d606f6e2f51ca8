// Runs the labelled cases (cases.yaml) through the real matcher and computes precision and recall per
// category. Shared by scripts/eval-match.ts (prints) and eval.test.ts (asserts the targets).
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { MatchContext } from '../../../src/match/context';
import { compileWatches } from '../../../src/match/matcher';
import { parseQuery } from '../../../src/match/query';

export interface EvalCase {
  readonly id: string;
  readonly category: string;
  readonly query: string;
  readonly text: string;
  readonly expect: boolean;
}

export interface Score {
  readonly category: string;
  readonly cases: number;
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  readonly precision: number;
  readonly recall: number;
}

export interface EvalReport {
  readonly scores: Score[];
  readonly overall: Score;
  readonly failures: { id: string; query: string; text: string; expect: boolean; got: boolean | string }[];
}

export const CASES_PATH = new URL('./cases.yaml', import.meta.url);
export const TARGET_OVERALL = 0.98;
export const TARGET_CATEGORY = 0.95;

export function loadCases(path: URL = CASES_PATH): EvalCase[] {
  return parse(readFileSync(path, 'utf8')) as EvalCase[];
}

function score(category: string, rows: { expect: boolean; got: boolean }[]): Score {
  const tp = rows.filter((r) => r.expect && r.got).length;
  const fp = rows.filter((r) => !r.expect && r.got).length;
  const fn = rows.filter((r) => r.expect && !r.got).length;
  return {
    category,
    cases: rows.length,
    tp,
    fp,
    fn,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
  };
}

export function runEval(cases: readonly EvalCase[], ctx: MatchContext): EvalReport {
  const rows: { c: EvalCase; got: boolean }[] = [];
  const failures: EvalReport['failures'] = [];
  for (const c of cases) {
    const q = parseQuery(c.query, ctx);
    if (!q.ok) {
      failures.push({ id: c.id, query: c.query, text: c.text, expect: c.expect, got: q.error });
      rows.push({ c, got: false });
      continue;
    }
    const got = compileWatches([{ id: c.id, query: q.value }], ctx).match({ title: '', text: c.text }).length > 0;
    if (got !== c.expect) failures.push({ id: c.id, query: c.query, text: c.text, expect: c.expect, got });
    rows.push({ c, got });
  }
  const categories = [...new Set(cases.map((c) => c.category))];
  const scores = categories.map((cat) =>
    score(
      cat,
      rows.filter((r) => r.c.category === cat).map((r) => ({ expect: r.c.expect, got: r.got })),
    ),
  );
  return {
    scores,
    overall: score(
      'overall',
      rows.map((r) => ({ expect: r.c.expect, got: r.got })),
    ),
    failures,
  };
}

/**
 * The same cases with every query compiled into ONE matcher, as the pipeline does: forms, places and
 * evidence are shared between watches there, and no case may decide differently than alone.
 */
export function sharedDisagreements(cases: readonly EvalCase[], ctx: MatchContext): string[] {
  const watches = cases.flatMap((c) => {
    const q = parseQuery(c.query, ctx);
    return q.ok ? [{ id: c.id, query: q.value }] : [];
  });
  const matcher = compileWatches(watches, ctx);
  const out: string[] = [];
  for (const c of cases) {
    const q = parseQuery(c.query, ctx);
    if (!q.ok) continue;
    const alone = compileWatches([{ id: c.id, query: q.value }], ctx).match({ title: '', text: c.text });
    const shared = matcher.match({ title: '', text: c.text }).filter((m) => m.watchId === c.id);
    if (JSON.stringify(alone) !== JSON.stringify(shared))
      out.push(`${c.id}: alone ${alone.length}, shared ${shared.length}`);
  }
  return out;
}

export function formatReport(r: EvalReport): string {
  const f = (x: number) => x.toFixed(3);
  const lines = ['| category | cases | precision | recall |', '|---|---:|---:|---:|'];
  for (const s of [...r.scores, r.overall])
    lines.push(`| ${s.category} | ${s.cases} | ${f(s.precision)} | ${f(s.recall)} |`);
  for (const x of r.failures) lines.push(`FAIL ${x.id}: ${x.query} on «${x.text}» expected ${x.expect}, got ${x.got}`);
  return lines.join('\n');
}
