// Dry run of a new watch: how many stored articles it would have matched since a given time, with up
// to 3 titles (the chat shows it when a watch is added). Pure: the caller loads the articles.
import type { MatchContext } from './context';
import { compileWatches, type Matcher } from './matcher';
import type { Query } from './query';

export interface DryRunArticle {
  readonly id: number;
  readonly title: string;
  readonly text: string;
  readonly publishedAt: number;
}

export interface DryRunResult {
  readonly count: number;
  /** Newest first, at most 3. */
  readonly titles: string[];
}

export const DRY_RUN_TITLES = 3;

export function dryRun(
  watch: Matcher | { query: Query; ctx: MatchContext },
  articles: readonly DryRunArticle[],
  sinceMs: number,
): DryRunResult {
  const matcher = 'match' in watch ? watch : compileWatches([{ id: 0, query: watch.query }], watch.ctx);
  const matched = articles
    .filter((a) => a.publishedAt >= sinceMs)
    .filter((a) => matcher.match({ title: a.title, text: a.text }).length > 0)
    .sort((a, b) => b.publishedAt - a.publishedAt);
  return { count: matched.length, titles: matched.slice(0, DRY_RUN_TITLES).map((a) => a.title) };
}
