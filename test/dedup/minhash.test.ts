import { describe, expect, it } from 'vitest';
import { fmix32, fnv1a32, mulberry32 } from '../../src/dedup/hash';
import { bandKeys, createMinHasher, estimateJaccard, exactOverlap, shingleHashes } from '../../src/dedup/minhash';

const words = (n: number, prefix = 'w') => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe('shingles', () => {
  it.each([
    ['no tokens, no shingles', [], 3, 0],
    ['a text shorter than k is one shingle', ['a', 'b'], 3, 1],
    ['n - k + 1 shingles', words(10), 3, 8],
    ['repeated shingles count once', ['a', 'b', 'c', 'a', 'b', 'c', 'a', 'b', 'c'], 3, 3],
  ])('%s', (_n, tokens, k, count) => {
    expect(shingleHashes(tokens as string[], k as number).length).toBe(count);
  });
  it('hashes each shingle as fnv1a32 of its words joined by one space (stored signatures depend on it)', () => {
    const tokens = ['قسد', 'داعش', 'الحسكة', 'raid', 'x'];
    const expected = [0, 1, 2].map((i) => fnv1a32(tokens.slice(i, i + 3).join(' ')));
    expect([...shingleHashes(tokens, 3)]).toEqual([...new Set(expected)].sort((a, b) => a - b));
    expect([...shingleHashes(['a', 'b'], 3)]).toEqual([fnv1a32('a b')]);
  });
});

describe('MinHash', () => {
  const mh = createMinHasher(128);
  it('is deterministic across instances (stored signatures depend on it)', () => {
    const s = shingleHashes(words(50), 3);
    expect(createMinHasher(128).signature(s)).toEqual(mh.signature(s));
    expect(fnv1a32('قسد داعش الحسكة')).toBe(fnv1a32('قسد داعش الحسكة'));
  });
  it('takes the minimum of fmix32(shingle xor seed) per permutation', () => {
    const s = shingleHashes(words(40), 3);
    const sig = createMinHasher(4, 7).signature(s);
    const seeds = Array.from({ length: 4 }, mulberry32(7));
    expect([...sig]).toEqual(seeds.map((seed) => Math.min(...[...s].map((x) => fmix32(x ^ seed)))));
  });
  it.each([0.9, 0.6, 0.3, 0.1])('estimates Jaccard %f within 0.1 of the exact value', (target) => {
    // Two texts sharing a prefix: pick the overlap to hit the target Jaccard.
    const n = 400;
    const shared = Math.round((2 * n * target) / (1 + target));
    const a = shingleHashes([...words(shared), ...words(n - shared, 'a')], 1);
    const b = shingleHashes([...words(shared), ...words(n - shared, 'b')], 1);
    const exact = exactOverlap(a, b).jaccard;
    expect(Math.abs(estimateJaccard(mh.signature(a), mh.signature(b)) - exact)).toBeLessThan(0.1);
  });
  it('gives containment 1 for an excerpt of a longer text', () => {
    const full = shingleHashes(words(300), 3);
    const excerpt = shingleHashes(words(30), 3);
    expect(exactOverlap(excerpt, full)).toEqual({ jaccard: 28 / 298, containment: 1 });
  });
});

describe('LSH band keys', () => {
  const mh = createMinHasher(96);
  it('equal signatures give equal keys; salts separate key spaces; keys are safe integers', () => {
    const sig = mh.signature(shingleHashes(words(40), 3));
    const k1 = bandKeys(sig, 32, 3, 1);
    expect(bandKeys(sig, 32, 3, 1)).toEqual(k1);
    expect(new Set([...k1, ...bandKeys(sig, 32, 3, 2)]).size).toBe(64);
    expect(k1.every(Number.isSafeInteger)).toBe(true);
  });
  it('texts with high Jaccard share a band, unrelated texts do not', () => {
    const base = words(200);
    const edited = base.map((w, i) => (i % 12 === 0 ? `x${i}` : w));
    const other = words(200, 'z');
    const keys = (t: string[]) => new Set(bandKeys(mh.signature(shingleHashes(t, 3)), 32, 3, 7));
    const kb = keys(base);
    expect([...keys(edited)].some((k) => kb.has(k))).toBe(true);
    expect([...keys(other)].some((k) => kb.has(k))).toBe(false);
  });
});
