// The same-article decision from exact keys, in the order of confidence: the article's own row
// (an update), the canonical-URL key, the GUID within the source, then the content hash.

/** 'linked': a post (Telegram) that links a stored article; decided in dedup.ts, not here. */
export type DuplicateReason = 'url' | 'guid' | 'hash' | 'near-duplicate' | 'linked';

export interface ExactFacts {
  /** Id of this article's own row when the caller already stored it. */
  readonly selfId: number | null;
  /** Whether dedup already recorded this row (then the call is for an edit). */
  readonly selfRecorded: boolean;
  readonly contentHash: string;
  readonly byUrl: { id: number; content_hash: string } | undefined;
  readonly byGuid: { id: number; content_hash: string } | undefined;
  readonly byHash: number | undefined;
}

export type ExactDecision =
  | { kind: 'duplicate'; of: number; reason: DuplicateReason; score: number }
  | { kind: 'edited'; of: number; reason: 'url' | 'guid' | 'stored' }
  | null;

export function decideExact(f: ExactFacts): ExactDecision {
  if (f.selfId !== null && f.selfRecorded) return { kind: 'edited', of: f.selfId, reason: 'stored' };
  for (const [reason, row] of [
    ['url', f.byUrl],
    ['guid', f.byGuid],
  ] as const) {
    if (!row || row.id === f.selfId) continue;
    return row.content_hash === f.contentHash
      ? { kind: 'duplicate', of: row.id, reason, score: 1 }
      : { kind: 'edited', of: row.id, reason };
  }
  if (f.byHash !== undefined) return { kind: 'duplicate', of: f.byHash, reason: 'hash', score: 1 };
  return null;
}
