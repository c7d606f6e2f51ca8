// Normalization shared by watch terms and article text (rules: ./charmap.ts and
// shared/reference/arabic-matching.md §1). The raw text is kept for display; normalized forms are
// only match keys.
import { type CharTable, charTable, IGN, type NormalizeOptions, SEP } from './charmap';
import { fromCodeUnits, isSurrogate } from './code-units';
import { tokenize } from './tokenize';

export type { NormalizeOptions } from './charmap';

/** Folds every character and deletes the ignorable ones; separators are kept as they are. */
export function normalize(text: string, opts: NormalizeOptions = {}): string {
  const { cls, fold, multi }: CharTable = charTable(opts);
  const nfkc = text.normalize('NFKC');
  // Folded code units go into a reused array and become one string at the end: building the string
  // a character at a time made a rope of thousands of pieces per article.
  if (out.length < nfkc.length * 4) out = new Uint16Array(nfkc.length * 4 + 1024);
  let n = 0;
  let surrogates = false;
  for (let i = 0; i < nfkc.length; i++) {
    const c = nfkc.charCodeAt(i);
    const k = cls[c]!;
    if (k === IGN) continue;
    // Astral characters arrive as surrogate pairs, and a broken feed can carry a lone one.
    if (isSurrogate(c)) surrogates = true;
    if (k === SEP) out[n++] = c;
    else if (fold[c]) out[n++] = fold[c]!;
    else {
      const m = multi.get(c) ?? '';
      if (n + m.length > out.length) out = grow(out, n + m.length + nfkc.length);
      for (let j = 0; j < m.length; j++) out[n++] = m.charCodeAt(j);
    }
  }
  return fromCodeUnits(out, n, surrogates);
}

let out = new Uint16Array(4096);
const grow = (a: Uint16Array, size: number) => {
  const b = new Uint16Array(size);
  b.set(a);
  return b;
};

/** The match key of a word or phrase: its normalized tokens joined by one space. */
export function matchKey(text: string, opts: NormalizeOptions = {}): string {
  return tokenize(text, charTable(opts)).keys.join(' ');
}

/** The normalized tokens of a word or phrase. */
export function keyTokens(text: string, opts: NormalizeOptions = {}): string[] {
  return tokenize(text, charTable(opts)).keys;
}
