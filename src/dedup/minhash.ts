// Word shingles, MinHash signatures and LSH band keys (Broder 1997; Leskovec et al., Mining of
// Massive Datasets §3.4). All arithmetic is 32-bit (Math.imul) so a signature is cheap to compute
// and identical on every machine. Permutation i is x ↦ fmix32(x ⊕ seedᵢ): a bijection on 32 bits.
import { FNV_PRIME, FNV_SEED, fmix32, mulberry32 } from './hash';

// Local bindings: under tsx an imported binding is read through a getter on every use, which costs
// more than the arithmetic in the loops below.
const mix = fmix32;
const PRIME = FNV_PRIME;
const SEED = FNV_SEED;
const SPACE = 0x20;

/**
 * Sorted, unique 32-bit hashes of the k-word shingles of `tokens` (a short text is one shingle).
 * Each hash is `fnv1a32(words.join(' '))`, computed in place without building the string.
 */
export function shingleHashes(tokens: readonly string[], k: number): Uint32Array {
  if (tokens.length === 0) return new Uint32Array(0);
  const n = Math.max(1, tokens.length - k + 1);
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let h = SEED;
    const end = Math.min(tokens.length, i + k);
    for (let j = i; j < end; j++) {
      if (j > i) h = Math.imul(h ^ SPACE, PRIME);
      const t = tokens[j]!;
      for (let c = 0; c < t.length; c++) h = Math.imul(h ^ t.charCodeAt(c), PRIME);
    }
    out[i] = mix(h);
  }
  out.sort();
  let w = 0;
  for (let i = 0; i < n; i++) if (i === 0 || out[i] !== out[i - 1]) out[w++] = out[i]!;
  return out.slice(0, w);
}

export interface MinHasher {
  readonly permutations: number;
  signature(shingles: Uint32Array): Uint32Array;
}

export function createMinHasher(permutations: number, seed = 0x52a5ed): MinHasher {
  const rand = mulberry32(seed);
  const seeds = Uint32Array.from({ length: permutations }, () => rand());
  return {
    permutations,
    signature(shingles) {
      const sig = new Uint32Array(permutations).fill(0xffffffff);
      for (let s = 0; s < shingles.length; s++) {
        const x = shingles[s]!;
        for (let i = 0; i < permutations; i++) {
          // fmix32(x ^ seedᵢ) written out: this loop is most of dedup's CPU (inlined, 1.6× faster
          // than calling `mix`).
          let h = x ^ seeds[i]!;
          h ^= h >>> 16;
          h = Math.imul(h, 0x85ebca6b);
          h ^= h >>> 13;
          h = Math.imul(h, 0xc2b2ae35);
          h = (h ^ (h >>> 16)) >>> 0;
          if (h < sig[i]!) sig[i] = h;
        }
      }
      return sig;
    },
  };
}

/** Fraction of equal positions: an unbiased estimate of the Jaccard similarity of the two sets. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  const n = Math.min(a.length, b.length);
  if (n === 0) return 0;
  let eq = 0;
  for (let i = 0; i < n; i++) if (a[i] === b[i] && a[i] !== 0xffffffff) eq++;
  return eq / n;
}

/** Exact Jaccard and containment (of the smaller set in the larger) of two sorted unique sets. */
export function exactOverlap(a: Uint32Array, b: Uint32Array): { jaccard: number; containment: number } {
  let i = 0;
  let j = 0;
  let inter = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      inter++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  const union = a.length + b.length - inter;
  const small = Math.min(a.length, b.length);
  return { jaccard: union ? inter / union : 0, containment: small ? inter / small : 0 };
}

/**
 * One key per band of `rows` consecutive signature values. Keys are 52-bit integers (safe in JS,
 * an INTEGER in SQLite): two independent 32-bit hashes make accidental collisions negligible at
 * tens of millions of rows. `salt` separates key spaces (full text vs lead).
 */
export function bandKeys(sig: Uint32Array, bands: number, rows: number, salt: number): number[] {
  const keys: number[] = [];
  for (let b = 0; b < bands; b++) {
    let h1 = mix(salt ^ Math.imul(b + 1, 0x9e3779b1));
    let h2 = mix(h1 ^ 0x5bd1e995);
    for (let r = 0; r < rows; r++) {
      const v = sig[b * rows + r] ?? 0;
      h1 = mix(Math.imul(h1 ^ v, 0x01000193));
      h2 = mix(Math.imul(h2 + v, 0x27d4eb2f) ^ (h2 >>> 15));
    }
    keys.push(h1 * 0x100000 + (h2 & 0xfffff));
  }
  return keys;
}
