// Stories as dedup reads them: candidates to score (centroid as term keys and weights, no strings)
// and the one story an article joins (its whole summary, to merge into). Nothing is cached: at 1M
// articles the candidate stories are spread over the whole candidate index (~50k stories in 14
// days), a cache of 20k parsed stories missed most of them, and its entries — promoted to V8's old
// generation, then evicted — cost more in garbage collection than reading a row (~15 µs) and
// viewing its packed centroid (~4 µs). Reading the store also means another process's writes and a
// rolled-back transaction are never served stale.
import { type DedupRepo, packedCentroid, type StoryRow, unpackCentroid } from '../store/dedup-repo';
import type { StorySummary } from './story-merge';
import type { StoryFacts } from './story-score';

const parse = <T>(s: string): T => JSON.parse(s) as T;

/** The stories `ids` last seen at or after `minLastSeen`, by ascending id, ready to score. */
export function candidateStories(repo: DedupRepo, ids: readonly number[], minLastSeen: number): StoryFacts[] {
  return repo.candidates(ids, minLastSeen).map((r) => ({
    id: r.id,
    centroid: packedCentroid(r),
    places: parse(r.places),
    actors: parse(r.actors),
    numbers: parse(r.numbers),
    firstSeen: r.first_seen,
    lastSeen: r.last_seen,
  }));
}

export const summaryOfRow = (r: StoryRow): StorySummary & { id: number } => ({
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

/** The summary of story `id`, to merge an article into. */
export function storySummary(repo: DedupRepo, id: number): (StorySummary & { id: number }) | undefined {
  const r = repo.story(id);
  return r && summaryOfRow(r);
}
