// Same article by text: a syndicated copy, a republish with edits, an excerpt of a longer text.
// Rule: the MinHash Jaccard estimate reaches `jaccard`, or — for a text much shorter than the other —
// the exact containment of the shorter in the longer reaches `containment`. Jaccard alone misses
// excerpts (an excerpt of a full text has Jaccard ≈ its length ratio, often 0.1) and containment
// alone would call any short brief a copy of the long report quoting it, hence the minimum size.
import { estimateJaccard } from './minhash';
import type { DedupParams } from './params';

export interface StoredSignature {
  readonly articleId: number;
  readonly shingleCount: number;
  readonly signature: Uint32Array;
  readonly lead: Uint32Array;
}

export interface NearDupCandidate extends StoredSignature {
  /** Exact overlap, present when `needsExactCheck` asked for it. */
  readonly exact?: { readonly jaccard: number; readonly containment: number };
}

export interface NearDupInput {
  readonly shingleCount: number;
  readonly signature: Uint32Array;
  readonly lead: Uint32Array;
}

export type NearDupMatch = { articleId: number; score: number; measure: 'jaccard' | 'containment' };

/** A candidate worth the cost of recomputing its shingles: lopsided sizes and a similar lead. */
export function needsExactCheck(a: NearDupInput, c: StoredSignature, p: DedupParams): boolean {
  const small = Math.min(a.shingleCount, c.shingleCount);
  const large = Math.max(a.shingleCount, c.shingleCount);
  if (small < p.containmentMinShingles || small / large > 0.8) return false;
  if (estimateJaccard(a.signature, c.signature) >= p.jaccard) return false;
  return estimateJaccard(a.lead, c.lead) >= 0.25 || estimateJaccard(a.signature, c.signature) >= 0.05;
}

/** The best same-article match among candidates, or null. Ties go to the oldest (lowest id). */
export function bestNearDuplicate(
  a: NearDupInput,
  candidates: readonly NearDupCandidate[],
  p: DedupParams,
): NearDupMatch | null {
  let best: NearDupMatch | null = null;
  for (const c of candidates) {
    const j = estimateJaccard(a.signature, c.signature);
    let m: NearDupMatch | null = null;
    if (j >= p.jaccard) m = { articleId: c.articleId, score: j, measure: 'jaccard' };
    else if (
      c.exact &&
      c.exact.containment >= p.containment &&
      Math.min(a.shingleCount, c.shingleCount) >= p.containmentMinShingles
    ) {
      m = { articleId: c.articleId, score: c.exact.containment, measure: 'containment' };
    }
    if (m && (!best || m.score > best.score || (m.score === best.score && m.articleId < best.articleId))) best = m;
  }
  return best;
}
