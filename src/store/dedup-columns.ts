// How dedup's values sit in columns: MinHash signatures as little-endian uint32 blobs; a story's
// centroid as its terms (space-separated), their keys (uint32) and weights (float64) — or, in rows
// written before migration 0012, a JSON object; id lists as group_concat text.
import { normOf, type PackedVector, packed, termKey } from '../dedup/tfidf';
import type { CandidateRow, StoryRow } from './dedup-repo';

/** The integers of a comma-separated list (group_concat), without a string per number. */
export function csvIntegers(s: string): number[] {
  const out: number[] = [];
  let v = 0;
  let sign = 1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 44) {
      out.push(sign * v);
      v = 0;
      sign = 1;
    } else if (c === 45) sign = -1;
    else v = v * 10 + (c - 48);
  }
  out.push(sign * v);
  return out;
}

/** A typed view of a blob's bytes (a copy when the blob is not aligned for it). */
export function viewOf<T extends Uint32Array | Float64Array>(
  b: Uint8Array,
  Type: { new (buffer: ArrayBufferLike, offset: number, length: number): T; BYTES_PER_ELEMENT: number },
): T {
  const size = Type.BYTES_PER_ELEMENT;
  const bytes = b.byteOffset % size === 0 ? b : b.slice();
  return new Type(bytes.buffer, bytes.byteOffset, bytes.byteLength / size);
}

export const sigToBuffer = (sig: Uint32Array): Buffer => Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength);
export const sigFromBuffer = (b: Uint8Array): Uint32Array =>
  new Uint32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));

/** A centroid as its columns: terms in order, their keys (uint32) and weights (float64), little-endian. */
export function packCentroid(
  v: ReadonlyMap<string, number>,
): Pick<StoryRow, 'centroid_terms' | 'centroid_keys' | 'centroid_weights'> {
  const keys = Buffer.allocUnsafe(v.size * 4);
  const weights = Buffer.allocUnsafe(v.size * 8);
  let i = 0;
  v.forEach((w, t) => {
    keys.writeUInt32LE(termKey(t), 4 * i);
    weights.writeDoubleLE(w, 8 * i++);
  });
  return { centroid_terms: [...v.keys()].join(' '), centroid_keys: keys, centroid_weights: weights };
}

/** A stored candidate's centroid for scoring (rows from before migration 0013: keyed from their terms). */
export function packedCentroid(r: CandidateRow): PackedVector {
  if (r.centroid_keys.byteLength === 0) {
    return packed(unpackCentroid({ ...r, centroid_terms: r.centroid_terms ?? '', centroid: r.centroid ?? '{}' }));
  }
  // Copies: a row's buffers need not be aligned for typed-array views.
  const keys = new Uint32Array(
    r.centroid_keys.buffer.slice(r.centroid_keys.byteOffset, r.centroid_keys.byteOffset + r.centroid_keys.byteLength),
  );
  const weights = new Float64Array(
    r.centroid_weights.buffer.slice(
      r.centroid_weights.byteOffset,
      r.centroid_weights.byteOffset + r.centroid_weights.byteLength,
    ),
  );
  return { keys, weights, norm: normOf(weights) };
}

/** The centroid of a stored story row (a row written before migration 0012: its JSON). */
export function unpackCentroid(r: Pick<StoryRow, 'centroid_terms' | 'centroid_weights' | 'centroid'>) {
  const n = r.centroid_weights.byteLength / 8;
  if (n === 0) return new Map(Object.entries(JSON.parse(r.centroid) as Record<string, number>));
  const terms = r.centroid_terms.split(' ');
  const v = new Map<string, number>();
  for (let i = 0; i < n; i++) v.set(terms[i]!, r.centroid_weights.readDoubleLE(8 * i));
  return v;
}
