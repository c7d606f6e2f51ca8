// Sparse TF-IDF vectors and centroids. IDF is smoothed, ln((N+1)/(df+1)) + 1, so a term never seen
// before weighs most and an empty model still works. Vectors are L2-normalized; a story centroid is
// the running sum of its articles' unit vectors, truncated to its heaviest terms so it stays small.
// Stories are scored by keyed vectors: terms replaced by a 30-bit hash (keyedCosine below).
import { fnv1a32 } from './hash';

export type SparseVector = ReadonlyMap<string, number>;

export interface IdfModel {
  readonly docs: number;
  df(term: string): number;
}

export const idf = (model: IdfModel, term: string): number => Math.log((model.docs + 1) / (model.df(term) + 1)) + 1;

/** Term counts of a term list. */
export function termFrequencies(terms: readonly string[]): Map<string, number> {
  const tf = new Map<string, number>();
  for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
  return tf;
}

/** Unit TF-IDF vector with sublinear tf (1 + ln tf), as in SMART's "ltc". */
export function tfidfVector(tf: ReadonlyMap<string, number>, model: IdfModel): Map<string, number> {
  const v = new Map<string, number>();
  let norm = 0;
  for (const [t, n] of tf) {
    const w = (1 + Math.log(n)) * idf(model, t);
    v.set(t, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [t, w] of v) v.set(t, w / norm);
  return v;
}

export function cosine(a: SparseVector, b: SparseVector): number {
  const small = a.size <= b.size ? a : b;
  const large = small === a ? b : a;
  let dot = 0;
  // forEach, not for…of: the entry iterator allocates a [term, weight] pair per term, which was a
  // third of the memory a decision allocated (24 candidates × 120 terms).
  small.forEach((w, t) => {
    const u = large.get(t);
    if (u !== undefined) dot += w * u;
  });
  const n = norm(a) * norm(b);
  return n > 0 ? dot / n : 0;
}

// Vectors are never mutated once built (a story's centroid is replaced, not edited), so a norm can
// be kept per vector: a cached story's 120-term centroid is scored against many articles.
const norms = new WeakMap<SparseVector, number>();

export function norm(v: SparseVector): number {
  const known = norms.get(v);
  if (known !== undefined) return known;
  let s = 0;
  for (const w of v.values()) s += w * w;
  const n = Math.sqrt(s);
  norms.set(v, n);
  return n;
}

/**
 * A term's key in keyed and packed vectors: 30 bits of its FNV-1a hash, a small integer (a cheap
 * Map key, no string to build from a stored row). Two distinct terms share a key with probability
 * 2⁻³⁰ per pair; when they do, one cosine gains a spurious product.
 */
export const termKey = (t: string): number => fnv1a32(t) & 0x3fffffff;

/** An article's vector for scoring: weights by term key. */
export interface KeyedVector {
  readonly weights: ReadonlyMap<number, number>;
  readonly norm: number;
}

/** A story centroid for scoring, as stored: term keys and weights in the same order. */
export interface PackedVector {
  readonly keys: Uint32Array;
  readonly weights: Float64Array;
  readonly norm: number;
}

export function keyed(v: SparseVector): KeyedVector {
  const weights = new Map<number, number>();
  v.forEach((w, t) => {
    const k = termKey(t);
    weights.set(k, (weights.get(k) ?? 0) + w);
  });
  return { weights, norm: norm(v) };
}

export function packed(v: SparseVector): PackedVector {
  return { keys: Uint32Array.from(v.keys(), termKey), weights: Float64Array.from(v.values()), norm: norm(v) };
}

/** Norm of stored weights (summed in the order `norm` sums the vector they were packed from). */
export function normOf(weights: Float64Array): number {
  let s = 0;
  for (let i = 0; i < weights.length; i++) s += weights[i]! * weights[i]!;
  return Math.sqrt(s);
}

/** `cosine` of an article and a story centroid, over term keys. */
export function keyedCosine(a: KeyedVector, c: PackedVector): number {
  let dot = 0;
  for (let i = 0; i < c.keys.length; i++) {
    const u = a.weights.get(c.keys[i]!);
    if (u !== undefined) dot += c.weights[i]! * u;
  }
  const n = a.norm * c.norm;
  return n > 0 ? dot / n : 0;
}

/** Centroid + vector, keeping the `keep` heaviest terms. */
export function addToCentroid(centroid: SparseVector, v: SparseVector, keep: number): Map<string, number> {
  const sum = new Map(centroid);
  for (const [t, w] of v) sum.set(t, (sum.get(t) ?? 0) + w);
  return truncate(sum, keep);
}

/** Heaviest first; ties by term, so every order of the same vector truncates the same. */
const heavier = (x: readonly [string, number], y: readonly [string, number]) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1);

export function truncate(v: SparseVector, keep: number): Map<string, number> {
  if (v.size <= keep) return new Map(v);
  return new Map([...v].sort(heavier).slice(0, keep));
}

/** The `n` heaviest terms, for the story candidate index (what `truncate` keeps, in one pass). */
export function topTerms(v: SparseVector, n: number): string[] {
  if (v.size <= n) return [...v.keys()];
  const top: [string, number][] = [];
  v.forEach((w, t) => {
    const e = [t, w] as const;
    if (top.length === n && heavier(e, top[n - 1]!) >= 0) return;
    let i = Math.min(top.length, n - 1);
    while (i > 0 && heavier(e, top[i - 1]!) < 0) i--;
    top.splice(i, 0, [t, w]);
    if (top.length > n) top.pop();
  });
  return top.map(([t]) => t);
}
