// Words of a text with offsets into the raw text, for the fact finders (lexicon, counts, names).
// Keys come from src/text (the matcher's normalization). An Arabic word also matches under its
// attached prefixes stripped (و ف, ب ل ك, ال, لل → ال) and without the accusative alef (سجيناً → سجين),
// so a lexicon lists bare words and their plurals, never every prefixed form.
import { DIG } from '../text/charmap';
import { keyTokens } from '../text/normalize';
import { createTokenizer, tokenKey } from '../text/tokenize';

export interface Word {
  readonly key: string;
  readonly start: number;
  readonly end: number;
  readonly digits: boolean;
  /** Keys this word may stand for (itself first). */
  readonly variants: readonly string[];
}

const AR_LETTER = /[\u0621-\u064a]/;
const CONJ = ['و', 'ف'];
const PREP = ['ب', 'ل', 'ك'];

/** The key and its prefix-stripped forms; a stem keeps at least two letters. */
export function arabicVariants(key: string): string[] {
  if (!AR_LETTER.test(key)) return [key];
  const out = new Set<string>([key]);
  const add = (s: string) => {
    if (s.length >= 2) out.add(s);
  };
  const stems = [key];
  if (CONJ.includes(key[0]!)) stems.push(key.slice(1));
  for (const s of [...stems]) if (PREP.includes(s[0]!)) stems.push(s.slice(1));
  for (const s of stems) {
    add(s);
    if (s.startsWith('لل')) add(`ال${s.slice(2)}`);
    if (s.startsWith('ال')) add(s.slice(2));
  }
  for (const s of [...out]) if (s.length >= 4 && s.endsWith('ا')) out.add(s.slice(0, -1));
  return [...out];
}

/** Splits a text into words (same tokens as the matcher). */
export function textWords(text: string): Word[] {
  const t = createTokenizer().run(text);
  const words: Word[] = [];
  for (let i = 0; i < t.count; i++) {
    const key = tokenKey(t, i);
    const digits = t.kinds[i] === DIG;
    words.push({ key, start: t.starts[i]!, end: t.ends[i]!, digits, variants: digits ? [key] : arabicVariants(key) });
  }
  return words;
}

/** A phrase as the keys of its words. */
export const phraseKeys = (phrase: string): string[] => keyTokens(phrase);

/** True when the words from `at` spell `keys` (each word in any of its variants). */
export function matchesAt(words: readonly Word[], at: number, keys: readonly string[]): boolean {
  if (keys.length === 0 || at + keys.length > words.length) return false;
  for (let j = 0; j < keys.length; j++) if (!words[at + j]!.variants.includes(keys[j]!)) return false;
  return true;
}
