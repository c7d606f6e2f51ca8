import { describe, expect, it } from 'vitest';
import { createPeeled, peel } from '../../src/match/clitics';
import { compileQueries } from '../../src/match/compile';
import { createMatchContext } from '../../src/match/context';
import { createFormTableBuilder } from '../../src/match/form-table';
import { CLITICS, WEAK } from '../../src/match/forms';
import { parseQuery } from '../../src/match/query';
import { AR_SUFFIXES } from '../../src/match/rules';
import { type RawHit, scanTokens } from '../../src/match/scan';
import { createTokenizer, hashKey } from '../../src/text/tokenize';
import { fixtureAliasGroups, fixturePlaces } from './fixtures/world';

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

describe('simple buckets (FormTable.simple)', () => {
  it('give exactly the hits the patterns give, on texts of watched words with clitics and suffixes', () => {
    const ctx = createMatchContext({ places: fixturePlaces, aliasGroups: fixtureAliasGroups });
    const queries = [
      'قصف',
      'هجوم',
      'مخيم',
      'attack',
      'prison',
      '=الباب',
      'علي',
      'الحسكة',
      'داعش',
      '"سجن غويران"',
      'SDF',
      'Hama',
    ];
    const watches = queries.map((text, id) => {
      const q = parseQuery(text, ctx);
      if (!q.ok) throw new Error(q.error);
      return { id, query: q.value };
    });
    const { table } = compileQueries(watches, ctx);
    // A copy whose buckets all read as not simple (1: see FormTable.simple) goes through the patterns.
    const objectsOnly = {
      ...table,
      simple: { at: new Int32Array(table.simple.at.length).fill(1), keys: new Uint16Array(0), used: 0 },
    };
    const r = rng(11);
    const words = [
      'قصف',
      'هجوم',
      'مخيم',
      'attack',
      'prison',
      'الباب',
      'باب',
      'علي',
      'على',
      'الحسكة',
      'داعش',
      'سجن',
      'غويران',
      'SDF',
      'Hama',
      'Hamas',
      'مدينة',
    ];
    const affixes = ['', '', 'و', 'ب', 'ل', 'وال', 'بال', 'لل', 'ف'];
    const suffixes = ['', '', 'ات', 'ها', 'هم', 'ين'];
    const tokenizer = createTokenizer();
    for (let n = 0; n < 300; n++) {
      let text = '';
      for (let k = 0; k < 30; k++) {
        const w = words[Math.floor(r() * words.length)]!;
        const arabic = /[\u0600-\u06ff]/.test(w);
        const pre = arabic ? affixes[Math.floor(r() * affixes.length)] : '';
        const post = arabic ? suffixes[Math.floor(r() * suffixes.length)] : '';
        text += `${pre}${w}${post} `;
      }
      const t = tokenizer.run(text);
      const fast: RawHit[] = [];
      const slow: RawHit[] = [];
      scanTokens(text, t, table, 'body', fast);
      scanTokens(text, t, objectsOnly, 'body', slow);
      expect(fast, text).toEqual(slow);
    }
    // Both kinds were met: watched words are simple; places, alias groups, phrases and ambiguous names are not.
    const states = table.simple.at.filter((_, k) => k % 3 === 0);
    expect(states.some((x) => x >= 2)).toBe(true);
    expect(states.some((x) => x === 1)).toBe(true);
  });
});

describe('keys are compared, not only hashed', () => {
  /** Two different lowercase words with the same 32-bit key hash (a birthday search, seeded). */
  function collision(): [string, string] {
    const r = rng(7);
    const seen = new Map<number, string>();
    for (;;) {
      const w = Array.from({ length: 7 }, () => String.fromCharCode(97 + Math.floor(r() * 26))).join('');
      const h = hashKey(w);
      const other = seen.get(h);
      if (other !== undefined && other !== w) return [other, w];
      seen.set(h, w);
    }
  }

  it('a token whose hash equals a watched key but whose letters differ is no hit, in a simple bucket or not', () => {
    const [watched, lookalike] = collision();
    expect(hashKey(watched)).toBe(hashKey(lookalike));
    const tokenizer = createTokenizer();
    // One table where the key's bucket is simple (one plain target), one where it is not (a weak target).
    for (const weak of [false, true]) {
      const builder = createFormTableBuilder();
      builder.add({ firsts: [watched], rest: [], restHashes: [], flags: 0 }, 0, weak ? WEAK : 0);
      const table = builder.build();
      const hits = (text: string) => {
        const out: RawHit[] = [];
        scanTokens(text, tokenizer.run(text), table, 'body', out);
        return out.length;
      };
      expect(hits(`near ${watched} today`)).toBe(1);
      expect(hits(`near ${lookalike} today`)).toBe(0);
      expect(table.simple.at[0]! >= 2).toBe(!weak);
    }
  });
});

describe('form table growth', () => {
  it('a table whose arrays grew from their first size gives the hits of one made with room for every key', () => {
    // ~6,000 keys in words, phrases, suffixed stems and shared forms: every array of the builder
    // outgrows its first size (1,024) several times when no size is expected.
    const r = rng(5);
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const word = () => Array.from({ length: 3 + Math.floor(r() * 5) }, () => letters[Math.floor(r() * 26)]).join('');
    const words = Array.from({ length: 6000 }, word);
    const fill = (expected: number) => {
      const builder = createFormTableBuilder(expected);
      words.forEach((w, slot) => {
        builder.add({ firsts: [w], rest: [], restHashes: [], flags: 0 }, slot);
        // A phrase on the next word, and the word again for another slot (a second target).
        const next = words[(slot + 1) % words.length]!;
        builder.add({ firsts: [w], rest: [next], restHashes: [hashKey(next)], flags: 0 }, slot);
        if (slot % 3 === 0) builder.add({ firsts: [w], rest: [], restHashes: [], flags: 0 }, slot + 1, WEAK);
        if (slot % 2 === 0) builder.addSuffix({ stem: `ال${w.length}`, suffixes: ['ها'] }, slot);
      });
      return builder.build();
    };
    const grown = fill(0);
    const roomy = fill(20_000);
    expect(grown.keys.length).toBeGreaterThan(4 * 1024);
    const tokenizer = createTokenizer();
    for (let n = 0; n < 50; n++) {
      const text = Array.from({ length: 40 }, () => (r() < 0.7 ? words[Math.floor(r() * words.length)] : word())).join(
        ' ',
      );
      const t = tokenizer.run(text);
      const a: RawHit[] = [];
      const b: RawHit[] = [];
      scanTokens(text, t, grown, 'body', a);
      scanTokens(text, t, roomy, 'body', b);
      expect(a.length).toBeGreaterThan(0);
      expect(a).toEqual(b);
    }
    // The phrase of word k and the next word is found, for its slot.
    const k = 1234;
    const text = `${words[k]} ${words[k + 1]}`;
    const out: RawHit[] = [];
    scanTokens(text, tokenizer.run(text), grown, 'body', out);
    expect(out.filter((h) => h.slot === k && h.end === text.length)).toHaveLength(1);
  });
});
