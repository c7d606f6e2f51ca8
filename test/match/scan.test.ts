import { describe, expect, it } from 'vitest';
import { createPeeled, peel } from '../../src/match/clitics';
import { createFormTableBuilder } from '../../src/match/form-table';
import { CLITICS } from '../../src/match/forms';
import { AR_SUFFIXES } from '../../src/match/rules';
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

  it('finds a topic stem under exactly the suffixes a token ends with (random Arabic tokens)', () => {
    const r = rng(5);
    // No proclitic letter first (only the token itself is a stem), and letters outside U+0620 .. U+065F.
    const letters = 'اتجحدرسعقمنهيڭپ';
    const word = (n: number) => Array.from({ length: n }, () => letters[Math.floor(r() * letters.length)]).join('');
    const stems = [...new Set(Array.from({ length: 300 }, () => `ت${word(1 + Math.floor(r() * 4))}`))];
    const builder = createFormTableBuilder();
    stems.forEach((stem, slot) => {
      builder.addSuffix({ stem, suffixes: AR_SUFFIXES }, slot);
    });
    const table = builder.build();
    const tokenizer = createTokenizer();
    for (let n = 0; n < 3000; n++) {
      const token =
        stems[Math.floor(r() * stems.length)]! +
        (r() < 0.8 ? AR_SUFFIXES[Math.floor(r() * AR_SUFFIXES.length)]! : word(1));
      const t = tokenizer.run(token);
      const key = String.fromCharCode(...t.chars.subarray(0, t.charLens[0]!));
      const expected: number[] = [];
      if (key.length >= 4)
        for (const suffix of [...AR_SUFFIXES].sort((a, b) => b.length - a.length)) {
          const stem = key.slice(0, key.length - suffix.length);
          if (key.endsWith(suffix) && stem.length >= 2 && stems.includes(stem)) expected.push(stems.indexOf(stem));
        }
      const out: RawHit[] = [];
      scanTokens(token, t, table, 'body', out);
      expect(
        out.map((h) => h.slot),
        token,
      ).toEqual(expected);
    }
  });
});
