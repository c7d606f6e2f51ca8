// One pass over an article's tokens: each token's hash finds the bucket of forms that start with it
// (./form-table); an Arabic token is also tried without its proclitics (./clitics) and, for topic
// stems, without a suffix; phrase forms check the following tokens. Keys are compared on the
// tokenizer's character buffer, so no string is built unless a rule needs one, and ambiguity rules
// are checked only on a hit (./hit-rules).
import { AR } from '../text/charmap';
import { concatHash, sliceHash, type Tokens } from '../text/tokenize';
import { ALEF, ARTICLE_HASH, BEH, FEH, KAF, LAM, MAX_STEM, stemEquals, stemHash, WAW } from './clitics';
import type { FormTable } from './form-table';
import {
  BUCKET_INDEXED,
  BUCKET_SKIPS,
  bucketIndex,
  mayHave,
  PATTERN_LAST_LETTER,
  PATTERN_WEAK,
  PHRASES,
  SIMPLE_CLITICS,
  SIMPLE_INSIDE,
  SINGLES,
  SUFFIX_BIT,
  SUFFIXED,
  simpleHit,
} from './form-table';
import { ACRONYM, AMBIGUOUS, CLITICS, INSIDE, SKIP_ARTICLES, WEAK } from './forms';
import { acronymOk, hasContext, isArticle, lastLetterOk, sameKey } from './hit-rules';
import { AR_SUFFIXES } from './rules';

/**
 * A hit of a slot's form. A hit of a watched place's name (./place-watch) has the slot -1 - the
 * place's index, the name's index in rank, and weak when no context word is next to it; the matcher
 * turns it into hits of the terms that watch the place.
 */
export interface RawHit {
  readonly slot: number;
  readonly where: 'title' | 'body';
  readonly start: number;
  readonly end: number;
  readonly weak: boolean;
  /** 0: a name of the term itself; 1: a name of a place inside it. */
  readonly rank: number;
}

/** Index of the last token of phrase p when it matches at token i, else -1. */
function matchRest(t: Tokens, i: number, table: FormTable, p: number): number {
  const rest = table.rest[p]!;
  const restHashes = table.restHashes[p]!;
  const skip = (table.flags[p]! & SKIP_ARTICLES) !== 0;
  let j = i + 1;
  for (let k = 0; k < rest.length; k++) {
    if (skip) while (j < t.count && t.hashes[j] !== restHashes[k] && isArticle(t, j)) j++;
    if (j >= t.count || t.hashes[j] !== restHashes[k] || !sameKey(t, j, rest[k]!)) return -1;
    j++;
  }
  return j - 1;
}

/** The hits of pattern p's targets. */
function emit(
  table: FormTable,
  p: number,
  where: 'title' | 'body',
  start: number,
  end: number,
  context: boolean,
  out: RawHit[],
) {
  const { targetSlot, targetFlags, targetNext } = table;
  for (let t = table.targetHead[p]!; t >= 0; t = targetNext[t]!) {
    const slot = targetSlot[t]!;
    const f = targetFlags[t]!;
    if (slot < 0) out.push({ slot, where, start, end, weak: !context, rank: f >>> 8 });
    else out.push({ slot, where, start, end, weak: (f & WEAK) !== 0 && !context, rank: f & INSIDE ? 1 : 0 });
  }
}

/** The rules that apply once the tokens of pattern p matched at i..last. */
function found(s: Scan, i: number, last: number, p: number) {
  const { raw, t, table } = s;
  const flags = table.flags[p]!;
  const context = (flags & (AMBIGUOUS | PATTERN_WEAK)) !== 0 && hasContext(raw, t, i, last);
  if (flags & AMBIGUOUS && !context) return;
  if (flags & ACRONYM && !acronymOk(raw, t, i, last)) return;
  if (flags & PATTERN_LAST_LETTER && !lastLetterOk(raw, t, i, table.lastLetters[p]!)) return;
  emit(table, p, s.where, t.starts[i]!, t.ends[last]!, context, s.out);
}

/** A token with proclitics peeled off only counts for forms that take them. */
const takes = (table: FormTable, p: number, clitic: number) => clitic === 0 || (table.flags[p]! & CLITICS) !== 0;

interface Scan {
  readonly raw: string;
  readonly t: Tokens;
  readonly table: FormTable;
  readonly where: 'title' | 'body';
  readonly out: RawHit[];
}

function phrase(s: Scan, i: number, p: number, clitic: number, onlySkip: boolean) {
  const table = s.table;
  if (!takes(table, p, clitic) || (onlySkip && !(table.flags[p]! & SKIP_ARTICLES))) return;
  const last = matchRest(s.t, i, table, p);
  if (last >= 0) found(s, i, last, p);
}

function phrases(s: Scan, i: number, list: readonly number[], clitic: number, onlySkip: boolean) {
  for (let k = 0; k < list.length; k++) phrase(s, i, list[k]!, clitic, onlySkip);
}

function scanBucket(s: Scan, i: number, j: number, clitic: number): void {
  const { t, table } = s;
  const { heads, entryPattern, entryNext } = table;
  for (let e = heads[3 * j + SINGLES]!; e >= 0; e = entryNext[e]!) {
    const p = entryPattern[e]!;
    if (takes(table, p, clitic)) found(s, i, i, p);
  }
  const first = heads[3 * j + PHRASES]!;
  if (first < 0 || i + 1 >= t.count) return;
  const bucketFlags = table.bucketFlags[j]!;
  if ((bucketFlags & BUCKET_INDEXED) === 0) {
    if (bucketFlags & BUCKET_SKIPS)
      for (let e = first; e >= 0; e = entryNext[e]!) phrase(s, i, entryPattern[e]!, clitic, false);
    else {
      // A phrase is read only when its second token is next.
      const second = t.hashes[i + 1]!;
      const seconds = table.entrySecond;
      for (let e = first; e >= 0; e = entryNext[e]!)
        if (seconds[e] === second) phrase(s, i, entryPattern[e]!, clitic, false);
    }
    return;
  }
  const next = table.next.get(j)!;
  const list = next.get(t.hashes[i + 1]!);
  if (list) phrases(s, i, list, clitic, false);
  if (!(bucketFlags & BUCKET_SKIPS) || !isArticle(t, i + 1)) return;
  // Deir ez-Zor: the second word of the name comes after the article tokens.
  let n = i + 2;
  while (n < t.count && isArticle(t, n)) n++;
  const skipped = n < t.count ? next.get(t.hashes[n]!) : undefined;
  if (skipped) phrases(s, i, skipped, clitic, true);
}

/** The bucket from j on in its collision chain whose key is the stem chars[from .. end) (after "ال" when article), or -1. */
function inChain(table: FormTable, j: number, chars: Uint16Array, from: number, end: number, article: number) {
  while (j >= 0 && !stemEquals(chars, from, end, article, table.keys[j]!)) j = table.collision[j]!;
  return j;
}

/** The bucket of the stem chars[from .. end) (after "ال" when article), or -1. */
function find(table: FormTable, h: number, chars: Uint16Array, from: number, end: number, article: number) {
  return mayHave(table, h) ? inChain(table, bucketIndex(table, h), chars, from, end, article) : -1;
}

/** Bucket j's SimpleBuckets entry, on its first use: its shape and, when simple, its key. */
function learn(table: FormTable, j: number): number {
  const simple = table.simple;
  const hit = simpleHit(table, j);
  simple.at[3 * j] = hit + 2;
  if (hit < 0) return 1;
  const key = table.keys[j]!;
  if (simple.used + key.length > simple.keys.length) {
    const grown = new Uint16Array(Math.max(2 * simple.keys.length, simple.used + key.length));
    grown.set(simple.keys);
    simple.keys = grown;
  }
  simple.at[3 * j + 1] = simple.used;
  simple.at[3 * j + 2] = key.length;
  for (let k = 0; k < key.length; k++) simple.keys[simple.used++] = key.charCodeAt(k);
  return hit + 2;
}

/** Whether the key at keys[at .. at + len) is the stem chars[from .. end) (after "ال" when article). */
function keyEquals(
  keys: Uint16Array,
  at: number,
  len: number,
  chars: Uint16Array,
  from: number,
  end: number,
  article: number,
) {
  const off = article ? 2 : 0;
  if (len !== end - from + off) return false;
  if (article && (keys[at] !== ALEF || keys[at + 1] !== LAM)) return false;
  for (let k = from; k < end; k++) if (chars[k] !== keys[at + off + k - from]) return false;
  return true;
}

/**
 * Token i's hits from the bucket of the stem chars[from .. end) (hash h, after "ال" when article), the
 * token having passed the filter: a simple bucket's one hit from FormTable.simple, any other bucket
 * through its patterns.
 */
function scanStem(s: Scan, i: number, h: number, from: number, end: number, article: number, clitic: number): void {
  const table = s.table;
  const j = bucketIndex(table, h);
  if (j < 0) return;
  const simple = table.simple;
  let state = simple.at[3 * j]!;
  if (state === 0) state = learn(table, j);
  if (state === 1) {
    const b = inChain(table, j, s.t.chars, from, end, article);
    if (b >= 0) scanBucket(s, i, b, clitic);
    return;
  }
  if (!keyEquals(simple.keys, simple.at[3 * j + 1]!, simple.at[3 * j + 2]!, s.t.chars, from, end, article)) return;
  const hit = state - 2;
  if (clitic !== 0 && (hit & SIMPLE_CLITICS) === 0) return;
  const rank = hit & SIMPLE_INSIDE ? 1 : 0;
  s.out.push({ slot: hit >> 2, where: s.where, start: s.t.starts[i]!, end: s.t.ends[i]!, weak: false, rank });
}

export function scanTokens(raw: string, t: Tokens, table: FormTable, where: 'title' | 'body', out: RawHit[]): void {
  const s: Scan = { raw, t, table, where, out };
  const { kinds, hashes, charStarts, charLens } = t;
  for (let i = 0; i < t.count; i++) {
    if (kinds[i] === AR) {
      scanArabic(s, i);
      continue;
    }
    const h = hashes[i]!;
    if (!mayHave(table, h)) continue;
    const from = charStarts[i]!;
    scanStem(s, i, h, from, from + charLens[i]!, 0, 0);
  }
}

/** The hash of "ال" then a stem of `len` characters with hash h, when article. */
const withArticle = (h: number, len: number, article: number) => (article ? concatHash(ARTICLE_HASH, h, len) : h);

/** 1 for the letters a proclitic starts with: و ف (conjunctions), ب ك ل (prepositions). */
const PROCLITIC_LETTER = new Uint8Array(0x10000);
for (const c of [WAW, FEH, BEH, KAF, LAM]) PROCLITIC_LETTER[c] = 1;

/**
 * An Arabic token: itself and the stems under its proclitics, each also with a suffix cut off; the
 * stems and their order are those of peel (./clitics), spelled out here so that a token costs no
 * call and no buffer (most tokens start with no proclitic letter and are only themselves). Every
 * stem's hash follows from the token's hash (sliceHash).
 */
function scanArabic(s: Scan, i: number): void {
  const { t, table } = s;
  const chars = t.chars;
  const start = t.charStarts[i]!;
  const len = t.charLens[i]!;
  const end = start + len;
  const suffixes = table.hasSuffixes && len >= 4 && len <= MAX_STEM ? suffixesOf(chars, end) : undefined;
  stem(s, i, start, 0, 0, t.hashes[i]!, suffixes);
  const c0 = chars[start]!;
  if (PROCLITIC_LETTER[c0] === 0) return;
  // A conjunction (و، ف), then a preposition (ب، ك، ل); ل + ال is written لل and merges with a
  // following ل (للاذقية); ل is never written before ال.
  const conj = c0 === WAW || c0 === FEH ? 1 : 0;
  if (conj === 1) candidate(s, i, start + 1, 0, suffixes);
  const q = start + conj;
  const c = chars[q]!;
  if (c === BEH || c === KAF) candidate(s, i, q + 1, 0, suffixes);
  else if (c === LAM) {
    if (!(end - (q + 1) > 3 && chars[q + 1] === ALEF && chars[q + 2] === LAM)) candidate(s, i, q + 1, 0, suffixes);
    if (chars[q + 1] !== LAM) return;
    if (chars[q + 2] !== LAM && end - (q + 2) > 1) candidate(s, i, q + 2, 1, suffixes);
    if (end - (q + 1) > 1) candidate(s, i, q + 1, 1, suffixes);
  }
}

/** The stem chars[from .. end of token i), after "ال" when article, found under a proclitic. */
function candidate(s: Scan, i: number, from: number, article: number, suffixes: readonly Suffix[] | undefined) {
  const t = s.t;
  const start = t.charStarts[i]!;
  const len = t.charLens[i]!;
  if (from >= start + len) return;
  const h =
    len > MAX_STEM
      ? stemHash(t.chars, from, start + len, article) // never a watched word with a suffix
      : withArticle(sliceHash(t, i, from - start, len), len - (from - start), article);
  stem(s, i, from, article, 1, h, suffixes);
}

/** A stem (with hash h) of token i and the same with each candidate suffix cut off. */
function stem(
  s: Scan,
  i: number,
  from: number,
  article: number,
  clitic: number,
  h: number,
  suffixes: readonly Suffix[] | undefined,
): void {
  const t = s.t;
  if (mayHave(s.table, h)) scanStem(s, i, h, from, t.charStarts[i]! + t.charLens[i]!, article, clitic);
  if (suffixes) scanSuffixes(s, i, from - t.charStarts[i]!, article, suffixes);
}

interface Suffix {
  readonly length: number;
  /** The third letter from the end, for suffixes longer than two (هما); else 0. */
  readonly third: number;
  readonly bit: number;
}
/**
 * The suffixes end with a letter in U+0620 .. U+065F, and a one-letter suffix may follow any letter of
 * the Arabic block U+0600 .. U+06FF: a token's last two letters index a 64 × 256 table.
 */
const SUFFIX_LETTERS = 0x620;
const AR_BLOCK = 0x600;
const endKey = (last: number, second: number) => {
  const a = last - SUFFIX_LETTERS;
  const b = second - AR_BLOCK;
  return a >>> 6 === 0 && b >>> 8 === 0 ? (a << 8) | b : -1;
};
/**
 * The suffixes a token may end with, longest first, by its last two letters: SUFFIX_LISTS[
 * SUFFIX_LIST_AT[endKey(last, second)]], index 0 being none (most tokens have none, the others one or
 * two). A 16 KB table stays in the closest caches (an array of 65,536 lists did not).
 */
const SUFFIX_LIST_AT = new Uint8Array(64 * 256);
const SUFFIX_LISTS: (readonly Suffix[])[] = [[]];
{
  const byKey = new Map<number, Suffix[]>();
  for (const s of [...AR_SUFFIXES].sort((a, b) => b.length - a.length)) {
    const last = s.charCodeAt(s.length - 1);
    const suffix = { length: s.length, third: s.length > 2 ? s.charCodeAt(s.length - 3) : 0, bit: SUFFIX_BIT.get(s)! };
    for (let second = AR_BLOCK; second < AR_BLOCK + 256; second++) {
      if (s.length > 1 && second !== s.charCodeAt(s.length - 2)) continue;
      const k = endKey(last, second);
      byKey.set(k, [...(byKey.get(k) ?? []), suffix]);
    }
  }
  for (const [k, list] of byKey) {
    SUFFIX_LIST_AT[k] = SUFFIX_LISTS.length;
    SUFFIX_LISTS.push(list);
  }
}

/** The suffixes token chars[.. end) may end with (it has at least two letters). */
const suffixesOf = (chars: Uint16Array, end: number): readonly Suffix[] | undefined => {
  const k = endKey(chars[end - 1]!, chars[end - 2]!);
  const at = k < 0 ? 0 : SUFFIX_LIST_AT[k]!;
  return at === 0 ? undefined : SUFFIX_LISTS[at];
};

/** The stem chars[start + a ..] of token i with each candidate suffix cut off. */
function scanSuffixes(s: Scan, i: number, a: number, article: number, candidates: readonly Suffix[]): void {
  const { t, table } = s;
  const chars = t.chars;
  const start = t.charStarts[i]!;
  const len = t.charLens[i]!;
  for (const { length, third, bit } of candidates) {
    const stemLen = len - length;
    if (stemLen < 2 || stemLen <= a || (third !== 0 && chars[start + stemLen] !== third)) continue;
    const h = withArticle(sliceHash(t, i, a, stemLen), stemLen - a, article);
    const b = find(table, h, chars, start + a, start + stemLen, article);
    if (b < 0) continue;
    const { entryPattern, entryNext, flags } = table;
    for (let e = table.heads[3 * b + SUFFIXED]!; e >= 0; e = entryNext[e]!) {
      const p = entryPattern[e]!;
      if (flags[p]! & bit) emit(table, p, s.where, t.starts[i]!, t.ends[i]!, false, s.out);
    }
  }
}
