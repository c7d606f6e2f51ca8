// `rased match '<query>' [files...]`, the pure part: given the query, the inputs (already read) and
// the match context, return the lines to print and the exit code (0: some input matched, 1: none,
// 2: the query is invalid, message on stderr). The lead's CLI reads argv, stdin and files.
import type { MatchContext } from '../match/context';
import { describeQuery } from '../match/describe';
import { compileWatches } from '../match/matcher';
import { parseQuery } from '../match/query';

export interface MatchCommandInput {
  readonly query: string;
  /** Each input: its name (file path, or "-" for stdin) and text. */
  readonly inputs: readonly { readonly name: string; readonly text: string }[];
  readonly json: boolean;
}

export interface CommandOutput {
  readonly stdout: string[];
  readonly stderr: string[];
  readonly exitCode: 0 | 1 | 2;
}

export interface MatchJson {
  file: string;
  matched: boolean;
  hits: { term: string; surface: string; where: 'title' | 'body'; snippet: string }[];
}

/** The first non-empty line is the title, the rest the body (a plain text file of an article). */
export function splitArticle(text: string): { title: string; text: string } {
  const m = /^\s*([^\n]*)\n?([\s\S]*)$/.exec(text);
  return { title: (m?.[1] ?? '').trim(), text: m?.[2] ?? '' };
}

export function runMatchCommand(input: MatchCommandInput, deps: { ctx: MatchContext }): CommandOutput {
  const q = parseQuery(input.query, deps.ctx);
  if (!q.ok) return { stdout: [], stderr: [`rased match: ${q.error}`], exitCode: 2 };
  const matcher = compileWatches([{ id: 0, query: q.value }], deps.ctx);
  const results: MatchJson[] = input.inputs.map((inp) => {
    const [m] = matcher.match(splitArticle(inp.text));
    return {
      file: inp.name,
      matched: m !== undefined,
      hits: (m?.hits ?? []).map((h) => ({ term: h.term, surface: h.surface, where: h.where, snippet: m!.snippet })),
    };
  });
  const exitCode = results.some((r) => r.matched) ? 0 : 1;
  if (input.json) return { stdout: [JSON.stringify(results, null, 2)], stderr: [], exitCode };
  const stdout = [`query: ${describeQuery(q.value, deps.ctx, 'en')}`];
  for (const r of results) {
    stdout.push(`${r.matched ? '✓' : '✗'} ${r.file}${r.matched ? '' : ': no match'}`);
    for (const h of r.hits) stdout.push(`  ${h.term} → «${h.surface}» (${h.where})`);
    if (r.matched) stdout.push(`  ${r.hits[0]?.snippet ?? ''}`);
  }
  return { stdout, stderr: [], exitCode };
}
