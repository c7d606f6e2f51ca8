import { describe, expect, it } from 'vitest';
import { collapseSpaces } from '../../src/match/evidence';

describe('collapseSpaces', () => {
  it('equals slice, replace(/\\s+/g, " ") and trim on random texts', () => {
    const alphabet = ['a', 'ب', ' ', '  ', '\n', '\t', '\u00a0', '\u2009', '\u3000', '\ufeff', '\u200b', 'x'];
    let s = 1;
    const next = () => {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      return s / 2 ** 32;
    };
    for (let n = 0; n < 2000; n++) {
      let text = '';
      for (let i = 0; i < n % 40; i++) text += alphabet[Math.floor(next() * alphabet.length)];
      const from = Math.floor(next() * (text.length + 1));
      const to = from + Math.floor(next() * (text.length - from + 1));
      expect(collapseSpaces(text, from, to)).toBe(text.slice(from, to).replace(/\s+/g, ' ').trim());
    }
  });
});
