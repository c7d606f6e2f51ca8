import { describe, expect, it } from 'vitest';
import { APOSTROPHES, charTable, IGN, LAT, SEP } from '../../src/text/charmap';
import { normalize } from '../../src/text/normalize';
import { concatHash, createTokenizer, hashKey, sliceHash, tokenizeNow, tokenKey } from '../../src/text/tokenize';

/** The tokenizer's rules written the plain way, one character at a time with charCodeAt. */
function reference(raw: string) {
  const { cls, fold, multi } = charTable();
  const out: { key: string; start: number; end: number; kind: number }[] = [];
  let kind = SEP;
  let key = '';
  let start = 0;
  let end = 0;
  const close = () => {
    if (kind !== SEP) out.push({ key, start, end, kind });
    kind = SEP;
  };
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    const k = cls[c]!;
    if (k === IGN) {
      if (kind === SEP) continue;
      if (!APOSTROPHES.has(c)) end = i + 1;
      else if (kind === LAT && (raw[i + 1] === 's' || raw[i + 1] === 'S') && cls[raw.charCodeAt(i + 2)] !== LAT) {
        close();
        i++;
      }
      continue;
    }
    if (k !== kind) {
      close();
      kind = k;
      if (k === SEP) continue;
      key = '';
      start = i;
    }
    key += fold[c] ? String.fromCharCode(fold[c]!) : (multi.get(c) ?? '');
    end = i + 1;
  }
  close();
  return out;
}

const ALPHABET = [
  ...'الحسكةوبللاذقيةدرعاHasakahDeirZorMaarat0123456789٠١٢',
  ...' ,.،«»"()-\n',
  "'",
  '’',
  'ʿ',
  'ـ',
  '\u064b',
  '\u0651',
  '\u200f',
  '\u00ad',
  'ﷲ',
  'ﻻ',
  'é',
  'ß',
  'ﬁ',
  '中',
  '\ud83d\ude00',
  '\ud800',
  's',
  'S',
  '\t',
  '\r',
  '\u00a0',
  '\u2003',
  '\ufeff',
];

/** What Tokens.otherSpaces says: whitespace other than single ' ' and '\n'. */
const otherSpaces = (raw: string) => /[^\S \n]| {2}/.test(raw);

function randomText(seed: number, length: number): string {
  let s = seed >>> 0;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[Math.floor(next() * ALPHABET.length)];
  return out;
}

describe('tokenizer against the plain per-character rules', () => {
  it('gives the same tokens, offsets, kinds, hashes and slice hashes on 2,000 random texts', () => {
    const tokenizer = createTokenizer();
    for (let seed = 1; seed <= 2000; seed++) {
      const raw = randomText(seed, 1 + (seed % 120));
      const want = reference(raw);
      const t = tokenizer.run(raw);
      const got = Array.from({ length: t.count }, (_, i) => ({
        key: tokenKey(t, i),
        start: t.starts[i]!,
        end: t.ends[i]!,
        kind: t.kinds[i]!,
      }));
      expect(got, JSON.stringify(raw)).toEqual(want);
      expect(t.otherSpaces, JSON.stringify(raw)).toBe(otherSpaces(raw));
      for (let i = 0; i < t.count; i++) {
        const key = got[i]!.key;
        expect(t.hashes[i]).toBe(hashKey(key));
        // Clitics and suffixes come off a few characters at each end.
        for (let a = 0; a <= Math.min(4, key.length); a++)
          for (let b = Math.max(a, key.length - 4); b <= key.length; b++)
            expect(sliceHash(t, i, a, b), `${key} ${a} ${b}`).toBe(hashKey(key, a, b));
      }
    }
  });

  it('hashes two keys one after the other from their hashes', () => {
    for (const [a, b] of [
      ['ال', 'حسكه'],
      ['', 'x'],
      ['abc', ''],
      ['ال', 'ا'.repeat(100)],
    ] as const)
      expect(concatHash(hashKey(a), hashKey(b), b.length)).toBe(hashKey(a + b));
  });

  it('handles a long text after short ones (buffers grow), in the path for texts over the scratch size', () => {
    const tokenizer = createTokenizer();
    tokenizer.run('short');
    const raw = randomText(7, 50_000);
    const t = tokenizer.run(raw);
    const want = reference(raw);
    expect(t.count).toBe(want.length);
    expect(t.otherSpaces).toBe(otherSpaces(raw));
    for (let i = 0; i < t.count; i++) {
      const got = { key: tokenKey(t, i), start: t.starts[i]!, end: t.ends[i]!, kind: t.kinds[i]! };
      expect(got).toEqual(want[i]);
      expect(t.hashes[i]).toBe(hashKey(got.key));
    }
    // Then a short text again: the scratch path, into the grown buffers.
    expect(tokenizer.run('ب500 Hasakah’s').count).toBe(3);
  });

  it('tokenizeNow gives the tokens run gives, and a text too long for its buffers through the fallback', () => {
    const own = createTokenizer();
    const fallback = createTokenizer();
    const keys = (t: ReturnType<typeof own.run>) => Array.from({ length: t.count }, (_, i) => tokenKey(t, i));
    for (let seed = 1; seed <= 300; seed++) {
      const raw = randomText(seed, 1 + (seed % 200));
      const want = keys(own.run(raw));
      const now = tokenizeNow(raw, fallback);
      expect(keys(now), JSON.stringify(raw)).toEqual(want);
      expect(now.otherSpaces, JSON.stringify(raw)).toBe(otherSpaces(raw));
    }
    const long = randomText(9, 40_000);
    const t = tokenizeNow(long, fallback);
    expect(t).toBe(fallback.run(long));
    expect(t.count).toBe(reference(long).length);
  });

  it('gives the same tokens with another character table (the path with the table passed in)', () => {
    const hamza = charTable({ foldHamza: true });
    const tokenizer = createTokenizer(hamza);
    for (let seed = 1; seed <= 300; seed++) {
      const raw = randomText(seed, 1 + (seed % 120));
      const t = tokenizer.run(raw);
      const want = createTokenizer().run(raw);
      expect(t.count, JSON.stringify(raw)).toBe(want.count);
      expect(t.otherSpaces, JSON.stringify(raw)).toBe(otherSpaces(raw));
      expect([...t.starts.subarray(0, t.count)]).toEqual([...want.starts.subarray(0, want.count)]);
      expect([...t.ends.subarray(0, t.count)]).toEqual([...want.ends.subarray(0, want.count)]);
    }
  });
});

describe('normalize against the plain per-character rules', () => {
  /** The rules one character at a time, building the string as it goes. */
  function plainNormalize(text: string): string {
    const { cls, fold, multi } = charTable();
    const nfkc = text.normalize('NFKC');
    let out = '';
    for (let i = 0; i < nfkc.length; i++) {
      const c = nfkc.charCodeAt(i);
      const k = cls[c]!;
      if (k === IGN) continue;
      if (k === SEP) out += nfkc[i];
      else out += fold[c] ? String.fromCharCode(fold[c]!) : (multi.get(c) ?? '');
    }
    return out;
  }

  it('gives the same string on 2,000 random texts, and on one longer than a chunk', () => {
    for (let seed = 1; seed <= 2000; seed++) {
      const raw = randomText(seed, 1 + (seed % 300));
      expect(normalize(raw), JSON.stringify(raw)).toBe(plainNormalize(raw));
    }
    const long = randomText(7, 40_000);
    expect(normalize(long)).toBe(plainNormalize(long));
  });
});
