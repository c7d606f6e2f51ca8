// Normalization shared by watch terms and article text (rules: ./charmap.ts and
// shared/reference/arabic-matching.md §1). The raw text is kept for display; normalized forms are
// only match keys.
import { type CharTable, charTable, IGN, type NormalizeOptions, SEP } from './charmap';
import { tokenize } from './tokenize';

export type { NormalizeOptions } from './charmap';

/** Folds every character and deletes the ignorable ones; separators are kept as they are. */
export function normalize(text: string, opts: NormalizeOptions = {}): string {
  const { cls, fold, multi }: CharTable = charTable(opts);
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

/** The match key of a word or phrase: its normalized tokens joined by one space. */
export function matchKey(text: string, opts: NormalizeOptions = {}): string {
  return tokenize(text, charTable(opts)).keys.join(' ');
}

/** The normalized tokens of a word or phrase. */
export function keyTokens(text: string, opts: NormalizeOptions = {}): string[] {
  return tokenize(text, charTable(opts)).keys;
}
