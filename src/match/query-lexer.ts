// Splits a watch query into lexemes. Quotes: ASCII "…", typographic “…” (either curly quote closes,
// Arabic writers use ” on both sides), «…». Prefixes: - (exclude), = (exact), place: (a place).
// Words OR / أو and NOT are operators. No user text ever becomes a regular expression.
import { isSpace } from '../text/space';
import type { Result } from '../types';

export type Lexeme =
  | { kind: 'open' | 'close' | 'or' | 'not'; at: number }
  | { kind: 'term'; at: number; text: string; quoted: boolean; exclude: boolean; exact: boolean; place: boolean };

// Code units: a test per character, no one-character string and no RegExp call (a watch list of
// 10,000 queries is lexed at every start).
const QUOTE = 0x22; // "
const LEFT_DOUBLE = 0x201c; // “
const RIGHT_DOUBLE = 0x201d; // ”
const LOW_DOUBLE = 0x201e; // „
const OPEN_GUILLEMET = 0xab; // «
const CLOSE_GUILLEMET = 0xbb; // »
const PAREN_OPEN = 0x28;
const PAREN_CLOSE = 0x29;

const isDoubleQuote = (c: number) => c === QUOTE || c === LEFT_DOUBLE || c === RIGHT_DOUBLE || c === LOW_DOUBLE;

function closingQuote(open: number, text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (open === OPEN_GUILLEMET ? c === CLOSE_GUILLEMET : isDoubleQuote(c)) return i;
  }
  return -1;
}

/** NaN (past the end) is a boundary. */
const isBoundary = (c: number) => Number.isNaN(c) || isSpace(c) || c === PAREN_OPEN || c === PAREN_CLOSE;

/** A word runs to a boundary or a quote. */
const endsWord = (c: number) => isBoundary(c) || isDoubleQuote(c) || c === OPEN_GUILLEMET || c === CLOSE_GUILLEMET;

/** "place:" in any case at i. */
function isPlacePrefix(text: string, i: number): boolean {
  if (i + 6 > text.length || text.charCodeAt(i + 5) !== 0x3a) return false;
  return text.slice(i, i + 5).toLowerCase() === 'place';
}

export function lex(text: string): Result<Lexeme[]> {
  const out: Lexeme[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (c === PAREN_OPEN || c === PAREN_CLOSE) {
      out.push({ kind: c === PAREN_OPEN ? 'open' : 'close', at: i });
      i++;
      continue;
    }
    const at = i;
    let exclude = false;
    let exact = false;
    let place = false;
    if (c === 0x2d /* - */ && !isBoundary(text.charCodeAt(i + 1))) {
      exclude = true;
      i++;
    }
    if (isPlacePrefix(text, i)) {
      place = true;
      i += 6;
    }
    if (text.charCodeAt(i) === 0x3d /* = */) {
      exact = true;
      i++;
    }
    const q = text.charCodeAt(i);
    if (isDoubleQuote(q) || q === OPEN_GUILLEMET) {
      const end = closingQuote(q, text, i + 1);
      if (end < 0) return { ok: false, error: `unbalanced quotes: the quote at position ${i + 1} is never closed` };
      out.push({ kind: 'term', at, text: text.slice(i + 1, end), quoted: true, exclude, exact, place });
      i = end + 1;
      continue;
    }
    if (q === CLOSE_GUILLEMET) return { ok: false, error: `unbalanced quotes: » at position ${i + 1} closes nothing` };
    let j = i;
    while (j < text.length && !endsWord(text.charCodeAt(j))) j++;
    const word = text.slice(i, j);
    i = j;
    if (word === '') {
      if (exclude || exact || place) return { ok: false, error: `a prefix at position ${at + 1} has no word after it` };
      return { ok: false, error: `unexpected character at position ${at + 1}` };
    }
    if (!exclude && !exact && !place && (word === 'OR' || word === 'أو' || word === '|')) out.push({ kind: 'or', at });
    else if (!exclude && !exact && !place && word === 'NOT') out.push({ kind: 'not', at });
    else if (!exclude && !exact && !place && word === 'AND') continue;
    else out.push({ kind: 'term', at, text: word, quoted: false, exclude, exact, place });
  }
  return { ok: true, value: out };
}
