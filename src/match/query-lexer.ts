// Splits a watch query into lexemes. Quotes: ASCII "…", typographic “…” (either curly quote closes,
// Arabic writers use ” on both sides), «…». Prefixes: - (exclude), = (exact), place: (a place).
// Words OR / أو and NOT are operators. No user text ever becomes a regular expression.
import type { Result } from '../types';

export type Lexeme =
  | { kind: 'open' | 'close' | 'or' | 'not'; at: number }
  | { kind: 'term'; at: number; text: string; quoted: boolean; exclude: boolean; exact: boolean; place: boolean };

const DOUBLE_QUOTES = new Set(['"', '“', '”', '„']);
const SPACE = /\s/;

function closingQuote(open: string, text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text[i]!;
    if (open === '«' ? c === '»' : DOUBLE_QUOTES.has(c)) return i;
  }
  return -1;
}

const isBoundary = (c: string | undefined) => c === undefined || SPACE.test(c) || c === '(' || c === ')';

export function lex(text: string): Result<Lexeme[]> {
  const out: Lexeme[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (SPACE.test(c)) {
      i++;
      continue;
    }
    if (c === '(' || c === ')') {
      out.push({ kind: c === '(' ? 'open' : 'close', at: i });
      i++;
      continue;
    }
    const at = i;
    let exclude = false;
    let exact = false;
    let place = false;
    if (c === '-' && !isBoundary(text[i + 1])) {
      exclude = true;
      i++;
    }
    if (text.slice(i, i + 6).toLowerCase() === 'place:') {
      place = true;
      i += 6;
    }
    if (text[i] === '=') {
      exact = true;
      i++;
    }
    const q = text[i];
    if (q !== undefined && (DOUBLE_QUOTES.has(q) || q === '«')) {
      const end = closingQuote(q, text, i + 1);
      if (end < 0) return { ok: false, error: `unbalanced quotes: the quote at position ${i + 1} is never closed` };
      out.push({ kind: 'term', at, text: text.slice(i + 1, end), quoted: true, exclude, exact, place });
      i = end + 1;
      continue;
    }
    if (q === '»') return { ok: false, error: `unbalanced quotes: » at position ${i + 1} closes nothing` };
    let j = i;
    while (
      j < text.length &&
      !isBoundary(text[j]) &&
      !DOUBLE_QUOTES.has(text[j]!) &&
      text[j] !== '«' &&
      text[j] !== '»'
    )
      j++;
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
