// Stories as dedup reads them: candidates to score (centroid as term keys and weights, no strings)
// and the one story an article joins (its whole summary, to merge into). Nothing is cached: at 1M
// articles the candidate stories are spread over the whole candidate index (~50k stories in 14
// days), a cache of 20k parsed stories missed most of them, and its entries — promoted to V8's old
// generation, then evicted — cost more in garbage collection than reading the candidates (one row
// for all of them, ~0.25 ms for 24 at 1M articles) and viewing their packed centroids. Reading the
// store also means another process's writes and a rolled-back transaction are never served stale.
import { csvIntegers, packedCentroid, unpackCentroid, viewOf } from '../store/dedup-columns';
import type { DedupRepo, StoryRow } from '../store/dedup-repo';
import type { StorySummary } from './story-merge';
import type { StoryFacts } from './story-score';
import { normOf } from './tfidf';

const parse = <T>(s: string): T => JSON.parse(s) as T;

/** The stories `ids` last seen at or after `minLastSeen`, by ascending id, ready to score. */
export function candidateStories(repo: DedupRepo, ids: readonly number[], minLastSeen: number): StoryFacts[] {
  const set = repo.candidateSet(ids, minLastSeen);
  if (!set?.ids) return [];
  const id = csvIntegers(set.ids);
  const first = csvIntegers(set.first_seen!);
  const last = csvIntegers(set.last_seen!);
  const sizes = csvIntegers(set.sizes!);
  const entities = parse<string[][]>(set.entities!);
  // Views into the two blobs, not copies: a decision reads up to 24 centroids.
  const keys = viewOf(set.keys!, Uint32Array);
  const weights = viewOf(set.weights!, Float64Array);
  const old = sizes.includes(0)
    ? legacyCentroids(
        repo,
        id.filter((_, i) => sizes[i] === 0),
        minLastSeen,
      )
    : null;
  const out: StoryFacts[] = [];
  for (let i = 0, at = 0; i < id.length; at += sizes[i++]!) {
    const n = sizes[i]!;
    const w = weights.subarray(at, at + n);
    out.push({
      id: id[i]!,
      centroid: n > 0 ? { keys: keys.subarray(at, at + n), weights: w, norm: normOf(w) } : old!.get(id[i]!)!,
      places: entities[3 * i]!,
      actors: entities[3 * i + 1]!,
      numbers: entities[3 * i + 2]!,
      firstSeen: first[i]!,
      lastSeen: last[i]!,
    });
  }
  // Scoring keeps the first of equal scores: the order must be by id, as `candidates` returns it.
  return out.every((s, i) => i === 0 || out[i - 1]!.id < s.id) ? out : out.sort((a, b) => a.id - b.id);
}

/** Centroids of rows written before migration 0013 (terms or JSON, keyed when read). */
function legacyCentroids(repo: DedupRepo, ids: readonly number[], minLastSeen: number) {
  return new Map(repo.candidates(ids, minLastSeen).map((r) => [r.id, packedCentroid(r)]));
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
