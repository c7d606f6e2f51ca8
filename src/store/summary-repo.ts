// Cached summaries (migration 0005): one row per story, language set and article count.
import type { Summary, SummaryLangs } from '../summarize/summarize';
import type { Db } from './db';

export interface SummaryKey {
  readonly storyId: number;
  readonly langs: SummaryLangs;
  readonly articleCount: number;
}

export interface SummaryRepo {
  get(key: SummaryKey): Summary | null;
  put(key: SummaryKey, summary: Summary, now: number): void;
  /** The newest summary of a story for a language set (the "previous" of a follow-up). */
  latest(storyId: number, langs: SummaryLangs): (Summary & { articleCount: number }) | null;
  /** Deletes rows older than `before` (epoch ms); returns how many. */
  prune(before: number): number;
}

export function createSummaryRepo(db: Db): SummaryRepo {
  const get = db.prepare<[number, string, number], { summary: string }>(
    'SELECT summary FROM summaries WHERE story_id = ? AND langs = ? AND article_count = ?',
  );
  const put = db.prepare(
    `INSERT INTO summaries (story_id, langs, article_count, source, summary, created_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (story_id, langs, article_count) DO UPDATE SET source = excluded.source, summary = excluded.summary,
       created_at = excluded.created_at`,
  );
  const latest = db.prepare<[number, string], { summary: string; article_count: number }>(
    'SELECT summary, article_count FROM summaries WHERE story_id = ? AND langs = ? ORDER BY article_count DESC LIMIT 1',
  );
  const prune = db.prepare('DELETE FROM summaries WHERE created_at < ?');
  return {
    get(k) {
      const row = get.get(k.storyId, k.langs, k.articleCount);
      return row ? (JSON.parse(row.summary) as Summary) : null;
    },
    put(k, s, now) {
      put.run(k.storyId, k.langs, k.articleCount, s.source, JSON.stringify(s), now);
    },
    latest(storyId, langs) {
      const row = latest.get(storyId, langs);
      return row ? { ...(JSON.parse(row.summary) as Summary), articleCount: row.article_count } : null;
    },
    prune: (before) => prune.run(before).changes,
  };
}
