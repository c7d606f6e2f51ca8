import { describe, expect, it } from 'vitest';
import { fromCodeUnits } from '../../src/text/code-units';
import { isSpace, squashSpace } from '../../src/text/space';

// Random texts over the characters that matter: every kind of JS whitespace, invisible marks, Arabic,
// Latin, a lone surrogate and a pair.
const ALPHABET = [
  ' ',
  '  ',
  '\n',
  '\t',
  '\r\n',
  '\u00a0',
  '\u2003',
  '\u3000',
  '\ufeff',
  '\u200b',
  'ا',
  'ب',
  'a',
  'Z',
  '.',
  '\ud83d',
  '😀',
  '\u0640',
];
function randomText(seed: number, length: number): string {
  let a = seed;
  let s = '';
  for (let i = 0; i < length; i++) {
    a = (Math.imul(a, 1103515245) + 12345) >>> 0;
    s += ALPHABET[a % ALPHABET.length];
  }
  return s;
}

describe('isSpace', () => {
  it('is exactly /\\s/ on every BMP code unit', () => {
    const wrong: string[] = [];
    for (let c = 0; c < 0x10000; c++) if (isSpace(c) !== /\s/.test(String.fromCharCode(c))) wrong.push(c.toString(16));
    expect(wrong).toEqual([]);
  });
});

describe('squashSpace', () => {
  it.each([
    ['', ''],
    ['clean text', 'clean text'],
    ['  lead and trail  ', 'lead and trail'],
    ['a\n\n b\tc', 'a b c'],
    ['nbsp\u00a0here', 'nbsp here'],
    ['zero\u200bwidth', 'zero\u200bwidth'],
  ])('%j → %j', (input, want) => expect(squashSpace(input)).toBe(want));

  it.each([
    ['zero\u200bwidth joins', 'zerowidth joins'],
    ['\ufeffbom first', 'bom first'],
    ['a \u200b b', 'a b'],
  ])('dropping invisibles: %j → %j', (input, want) => expect(squashSpace(input, true)).toBe(want));

  it('agrees with the regular expressions on random texts', () => {
    for (let seed = 1; seed <= 3000; seed++) {
      const s = randomText(seed, seed % 40);
      expect(squashSpace(s)).toBe(s.replace(/\s+/g, ' ').trim());
      expect(squashSpace(s, true)).toBe(
        s
          .replace(/[\u200B\uFEFF]/g, '')
          .replace(/\s+/g, ' ')
          .trim(),
      );
    }
  });

  it('returns a clean text as it is (no copy)', () => {
    const s = 'already clean';
    expect(squashSpace(s)).toBe(s);
  });
});

describe('fromCodeUnits', () => {
  it('keeps lone surrogates on the exact path and decodes the rest', () => {
    const text = 'abc \ud83d 😀 الحسكة';
    const units = new Uint16Array(text.length);
    for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
    expect(fromCodeUnits(units, text.length, true)).toBe(text);
    expect(fromCodeUnits(units, 3, false)).toBe('abc');
  });
});
