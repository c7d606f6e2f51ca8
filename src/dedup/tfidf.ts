// Sparse TF-IDF vectors and centroids. IDF is smoothed, ln((N+1)/(df+1)) + 1, so a term never seen
// before weighs most and an empty model still works. Vectors are L2-normalized; a story centroid is
// the running sum of its articles' unit vectors, truncated to its heaviest terms so it stays small.

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
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, w] of small) {
    const u = large.get(t);
    if (u !== undefined) dot += w * u;
  }
  const n = norm(a) * norm(b);
  return n > 0 ? dot / n : 0;
}

export function norm(v: SparseVector): number {
  let s = 0;
  for (const w of v.values()) s += w * w;
  return Math.sqrt(s);
}

/** Centroid + vector, keeping the `keep` heaviest terms. */
export function addToCentroid(centroid: SparseVector, v: SparseVector, keep: number): Map<string, number> {
  const sum = new Map(centroid);
  for (const [t, w] of v) sum.set(t, (sum.get(t) ?? 0) + w);
  return truncate(sum, keep);
}

export function truncate(v: SparseVector, keep: number): Map<string, number> {
  if (v.size <= keep) return new Map(v);
  return new Map([...v].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).slice(0, keep));
}

/** The `n` heaviest terms, for the story candidate index. */
export function topTerms(v: SparseVector, n: number): string[] {
  return [...truncate(v, n).keys()];
}
