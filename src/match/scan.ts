// One pass over an article's tokens: each token's hash finds the bucket of forms that start with it
// (./form-table); phrase forms check the following tokens; Arabic topic stems are tried with the
// token's suffix cut off. Keys are compared on the tokenizer's character buffer, so no string is
// built unless a rule needs one, and ambiguity rules are checked only on a hit.
import { AR, charTable, IGN, LAT } from '../text/charmap';
import { hashChars, hashKey, type Tokens, tokenKey } from '../text/tokenize';
import type { Bucket, FormTable, Pattern, Targets } from './form-table';
import { SUFFIX_BIT } from './form-table';
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

/** Token i's normalized key equals key (compared on the tokenizer's buffer). */
export function sameKey(t: Tokens, i: number, key: string): boolean {
  const len = t.charLens[i]!;
  if (len !== key.length) return false;
  const from = t.charStarts[i]!;
  for (let k = 0; k < len; k++) if (t.chars[from + k] !== key.charCodeAt(k)) return false;
  return true;
}

const ARTICLES = new Map([...EN_ARTICLES].map((a) => [hashKey(a), a]));

const isArticle = (t: Tokens, j: number) => {
  if (t.kinds[j] !== LAT) return false;
  const a = ARTICLES.get(t.hashes[j]!);
  return a !== undefined && sameKey(t, j, a);
};

/** Index of the last token of the phrase when it matches at token i, else -1. */
function matchRest(t: Tokens, i: number, p: Pattern): number {
  let j = i + 1;
  for (let k = 0; k < p.rest.length; k++) {
    if (p.flags & SKIP_ARTICLES) while (j < t.count && t.hashes[j] !== p.restHashes[k] && isArticle(t, j)) j++;
    if (j >= t.count || t.hashes[j] !== p.restHashes[k] || !sameKey(t, j, p.rest[k]!)) return -1;
    j++;
  }
  return j - 1;
}

const isContextWord = (key: string) =>
  CONTEXT_WORDS.has(key) || CONTEXT_WORDS.has(key.slice(1)) || CONTEXT_WORDS.has(key.slice(2));

/** al-Bab, el Bab, ash-Shaddadi: "al"/"el", or any article tied by a hyphen ("at Bab Touma" is English). */
function isNameArticle(raw: string, t: Tokens, j: number): boolean {
  if (!isArticle(t, j)) return false;
  return sameKey(t, j, 'al') || sameKey(t, j, 'el') || raw[t.ends[j]!] === '-';
}

/** مدينة الباب, بلدة المزرعة, al-Bab, the town of al-Bab, al-Hol camp. */
function hasContext(raw: string, t: Tokens, i: number, last: number): boolean {
  const after = last + 1 < t.count && t.kinds[last + 1] === LAT && isContextWord(tokenKey(t, last + 1));
  if (i === 0) return after;
  if (isNameArticle(raw, t, i - 1) || isContextWord(tokenKey(t, i - 1))) return true;
  if (i > 1 && t.kinds[i - 1] === LAT && sameKey(t, i - 1, 'of') && isContextWord(tokenKey(t, i - 2))) return true;
  return after;
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

function emit(targets: Targets, where: 'title' | 'body', start: number, end: number, context: boolean, out: RawHit[]) {
  const list = targets.list;
  for (let k = 0; k < list.length; k += 2) {
    const f = list[k + 1]!;
    out.push({ slot: list[k]!, where, start, end, weak: (f & WEAK) !== 0 && !context, rank: f & INSIDE ? 1 : 0 });
  }
}

/** The rules that apply once the tokens of a pattern matched at i..last. */
function found(raw: string, t: Tokens, i: number, last: number, p: Pattern, where: 'title' | 'body', out: RawHit[]) {
  const context = ((p.flags & AMBIGUOUS) !== 0 || p.targets.weak) && hasContext(raw, t, i, last);
  if (p.flags & AMBIGUOUS && !context) return;
  if (p.flags & ACRONYM && !acronymOk(raw, t, i, last)) return;
  if (p.lastLetter !== undefined && !lastLetterOk(raw, t, i, p.lastLetter)) return;
  emit(p.targets, where, t.starts[i]!, t.ends[last]!, context, out);
}

function phrases(
  raw: string,
  t: Tokens,
  i: number,
  list: readonly Pattern[],
  onlySkip: boolean,
  where: 'title' | 'body',
  out: RawHit[],
) {
  for (const p of list) {
    if (onlySkip && !(p.flags & SKIP_ARTICLES)) continue;
    const last = matchRest(t, i, p);
    if (last >= 0) found(raw, t, i, last, p, where, out);
  }
}

function scanBucket(raw: string, t: Tokens, i: number, b: Bucket, where: 'title' | 'body', out: RawHit[]): void {
  for (const p of b.singles) found(raw, t, i, i, p, where, out);
  if (b.phrases.length === 0 || i + 1 >= t.count) return;
  if (!b.next) {
    phrases(raw, t, i, b.phrases, false, where, out);
    return;
  }
  const list = b.next.get(t.hashes[i + 1]!);
  if (list) phrases(raw, t, i, list, false, where, out);
  if (!b.skips || !isArticle(t, i + 1)) return;
  // Deir ez-Zor: the second word of the name comes after the article tokens.
  let j = i + 2;
  while (j < t.count && isArticle(t, j)) j++;
  const skipped = j < t.count ? b.next.get(t.hashes[j]!) : undefined;
  if (skipped) phrases(raw, t, i, skipped, true, where, out);
}

export function scanTokens(raw: string, t: Tokens, table: FormTable, where: 'title' | 'body', out: RawHit[]): void {
  const { buckets } = table;
  const hasSuffixes = table.hasSuffixes;
  for (let i = 0; i < t.count; i++) {
    let b: Bucket | null | undefined = buckets.get(t.hashes[i]!);
    while (b && !sameKey(t, i, b.key)) b = b.collision;
    if (b) scanBucket(raw, t, i, b, where, out);
    if (hasSuffixes && t.kinds[i] === AR && t.charLens[i]! >= 4) scanSuffixes(t, i, table, where, out);
  }
}

/** Suffixes by their last character, longest first: a token is tried only with those it ends in. */
const SUFFIXES_BY_LAST = new Map<number, { codes: number[]; bit: number }[]>();
for (const s of [...AR_SUFFIXES].sort((a, b) => b.length - a.length)) {
  const last = s.charCodeAt(s.length - 1);
  const list = SUFFIXES_BY_LAST.get(last) ?? [];
  list.push({ codes: [...s].map((c) => c.charCodeAt(0)), bit: SUFFIX_BIT.get(s)! });
  SUFFIXES_BY_LAST.set(last, list);
}

function sameStem(chars: Uint16Array, from: number, len: number, key: string): boolean {
  if (key.length !== len) return false;
  for (let k = 0; k < len; k++) if (chars[from + k] !== key.charCodeAt(k)) return false;
  return true;
}

function scanSuffixes(t: Tokens, i: number, table: FormTable, where: 'title' | 'body', out: RawHit[]): void {
  const from = t.charStarts[i]!;
  const len = t.charLens[i]!;
  const candidates = SUFFIXES_BY_LAST.get(t.chars[from + len - 1]!);
  if (!candidates) return;
  for (const { codes, bit } of candidates) {
    const stemLen = len - codes.length;
    if (stemLen < 2) continue;
    let ends = true;
    for (let k = 0; k < codes.length - 1 && ends; k++) ends = t.chars[from + stemLen + k] === codes[k];
    if (!ends) continue;
    let b: Bucket | null | undefined = table.buckets.get(hashChars(t.chars, from, from + stemLen));
    while (b && !sameStem(t.chars, from, stemLen, b.key)) b = b.collision;
    if (!b) continue;
    for (const p of b.suffixed) if (p.suffixes & bit) emit(p.targets, where, t.starts[i]!, t.ends[i]!, false, out);
  }
}
