// Parsed story rows, kept in memory for the stories that keep coming back as candidates. Unpacking a
// story's 120-term centroid costs more than finding it, and the same few hundred active
// stories are candidates for most articles. A cached story is used only while its stored
// (last_seen, article_count) still match — one cheap indexed read per batch of candidates — so a
// write from elsewhere (another process, a rolled-back transaction) is never served stale.
import { type DedupRepo, type StoryRow, unpackCentroid } from '../store/dedup-repo';
import type { StorySummary } from './story-merge';
import type { StoryFacts } from './story-score';

export type CachedStory = StoryFacts & StorySummary;

const parse = <T>(s: string): T => JSON.parse(s) as T;

export const storyOfRow = (r: StoryRow): CachedStory => ({
  id: r.id,
  centroid: unpackCentroid(r),
  places: parse(r.places),
  actors: parse(r.actors),
  numbers: parse(r.numbers),
  firstSeen: r.first_seen,
  lastSeen: r.last_seen,
  articleCount: r.article_count,
  outlets: parse(r.outlets),
  languages: parse(r.languages),
});

export interface StoryCache {
  /** The stories `ids` (in ascending id order) last seen at or after `minLastSeen`. */
  many(ids: readonly number[], minLastSeen: number): CachedStory[];
  one(id: number): CachedStory | undefined;
  /** After writing a story: the summary as written. */
  put(s: CachedStory): void;
}

export function createStoryCache(repo: DedupRepo, maxStories = 20_000): StoryCache {
  const cache = new Map<number, CachedStory>();
  const put = (s: CachedStory) => {
    cache.delete(s.id);
    cache.set(s.id, s);
    // Oldest entry out: Map keeps insertion order and `put` re-inserts on every use.
    if (cache.size > maxStories) cache.delete(cache.keys().next().value!);
  };
  function many(ids: readonly number[], minLastSeen: number): CachedStory[] {
    const out: CachedStory[] = [];
    const stale: number[] = [];
    for (const v of repo.storyVersions(ids)) {
      if (v.last_seen < minLastSeen) continue;
      const c = cache.get(v.id);
      if (c && c.lastSeen === v.last_seen && c.articleCount === v.article_count) out.push(c);
      else stale.push(v.id);
    }
    for (const r of repo.stories(stale)) {
      const s = storyOfRow(r);
      put(s);
      out.push(s);
    }
    return out.sort((a, b) => a.id - b.id);
  }
  return {
    many,
    one: (id) => many([id], Number.NEGATIVE_INFINITY)[0],
    put,
  };
}
