// The rules checked on a hit, and only then (so they cost nothing on the other tokens): context
// words around an ambiguous name (rules CONTEXT_WORDS), capitals for acronyms, the last letter of
// fold-sensitive words. Keys are compared on the tokenizer's buffer; a string is built only here.
import { charTable, IGN, LAT } from '../text/charmap';
import { hashKey, type Tokens, tokenKey } from '../text/tokenize';
import { CONTEXT_WORDS, EN_ARTICLES } from './rules';

/** Token i's normalized key equals key (compared on the tokenizer's buffer). */
export function sameKey(t: Tokens, i: number, key: string): boolean {
  const len = t.charLens[i]!;
  if (len !== key.length) return false;
  const from = t.charStarts[i]!;
  for (let k = 0; k < len; k++) if (t.chars[from + k] !== key.charCodeAt(k)) return false;
  return true;
}

const ARTICLES = new Map([...EN_ARTICLES].map((a) => [hashKey(a), a]));

export const isArticle = (t: Tokens, j: number) => {
  if (t.kinds[j] !== LAT) return false;
  const a = ARTICLES.get(t.hashes[j]!);
  return a !== undefined && sameKey(t, j, a);
};

const isContextWord = (key: string) =>
  CONTEXT_WORDS.has(key) || CONTEXT_WORDS.has(key.slice(1)) || CONTEXT_WORDS.has(key.slice(2));

/** al-Bab, el Bab, ash-Shaddadi: "al"/"el", or any article tied by a hyphen ("at Bab Touma" is English). */
function isNameArticle(raw: string, t: Tokens, j: number): boolean {
  if (!isArticle(t, j)) return false;
  return sameKey(t, j, 'al') || sameKey(t, j, 'el') || raw[t.ends[j]!] === '-';
}

/** مدينة الباب, بلدة المزرعة, al-Bab, the town of al-Bab, al-Hol camp. */
export function hasContext(raw: string, t: Tokens, i: number, last: number): boolean {
  const after = last + 1 < t.count && t.kinds[last + 1] === LAT && isContextWord(tokenKey(t, last + 1));
  if (i === 0) return after;
  if (isNameArticle(raw, t, i - 1) || isContextWord(tokenKey(t, i - 1))) return true;
  if (i > 1 && t.kinds[i - 1] === LAT && sameKey(t, i - 1, 'of') && isContextWord(tokenKey(t, i - 2))) return true;
  return after;
}

const isCaps = (s: string) => s.length > 1 && s === s.toUpperCase() && s !== s.toLowerCase();

/** IS, SDF: written in capitals, and not inside a line written all in capitals. */
export function acronymOk(raw: string, t: Tokens, i: number, last: number): boolean {
  if (!isCaps(raw.slice(t.starts[i], t.ends[last]))) return false;
  if (t.charLens[i]! > 2) return true;
  for (const j of [i - 1, last + 1])
    if (j >= 0 && j < t.count && t.kinds[j] === LAT && isCaps(raw.slice(t.starts[j], t.ends[j]))) return false;
  return true;
}

/** علي typed with ي does not match على, written with ى (both fold to علي). */
export function lastLetterOk(raw: string, t: Tokens, i: number, letter: string): boolean {
  const { cls } = charTable();
  let p = t.ends[i]! - 1;
  while (p > t.starts[i]! && cls[raw.charCodeAt(p)] === IGN) p--;
  const c = raw[p];
  return !((letter === 'ي' && c === 'ى') || (letter === 'ى' && c === 'ي'));
}
