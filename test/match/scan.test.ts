import { describe, expect, it } from 'vitest';
import { createPeeled, peel } from '../../src/match/clitics';
import { createFormTableBuilder } from '../../src/match/form-table';
import { CLITICS } from '../../src/match/forms';
import { type RawHit, scanTokens } from '../../src/match/scan';
import { createTokenizer } from '../../src/text/tokenize';

/** Deterministic pseudo-random numbers. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('scanTokens', () => {
  it('finds a token under exactly the stems peel gives, in its order (random Arabic tokens)', () => {
    const r = rng(3);
    const letters = 'ابتجحدرسعفقكلمنهويوفبكلال';
    const word = () =>
      Array.from({ length: 1 + Math.floor(r() * 6) }, () => letters[Math.floor(r() * letters.length)]).join('');
    const prefixes = ['', 'و', 'ف', 'ب', 'ك', 'ل', 'وب', 'فل', 'لل', 'ال', 'وال', 'بال', 'ولل', 'فلل', 'لال', 'كلل'];
    const tokens = Array.from({ length: 3000 }, () => prefixes[Math.floor(r() * prefixes.length)] + word());
    // Every stem peel finds in any of the tokens is a watched word (one slot each, taking clitics).
    const tokenizer = createTokenizer();
    const peeled = createPeeled();
    const stemsOf = (token: string): string[] => {
      const t = tokenizer.run(token);
      peel(t, 0, peeled);
      return Array.from(
        { length: peeled.count },
        (_, k) =>
          (peeled.article[k] ? 'ال' : '') + String.fromCharCode(...t.chars.subarray(peeled.from[k]!, peeled.end)),
      );
    };
    const slots = new Map<string, number>();
    for (const token of tokens) for (const stem of stemsOf(token)) if (!slots.has(stem)) slots.set(stem, slots.size);
    const builder = createFormTableBuilder();
    for (const [stem, slot] of slots) builder.add({ firsts: [stem], rest: [], restHashes: [], flags: CLITICS }, slot);
    const table = builder.build();
    for (const token of tokens) {
      const expected = stemsOf(token).map((stem) => slots.get(stem));
      const out: RawHit[] = [];
      scanTokens(token, tokenizer.run(token), table, 'body', out);
      expect(
        out.map((h) => h.slot),
        token,
      ).toEqual(expected);
    }
  });
});
