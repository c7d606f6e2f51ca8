// One pass over an article's tokens: each token's hash finds the forms that start with it; phrase
// forms check the following tokens; Arabic topic stems are tried with the token's suffix cut off.
// Ambiguity rules are checked only on a hit, so they cost nothing on the other tokens.
import { AR, charTable, IGN, LAT } from '../text/charmap';
import { hashChars, hashKey, type Tokens, tokenKey } from '../text/tokenize';
import type { Compiled, Entry } from './compile';
import { ACRONYM, AMBIGUOUS, INSIDE, SKIP_ARTICLES, WEAK } from './forms';
import { AR_SUFFIXES, CONTEXT_WORDS, EN_ARTICLES } from './rules';

export interface RawHit {
  readonly slot: number;
  readonly where: 'title' | 'body';
  readonly start: number;
  readonly end: number;
  readonly weak: boolean;
  /** 0: a name of the term itself; 1: a name of a place inside it. */
  readonly rank: number;
}

const ARTICLE_HASHES = new Set([...EN_ARTICLES].map((a) => hashKey(a)));
const SUFFIXES = [...AR_SUFFIXES]
  .sort((a, b) => b.length - a.length)
  .map((s) => ({ s, codes: [...s].map((c) => c.charCodeAt(0)) }));

const isArticle = (t: Tokens, j: number) =>
  t.kinds[j] === LAT && ARTICLE_HASHES.has(t.hashes[j]!) && EN_ARTICLES.has(tokenKey(t, j));

/** Index of the last token of the form when it matches at token i, else -1. */
function matchRest(t: Tokens, i: number, e: Entry): number {
  let j = i + 1;
  for (let k = 0; k < e.rest.length; k++) {
    if (e.flags & SKIP_ARTICLES) while (j < t.count && t.hashes[j] !== e.restHashes[k] && isArticle(t, j)) j++;
    if (j >= t.count || t.hashes[j] !== e.restHashes[k] || tokenKey(t, j) !== e.rest[k]) return -1;
    j++;
  }
  return j - 1;
}

const isContextWord = (key: string) =>
  CONTEXT_WORDS.has(key) || CONTEXT_WORDS.has(key.slice(1)) || CONTEXT_WORDS.has(key.slice(2));

/** al-Bab, el Bab, ash-Shaddadi: "al"/"el", or any article tied by a hyphen ("at Bab Touma" is English). */
function isNameArticle(raw: string, t: Tokens, j: number): boolean {
  if (!isArticle(t, j)) return false;
  const key = tokenKey(t, j);
  return key === 'al' || key === 'el' || raw[t.ends[j]!] === '-';
}

/** مدينة الباب, بلدة المزرعة, al-Bab, the town of al-Bab, al-Hol camp. */
function hasContext(raw: string, t: Tokens, i: number, last: number): boolean {
  if (i === 0) return last + 1 < t.count && t.kinds[last + 1] === LAT && isContextWord(tokenKey(t, last + 1));
  if (isNameArticle(raw, t, i - 1) || isContextWord(tokenKey(t, i - 1))) return true;
  if (i > 1 && t.kinds[i - 1] === LAT && tokenKey(t, i - 1) === 'of' && isContextWord(tokenKey(t, i - 2))) return true;
  return last + 1 < t.count && t.kinds[last + 1] === LAT && isContextWord(tokenKey(t, last + 1));
}

const isCaps = (s: string) => s.length > 1 && s === s.toUpperCase() && s !== s.toLowerCase();

/** IS, SDF: written in capitals, and not inside a line written all in capitals. */
function acronymOk(raw: string, t: Tokens, i: number, last: number): boolean {
  if (!isCaps(raw.slice(t.starts[i], t.ends[last]))) return false;
  if (t.charLens[i]! > 2) return true;
  for (const j of [i - 1, last + 1])
    if (j >= 0 && j < t.count && t.kinds[j] === LAT && isCaps(raw.slice(t.starts[j], t.ends[j]))) return false;
  return true;
}

/** علي typed with ي does not match على, written with ى (both fold to علي). */
function lastLetterOk(raw: string, t: Tokens, i: number, letter: string): boolean {
  const { cls } = charTable();
  let p = t.ends[i]! - 1;
  while (p > t.starts[i]! && cls[raw.charCodeAt(p)] === IGN) p--;
  const c = raw[p];
  return !((letter === 'ي' && c === 'ى') || (letter === 'ى' && c === 'ي'));
}

export function scanTokens(raw: string, t: Tokens, c: Compiled, where: 'title' | 'body', out: RawHit[]): void {
  const hasSuffixForms = c.suffixForms.size > 0;
  for (let i = 0; i < t.count; i++) {
    const list = c.forms.get(t.hashes[i]!);
    let key: string | null = null;
    if (list) {
      key = tokenKey(t, i);
      for (const e of list) {
        if (e.key !== key) continue;
        const last = e.rest.length === 0 ? i : matchRest(t, i, e);
        if (last < 0) continue;
        const context = (e.flags & (AMBIGUOUS | WEAK)) !== 0 && hasContext(raw, t, i, last);
        if (e.flags & AMBIGUOUS && !context) continue;
        if (e.flags & ACRONYM && !acronymOk(raw, t, i, last)) continue;
        if (e.lastLetter !== undefined && !lastLetterOk(raw, t, i, e.lastLetter)) continue;
        out.push({
          slot: e.slot,
          where,
          start: t.starts[i]!,
          end: t.ends[last]!,
          weak: (e.flags & WEAK) !== 0 && !context,
          rank: e.flags & INSIDE ? 1 : 0,
        });
      }
    }
    if (hasSuffixForms && t.kinds[i] === AR && t.charLens[i]! >= 4) scanSuffixes(t, i, c, where, out);
  }
}

function scanSuffixes(t: Tokens, i: number, c: Compiled, where: 'title' | 'body', out: RawHit[]): void {
  const from = t.charStarts[i]!;
  const len = t.charLens[i]!;
  for (const { s, codes } of SUFFIXES) {
    const stemLen = len - codes.length;
    if (stemLen < 2) continue;
    let ends = true;
    for (let k = 0; k < codes.length && ends; k++) ends = t.chars[from + stemLen + k] === codes[k];
    if (!ends) continue;
    const list = c.suffixForms.get(hashChars(t.chars, from, from + stemLen));
    if (!list) continue;
    const stem = String.fromCharCode.apply(null, t.chars.subarray(from, from + stemLen) as unknown as number[]);
    for (const e of list)
      if (e.stem === stem && e.suffixes.has(s))
        out.push({ slot: e.slot, where, start: t.starts[i]!, end: t.ends[i]!, weak: false, rank: 0 });
  }
}
