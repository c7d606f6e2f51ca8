// Tokens with offsets into the RAW text: the normalized key is the match key, the raw slice is the
// evidence. A token ends at any non-letter/digit (quotes, brackets, the Arabic comma ، ...) and where
// Arabic letters, Latin letters and digits meet (ب500 → ب 500). Deleted characters (tatweel,
// harakat, direction marks) never split a word: لـقسد is one token, لقسد. A Latin possessive 's ends
// the word (Hasakah's → hasakah) so "Hama's" never becomes "hamas".
// Speed: one table lookup per character, no regex, no string per token: each token gets a hash of
// its folded characters (FNV-1a) and the folded characters stay in one buffer; a key string is made
// only when a caller asks for it (a hit). Buffers are reused between runs of one tokenizer.
import { APOSTROPHES, type CharTable, charTable, IGN, LAT, SEP } from './charmap';

export interface Tokens {
  readonly count: number;
  /** FNV-1a hash of each token's normalized key (see hashKey). */
  readonly hashes: Int32Array;
  /** Offsets of the raw surface: raw.slice(starts[i], ends[i]). */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** Class of each token (AR, LAT, DIG, OTH from ./charmap). */
  readonly kinds: Uint8Array;
  /** Normalized characters of token i: chars[charStarts[i] .. charStarts[i] + charLens[i]). */
  readonly chars: Uint16Array;
  readonly charStarts: Int32Array;
  readonly charLens: Int32Array;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** Hash of a normalized key, equal to the tokenizer's hash of a token with that key. */
export function hashKey(key: string, from = 0, to = key.length): number {
  let h = FNV_OFFSET;
  for (let i = from; i < to; i++) h = Math.imul(h ^ key.charCodeAt(i), FNV_PRIME);
  return h;
}

/** Hash of a slice of a token's normalized characters (used to strip suffixes). */
export function hashChars(chars: Uint16Array, from: number, to: number): number {
  let h = FNV_OFFSET;
  for (let i = from; i < to; i++) h = Math.imul(h ^ chars[i]!, FNV_PRIME);
  return h;
}

/** The normalized key of token i (concatenation beats fromCharCode.apply for short keys). */
export function tokenKey(t: Tokens, i: number): string {
  const s = t.charStarts[i]!;
  const e = s + t.charLens[i]!;
  let key = '';
  for (let k = s; k < e; k++) key += String.fromCharCode(t.chars[k]!);
  return key;
}

export interface Tokenizer {
  /** Tokenizes raw text; the result is valid until the next call. */
  run(raw: string): Tokens;
}

type Buffers = { -readonly [K in keyof Tokens]: Tokens[K] };

export function createTokenizer(table: CharTable = charTable()): Tokenizer {
  let cap = 0;
  let t: Buffers = alloc(1024, 4096);
  function alloc(n: number, chars: number): Buffers {
    cap = n;
    return {
      count: 0,
      hashes: new Int32Array(n),
      starts: new Int32Array(n),
      ends: new Int32Array(n),
      kinds: new Uint8Array(n),
      chars: new Uint16Array(chars),
      charStarts: new Int32Array(n),
      charLens: new Int32Array(n),
    };
  }
  return {
    run(raw) {
      // A token needs at least one raw character; a character folds to at most a few (ﷲ → الله).
      if (raw.length + 1 > cap || raw.length * 4 + 8 > t.chars.length)
        t = alloc(raw.length + 1024, raw.length * 4 + 4096);
      t.count = scan(raw, table, t);
      return t;
    },
  };
}

function scan(raw: string, table: CharTable, t: Tokens): number {
  const { cls, fold, multi } = table;
  const { hashes, starts, ends, kinds, chars, charStarts, charLens } = t;
  let count = 0;
  let n = 0; // chars written
  let kind = SEP;
  let h = FNV_OFFSET;
  const len = raw.length;
  for (let i = 0; i < len; i++) {
    const c = raw.charCodeAt(i);
    const k = cls[c]!;
    if (k === IGN) {
      if (kind === SEP) continue;
      if (!APOSTROPHES.has(c))
        ends[count] = i + 1; // the surface keeps its marks: حاجزاً
      else if (kind === LAT && (raw[i + 1] === 's' || raw[i + 1] === 'S') && cls[raw.charCodeAt(i + 2)] !== LAT) {
        // "Hasakah's": the possessive ends the word; "Ma'arat" goes on.
        hashes[count] = h;
        charLens[count] = n - charStarts[count]!;
        count++;
        kind = SEP;
        i++;
      }
      continue;
    }
    if (k !== kind) {
      if (kind !== SEP) {
        hashes[count] = h;
        charLens[count] = n - charStarts[count]!;
        count++;
      }
      kind = k;
      if (k === SEP) continue;
      h = FNV_OFFSET;
      starts[count] = i;
      kinds[count] = k;
      charStarts[count] = n;
    }
    const f = fold[c]!;
    if (f !== 0) {
      chars[n++] = f;
      h = Math.imul(h ^ f, FNV_PRIME);
    } else {
      const m = multi.get(c) ?? '';
      for (let j = 0; j < m.length; j++) {
        const mc = m.charCodeAt(j);
        chars[n++] = mc;
        h = Math.imul(h ^ mc, FNV_PRIME);
      }
    }
    ends[count] = i + 1;
  }
  if (kind !== SEP) {
    hashes[count] = h;
    charLens[count] = n - charStarts[count]!;
    count++;
  }
  return count;
}

const shared = new Map<CharTable, Tokenizer>();

/** Convenience for short texts (watch terms, names): the normalized keys with their raw offsets. */
export function tokenize(
  raw: string,
  table: CharTable = charTable(),
): { keys: string[]; starts: number[]; ends: number[]; kinds: number[] } {
  let tokenizer = shared.get(table);
  if (!tokenizer) {
    tokenizer = createTokenizer(table);
    shared.set(table, tokenizer);
  }
  const t = tokenizer.run(raw);
  const keys: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const kinds: number[] = [];
  for (let i = 0; i < t.count; i++) {
    keys.push(tokenKey(t, i));
    starts.push(t.starts[i]!);
    ends.push(t.ends[i]!);
    kinds.push(t.kinds[i]!);
  }
  return { keys, starts, ends, kinds };
}
