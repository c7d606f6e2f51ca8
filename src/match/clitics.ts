// The Arabic proclitics of ./forms (arabicProclitics), peeled off a token instead of spelled out for
// every watched word: a token is the stem itself, or conjunction (و، ف) then preposition (ب، ك، ل)
// then the stem. With the article, ل + ال is written لل (للحسكة = ل + الحسكة) and merges with a
// following ل (للاذقية = ل + اللاذقية); ل is never written before ال. A candidate that peeled
// something only counts for a form marked CLITICS, so this finds exactly the expanded forms.
import { HASH_BASE, hashKey, type Tokens } from '../text/tokenize';

/** The letters the proclitics and the article are written with (./scan peels them too). */
export const WAW = 0x648;
export const FEH = 0x641;
export const BEH = 0x628;
export const KAF = 0x643;
export const LAM = 0x644;
export const ALEF = 0x627;

/** Candidate stems of one token: chars[from[k] .. end), after "ال" when article[k] is 1. */
export interface Peeled {
  count: number;
  end: number;
  readonly from: Int32Array;
  readonly article: Uint8Array;
  /** Something was peeled: only CLITICS forms may match. */
  readonly clitic: Uint8Array;
}

/** Longer tokens (never a watched word) are not tried with a suffix cut off. */
export const MAX_STEM = 63;

export const createPeeled = (): Peeled => ({
  count: 0,
  end: 0,
  from: new Int32Array(8),
  article: new Uint8Array(8),
  clitic: new Uint8Array(8),
});

function add(out: Peeled, from: number, article: number, clitic: number): void {
  if (from >= out.end) return;
  const k = out.count++;
  out.from[k] = from;
  out.article[k] = article;
  out.clitic[k] = clitic;
}

/** A word with the article, as ./forms decides it: ال and more than one letter after it. */
const hasArticle = (chars: Uint16Array, from: number, end: number) =>
  end - from > 3 && chars[from] === ALEF && chars[from + 1] === LAM;

/** Fills out with the token itself and every stem its proclitics may hide. */
export function peel(t: Tokens, i: number, out: Peeled): void {
  const chars = t.chars;
  const start = t.charStarts[i]!;
  const end = start + t.charLens[i]!;
  out.count = 0;
  out.end = end;
  add(out, start, 0, 0);
  const conj = chars[start] === WAW || chars[start] === FEH;
  if (conj) add(out, start + 1, 0, 1);
  for (let p = start; p <= start + (conj ? 1 : 0); p++) {
    const c = chars[p];
    if (c === BEH || c === KAF) add(out, p + 1, 0, 1);
    else if (c === LAM) {
      if (!hasArticle(chars, p + 1, end)) add(out, p + 1, 0, 1);
      if (chars[p + 1] !== LAM) continue;
      // لل + X is ل + الX when X does not start with ل; ل + X is ل + الX when it does.
      if (chars[p + 2] !== LAM && end - (p + 2) > 1) add(out, p + 2, 1, 1);
      if (end - (p + 1) > 1) add(out, p + 1, 1, 1);
    }
  }
}

/** hashKey of the article "ال". */
export const ARTICLE_HASH = hashKey('ال');
/** hashKey (../text/tokenize) of the stem: "ال" when article, then chars[from .. end). */
export function stemHash(chars: Uint16Array, from: number, end: number, article: number): number {
  let h = article ? ARTICLE_HASH : 0;
  for (let k = from; k < end; k++) h = (Math.imul(h, HASH_BASE) + chars[k]!) | 0;
  return h;
}

export function stemEquals(chars: Uint16Array, from: number, end: number, article: number, key: string): boolean {
  const off = article ? 2 : 0;
  if (key.length !== end - from + off) return false;
  if (article && (key.charCodeAt(0) !== ALEF || key.charCodeAt(1) !== LAM)) return false;
  for (let k = from; k < end; k++) if (chars[k] !== key.charCodeAt(k - from + off)) return false;
  return true;
}
