// One pass over an article's tokens: each token's hash finds the bucket of forms that start with it
// (./form-table); an Arabic token is also tried without its proclitics (./clitics) and, for topic
// stems, without a suffix; phrase forms check the following tokens. Keys are compared on the
// tokenizer's character buffer, so no string is built unless a rule needs one, and ambiguity rules
// are checked only on a hit (./hit-rules).
import { AR } from '../text/charmap';
import type { Tokens } from '../text/tokenize';
import { createPeeled, MAX_STEM, type Peeled, peel, prefixHashes, stemEquals, stemHash } from './clitics';
import type { Bucket, FormTable, Pattern, Targets } from './form-table';
import { mayHave, SUFFIX_BIT } from './form-table';
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

function emit(targets: Targets, where: 'title' | 'body', start: number, end: number, context: boolean, out: RawHit[]) {
  const list = targets.list;
  for (let k = 0; k < list.length; k += 2) {
    const slot = list[k]!;
    const f = list[k + 1]!;
    if (slot < 0) out.push({ slot, where, start, end, weak: !context, rank: f >>> 8 });
    else out.push({ slot, where, start, end, weak: (f & WEAK) !== 0 && !context, rank: f & INSIDE ? 1 : 0 });
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

/** A token with proclitics peeled off only counts for forms that take them. */
const takes = (p: Pattern, clitic: number) => clitic === 0 || (p.flags & CLITICS) !== 0;

interface Scan {
  readonly raw: string;
  readonly t: Tokens;
  readonly table: FormTable;
  readonly where: 'title' | 'body';
  readonly out: RawHit[];
}

function phrases(s: Scan, i: number, list: readonly Pattern[], clitic: number, onlySkip: boolean) {
  for (const p of list) {
    if (!takes(p, clitic) || (onlySkip && !(p.flags & SKIP_ARTICLES))) continue;
    const last = matchRest(s.t, i, p);
    if (last >= 0) found(s.raw, s.t, i, last, p, s.where, s.out);
  }
}

function scanBucket(s: Scan, i: number, b: Bucket, clitic: number): void {
  const t = s.t;
  for (const p of b.singles) if (takes(p, clitic)) found(s.raw, t, i, i, p, s.where, s.out);
  if (b.phrases.length === 0 || i + 1 >= t.count) return;
  if (!b.next) {
    phrases(s, i, b.phrases, clitic, false);
    return;
  }
  const list = b.next.get(t.hashes[i + 1]!);
  if (list) phrases(s, i, list, clitic, false);
  if (!b.skips || !isArticle(t, i + 1)) return;
  // Deir ez-Zor: the second word of the name comes after the article tokens.
  let j = i + 2;
  while (j < t.count && isArticle(t, j)) j++;
  const skipped = j < t.count ? b.next.get(t.hashes[j]!) : undefined;
  if (skipped) phrases(s, i, skipped, clitic, true);
}

/** The bucket of the stem chars[from .. end) (after "ال" when article), if any. */
function find(table: FormTable, h: number, chars: Uint16Array, from: number, end: number, article: number) {
  if (!mayHave(table, h)) return null;
  let b: Bucket | null | undefined = table.buckets.get(h);
  while (b && !stemEquals(chars, from, end, article, b.key)) b = b.collision;
  return b ?? null;
}

export function scanTokens(raw: string, t: Tokens, table: FormTable, where: 'title' | 'body', out: RawHit[]): void {
  const s: Scan = { raw, t, table, where, out };
  const peeled = createPeeled();
  for (let i = 0; i < t.count; i++) {
    if (t.kinds[i] === AR) {
      scanArabic(s, i, peeled);
      continue;
    }
    const from = t.charStarts[i]!;
    const b = find(table, t.hashes[i]!, t.chars, from, from + t.charLens[i]!, 0);
    if (b) scanBucket(s, i, b, 0);
  }
}

/** An Arabic token: itself and the stems under its proclitics, each also with a suffix cut off. */
function scanArabic(s: Scan, i: number, peeled: Peeled): void {
  const { t, table } = s;
  const chars = t.chars;
  peel(t, i, peeled);
  const end = peeled.end;
  const suffixes =
    table.hasSuffixes && t.charLens[i]! >= 4 && t.charLens[i]! <= MAX_STEM
      ? SUFFIXES_BY_LAST[chars[end - 1]! - AR_BLOCK]
      : undefined;
  for (let k = 0; k < peeled.count; k++) {
    const from = peeled.from[k]!;
    const article = peeled.article[k]!;
    let h: number;
    if (suffixes) {
      prefixHashes(chars, from, end, article, peeled.hashes);
      h = peeled.hashes[end - from]!;
    } else h = k === 0 ? t.hashes[i]! : stemHash(chars, from, end, article);
    const b = find(table, h, chars, from, end, article);
    if (b) scanBucket(s, i, b, peeled.clitic[k]!);
    if (suffixes) scanSuffixes(s, i, from, end, article, suffixes, peeled.hashes);
  }
}

/** Suffixes by their last character (index: code - AR_BLOCK), longest first. */
const AR_BLOCK = 0x600;
interface Suffix {
  readonly codes: readonly number[];
  readonly bit: number;
}
const SUFFIXES_BY_LAST: (readonly Suffix[] | undefined)[] = [];
for (const s of [...AR_SUFFIXES].sort((a, b) => b.length - a.length)) {
  const last = s.charCodeAt(s.length - 1) - AR_BLOCK;
  SUFFIXES_BY_LAST[last] = [
    ...(SUFFIXES_BY_LAST[last] ?? []),
    { codes: [...s].map((c) => c.charCodeAt(0)), bit: SUFFIX_BIT.get(s)! },
  ];
}

/** hashes: prefix hashes of the stem from `from` (prefixHashes). */
function scanSuffixes(
  s: Scan,
  i: number,
  from: number,
  end: number,
  article: number,
  candidates: readonly Suffix[],
  hashes: Int32Array,
): void {
  const { t, table } = s;
  const chars = t.chars;
  for (const { codes, bit } of candidates) {
    const stemEnd = end - codes.length;
    if (t.charLens[i]! - codes.length < 2 || stemEnd <= from) continue;
    let ends = true;
    for (let k = 0; k < codes.length - 1 && ends; k++) ends = chars[stemEnd + k] === codes[k];
    if (!ends) continue;
    const b = find(table, hashes[stemEnd - from]!, chars, from, stemEnd, article);
    if (!b) continue;
    for (const p of b.suffixed) if (p.suffixes & bit) emit(p.targets, s.where, t.starts[i]!, t.ends[i]!, false, s.out);
  }
}
