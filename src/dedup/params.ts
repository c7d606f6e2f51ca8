// Dedup parameters. The numbers behind each choice come from `npm run eval:dedup -- --sweep`
// (scripts/eval-dedup.ts) over the labelled set in test/eval/dedup; see the comment by each group.

export interface DedupParams {
  /** Words per shingle. */
  readonly shingleSize: number;
  /** Full-text signature: bands × rows permutations. */
  readonly bands: number;
  readonly rows: number;
  /** Lead signature (first `leadTokens` words of the body): catches an excerpt of a longer text. */
  readonly leadTokens: number;
  readonly leadBands: number;
  readonly leadRows: number;
  /** Same article when the estimated Jaccard reaches this… */
  readonly jaccard: number;
  /** …or when the smaller text is this much contained in the larger (exact, checked on candidates). */
  readonly containment: number;
  /** Containment only counts for a smaller text of at least this many shingles. */
  readonly containmentMinShingles: number;
  /** Rolling story window: a story quiet for longer is closed; a return opens a linked new story. */
  readonly windowMs: number;
  /** How far back a closed story can still be linked as `previous_story_id`. */
  readonly reopenHorizonMs: number;
  /** Story score = decay(Δt) × (text·cosine + place·P + actor·A + number·N). */
  readonly weights: { readonly text: number; readonly place: number; readonly actor: number; readonly number: number };
  readonly halfLifeMs: number;
  /** Shared entities' specificity (0–1 each) that counts as a full place or actor match. */
  readonly entitySaturation: number;
  /**
   * Specificity is an entity's IDF over that of an entity unseen in this many documents, or in all
   * stored ones when fewer (at most 1). Infinity (the default): always all stored ones, so the same
   * shared town counts less as the store grows (see BENCHMARKS.md, entity-only reports).
   */
  readonly entityReferenceDocs: number;
  readonly storyThreshold: number;
  readonly reopenThreshold: number;
  /** Centroid terms kept per story; top terms per story in the candidate index; candidates scored. */
  readonly centroidTerms: number;
  readonly indexTerms: number;
  readonly maxStoryCandidates: number;
  readonly maxArticleCandidates: number;
  /** An LSH key held by more stored articles than this is boilerplate, not evidence: skipped. */
  readonly lshBucketCap: number;
}

const HOUR = 3_600_000;

// Measured on the labelled set (86 articles, 25 stories; `npm run eval:dedup -- --sweep`), exact
// 3-shingle overlaps after boilerplate stripping:
//   copies: syndicated 1.00; headline edits 0.84–0.91; republished with ~10% of words edited
//   0.54–0.63 (at 4-shingles 0.42–0.52, at 5-shingles 0.31–0.42: too close to noise, hence k = 3);
//   excerpts: Jaccard 0.06–0.60 but containment 1.00 every time.
//   not copies: same story, other article ≤ 0.03 (containment ≤ 0.07); different stories ≤ 0.07
//   (containment ≤ 0.18).
// So: Jaccard ≥ 0.4 (midway between 0.07 and 0.54); containment ≥ 0.7 (between 0.18 and 1.0).
// LSH 32 bands × 3 rows (96 permutations): candidate probability 1−(1−J³)³² is 0.996 at J = 0.54 and
// 0.88 at the 0.4 threshold, while a pair at J = 0.07 collides with probability 0.011. Excerpts are found
// by the lead signature (first 30 words, 8 bands × 4 rows): a teaser and its full text share their lead.
// Story score: grid over weights, threshold and half-life; P = 1.000, R = 0.983 on a wide plateau
// (place 0.4–0.5, actor 0.1–0.3, threshold 0.35–0.4). With the values below, true joins score
// 0.405–1.05 and the best wrong story 0.28 (two killings in Daraa on one day, two bombs in Azaz
// two days apart), so the threshold sits at 0.38. One miss: an English report of the Azaz checkpoint
// bomb sharing a single place with the Arabic one (0.21).
export const DEFAULT_PARAMS: DedupParams = {
  shingleSize: 3,
  bands: 32,
  rows: 3,
  leadTokens: 30,
  leadBands: 8,
  leadRows: 4,
  jaccard: 0.4,
  containment: 0.7,
  containmentMinShingles: 12,
  windowMs: 72 * HOUR,
  reopenHorizonMs: 14 * 24 * HOUR,
  weights: { text: 1, place: 0.5, actor: 0.2, number: 0.1 },
  halfLifeMs: 48 * HOUR,
  entitySaturation: 2,
  entityReferenceDocs: Number.POSITIVE_INFINITY,
  storyThreshold: 0.38,
  reopenThreshold: 0.6,
  centroidTerms: 120,
  indexTerms: 8,
  maxStoryCandidates: 24,
  maxArticleCandidates: 40,
  lshBucketCap: 500,
};

export function withParams(overrides: Partial<DedupParams> = {}): DedupParams {
  return Object.freeze({ ...DEFAULT_PARAMS, ...overrides });
}
