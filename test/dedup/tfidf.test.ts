import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/dedup/hash';
import { cosine, norm, topTerms, truncate } from '../../src/dedup/tfidf';

describe('tf-idf helpers', () => {
  it.each([0, 3, 8, 50])('topTerms(v, n) keeps what truncate keeps, heaviest first (%i terms)', (size) => {
    const r = mulberry32(size + 1);
    // Few distinct weights, so ties (broken by term) are common.
    const v = new Map(Array.from({ length: size }, (_, i) => [`t${r() % 97}-${i}`, (r() % 5) / 4] as const));
    for (const n of [1, 8, 20]) expect(topTerms(v, n)).toEqual([...truncate(v, n).keys()]);
  });

  it('keeps a vector norm, which cosine uses', () => {
    const a = new Map([
      ['bomb', 3],
      ['azaz', 4],
    ]);
    expect(norm(a)).toBe(5);
    expect(norm(a)).toBe(5);
    expect(cosine(a, new Map([['azaz', 2]]))).toBeCloseTo(0.8);
  });
});
