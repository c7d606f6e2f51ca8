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
  readonly storyThreshold: number;
  readonly reopenThreshold: number;
  /** Centroid terms kept per story; top terms per story in the candidate index; candidates scored. */
  readonly centroidTerms: number;
  readonly indexTerms: number;
  readonly maxStoryCandidates: number;
  readonly maxArticleCandidates: number;
}

const HOUR = 3_600_000;

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
  weights: { text: 1, place: 0.35, actor: 0.15, number: 0.2 },
  halfLifeMs: 48 * HOUR,
  entitySaturation: 2,
  storyThreshold: 0.45,
  reopenThreshold: 0.6,
  centroidTerms: 120,
  indexTerms: 8,
  maxStoryCandidates: 24,
  maxArticleCandidates: 40,
};

export function withParams(overrides: Partial<DedupParams> = {}): DedupParams {
  return Object.freeze({ ...DEFAULT_PARAMS, ...overrides });
}
