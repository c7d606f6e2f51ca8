// Tokens with offsets into the RAW text: the normalized key is the match key, the raw slice is the
// evidence. A token ends at any non-letter/digit (quotes, brackets, the Arabic comma ، ...) and where
// Arabic letters, Latin letters and digits meet (ب500 → ب 500). Deleted characters (tatweel,
// harakat, direction marks) never split a word: لـقسد is one token, لقسد. A Latin possessive 's ends
// the word (Hasakah's → hasakah) so "Hama's" never becomes "hamas".
// Speed: the text is copied once into a typed array, then one table lookup per character gives its
// class and folded unit; no regex, no string per token: each token gets a hash of
// its folded characters (polynomial, see hashKey) and the folded characters stay in one buffer; a key string is made
// only when a caller asks for it (a hit). Buffers are reused between runs of one tokenizer.
import { APOSTROPHES, type CharTable, CLASS_MASK, charTable, IGN, LAT, MULTI_ENTRY, SEP } from './charmap';
import { isSpace } from './space';

export interface Tokens {
  readonly count: number;
  /** Hash of each token's normalized key (see hashKey). */
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
  /**
   * The text has whitespace other than single ' ' and '\n' (a tab, CR, no-break space, BOM, two
   * spaces...): whoever collapses the text's spaces (a snippet) must look; otherwise nothing needs it.
   * Found on the way, at a comparison or two per separator.
   */
  readonly otherSpaces: boolean;
}

/**
 * Multiplier of the key hash: hash(c0 c1 … cn-1) = c0·B^(n-1) + c1·B^(n-2) + … + cn-1 (mod 2^32). A
 * polynomial hash with an odd B, so the hash of a token without its last characters follows from the
 * token's hash (B has an inverse mod 2^32), and the matcher peels clitics and suffixes off Arabic
 * tokens with no buffer of prefix hashes (see sliceHash).
 */
export const HASH_BASE = 0x2c9277b5;

/** Hash of a normalized key, equal to the tokenizer's hash of a token with that key. */
export function hashKey(key: string, from = 0, to = key.length): number {
  let h = 0;
  for (let i = from; i < to; i++) h = (Math.imul(h, HASH_BASE) + key.charCodeAt(i)) | 0;
  return h;
}

/** HASH_BASE^-1 (mod 2^32), by Newton's iteration (each step doubles the correct low bits). */
const HASH_INVERSE = (() => {
  let x = HASH_BASE;
  for (let k = 0; k < 5; k++) x = Math.imul(x, 2 - Math.imul(HASH_BASE, x));
  return x | 0;
})();

/**
 * hashKey of token i's key from its a-th to its b-th character, for slices that drop a few characters
 * at each end (clitics, suffixes): the first a characters are hashed again and the last len - b taken
 * off the token's hash, so it costs a + (len - b) steps.
 */
export function sliceHash(t: Tokens, i: number, a: number, b: number): number {
  const chars = t.chars;
  const start = t.charStarts[i]!;
  let tail = t.hashes[i]!;
  for (let k = start + t.charLens[i]! - 1; k >= start + b; k--) tail = Math.imul(tail - chars[k]!, HASH_INVERSE);
  let head = 0;
  for (let k = start; k < start + a; k++) head = (Math.imul(head, HASH_BASE) + chars[k]!) | 0;
  return (tail - Math.imul(head, hashPower(b - a))) | 0;
}

/** hashKey of a key then another, from their hashes (h2 is the hash of a key of length len2). */
export const concatHash = (h1: number, h2: number, len2: number): number => (Math.imul(h1, hashPower(len2)) + h2) | 0;

/** POWERS[n] = HASH_BASE^n (mod 2^32), for the slices of most tokens. */
const POWERS = new Int32Array(64);
POWERS[0] = 1;
for (let n = 1; n < POWERS.length; n++) POWERS[n] = Math.imul(POWERS[n - 1]!, HASH_BASE);

function hashPower(n: number): number {
  if (n < POWERS.length) return POWERS[n]!;
  let p = POWERS[POWERS.length - 1]!;
  for (let k = POWERS.length - 1; k < n; k++) p = Math.imul(p, HASH_BASE);
  return p;
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
  const fast = table === charTable();
  // The raw text's UTF-16 code units, copied in one native call: reading a typed array in the loop
  // is several times faster than charCodeAt, which checks the string's representation every time.
  let codes = new Uint16Array(0);
  let bytes = Buffer.alloc(0);
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
      otherSpaces: false,
    };
  }
  return {
    run(raw) {
      // A token needs at least one raw character; a character folds to at most a few (ﷲ → الله).
      if (raw.length + 1 > cap || raw.length * 4 + 8 > t.chars.length)
        t = alloc(raw.length + 1024, raw.length * 4 + 4096);
      if (fast && raw.length <= SCRATCH_UNITS) {
        t.count = scanScratch(raw);
        copyOut(SCRATCH, t, t.count);
        return t;
      }
      if (raw.length + 2 > codes.length) {
        codes = new Uint16Array(raw.length + 4096);
        bytes = Buffer.from(codes.buffer);
      }
      const len = bytes.write(raw, 0, 'utf16le') >>> 1;
      codes[len] = 0; // two separators after the end: the scan looks ahead up to two units
      codes[len + 1] = 0;
      t.count = scan(codes, len, table, t);
      return t;
    },
  };
}

/**
 * One token at a time: skip separators, then take characters while their class stays the token's.
 * Everything the loops touch is a local (imported bindings cost a load and a check per use), and one
 * table lookup gives a character's class and folded unit (CharTable.entries). The text ends with
 * separators (see run), so the loops need no bounds checks. scanDefault below is the same loop on
 * constant arrays (see SCRATCH); the reference test checks both against the plain rules.
 */
function scan(raw: Uint16Array, len: number, table: CharTable, t: Tokens): number {
  const entries = table.entries;
  const apostrophe = APOSTROPHE_TABLE;
  const otherSpace = OTHER_SPACE_TABLE;
  const base = HASH_BASE;
  const sep = SEP;
  const ign = IGN;
  const lat = LAT;
  const mask = CLASS_MASK;
  const multi = MULTI_ENTRY;
  const { hashes, starts, ends, kinds, chars, charStarts, charLens } = t;
  let count = 0;
  let other = false;
  let n = 0; // chars written
  let i = 0;
  while (i < len) {
    let e = entries[raw[i]!]!;
    const kind = (e >>> 16) & mask;
    if (kind === sep || kind === ign) {
      if (raw[i] === 0x20 ? raw[i + 1] === 0x20 : otherSpace[raw[i]!] === 1) other = true;
      i++;
      continue;
    }
    let h = 0;
    const from = n;
    let end = i;
    starts[count] = i;
    token: for (;;) {
      if (e & multi) {
        h = foldMulti(table, raw[i]!, chars, n, h);
        n += table.multi.get(raw[i]!)?.length ?? 0;
        e = entries[raw[++i]!]!;
      }
      // The run of plain characters of the token's class: most of the text.
      while (e >>> 16 === kind) {
        const f = e & 0xffff;
        chars[n] = f;
        h = (Math.imul(h, base) + f) | 0;
        n++;
        e = entries[raw[++i]!]!;
      }
      end = i;
      while (e >>> 16 !== kind) {
        const k = e >>> 16;
        if ((k & mask) === kind) continue token; // folds to several units (ﷲ)
        if (k !== ign) break token;
        if (otherSpace[raw[i]!] === 1) other = true; // a BOM inside a word
        if (apostrophe[raw[i]!] === 0)
          end = i + 1; // the surface keeps its marks: حاجزاً
        else if (kind === lat && (raw[i + 1]! | 0x20) === 0x73 && ((entries[raw[i + 2]!]! >>> 16) & mask) !== lat) {
          // "Hasakah's": the possessive ends the word; "Ma'arat" goes on.
          i += 2;
          break token;
        }
        e = entries[raw[++i]!]!;
      }
    }
    hashes[count] = h;
    ends[count] = end;
    kinds[count] = kind;
    charStarts[count] = from;
    charLens[count] = n - from;
    count++;
  }
  (t as Buffers).otherSpaces = other;
  return count;
}

/** A character that folds to several (ﷲ → الله): writes them at chars[n ..] and returns the hash. */
function foldMulti(table: CharTable, c: number, chars: Uint16Array, n: number, h: number): number {
  const m = table.multi.get(c) ?? '';
  for (let j = 0; j < m.length; j++) {
    const mc = m.charCodeAt(j);
    chars[n + j] = mc;
    h = (Math.imul(h, HASH_BASE) + mc) | 0;
  }
  return h;
}

/** scan on the scratch buffers and the default table, as module constants: keep the two loops alike. */
function scanDefault(len: number): number {
  const raw = SCRATCH_CODES;
  const table = DEFAULT;
  const t = SCRATCH;
  const entries = table.entries;
  const apostrophe = APOSTROPHE_TABLE;
  const otherSpace = OTHER_SPACE_TABLE;
  const base = HASH_BASE;
  const sep = SEP;
  const ign = IGN;
  const lat = LAT;
  const mask = CLASS_MASK;
  const multi = MULTI_ENTRY;
  const { hashes, starts, ends, kinds, chars, charStarts, charLens } = t;
  let count = 0;
  let other = false;
  let n = 0; // chars written
  let i = 0;
  while (i < len) {
    let e = entries[raw[i]!]!;
    const kind = (e >>> 16) & mask;
    if (kind === sep || kind === ign) {
      if (raw[i] === 0x20 ? raw[i + 1] === 0x20 : otherSpace[raw[i]!] === 1) other = true;
      i++;
      continue;
    }
    let h = 0;
    const from = n;
    let end = i;
    starts[count] = i;
    token: for (;;) {
      if (e & multi) {
        h = foldMulti(table, raw[i]!, chars, n, h);
        n += table.multi.get(raw[i]!)?.length ?? 0;
        e = entries[raw[++i]!]!;
      }
      // The run of plain characters of the token's class: most of the text.
      while (e >>> 16 === kind) {
        const f = e & 0xffff;
        chars[n] = f;
        h = (Math.imul(h, base) + f) | 0;
        n++;
        e = entries[raw[++i]!]!;
      }
      end = i;
      while (e >>> 16 !== kind) {
        const k = e >>> 16;
        if ((k & mask) === kind) continue token; // folds to several units (ﷲ)
        if (k !== ign) break token;
        if (otherSpace[raw[i]!] === 1) other = true; // a BOM inside a word
        if (apostrophe[raw[i]!] === 0)
          end = i + 1; // the surface keeps its marks: حاجزاً
        else if (kind === lat && (raw[i + 1]! | 0x20) === 0x73 && ((entries[raw[i + 2]!]! >>> 16) & mask) !== lat) {
          // "Hasakah's": the possessive ends the word; "Ma'arat" goes on.
          i += 2;
          break token;
        }
        e = entries[raw[++i]!]!;
      }
    }
    hashes[count] = h;
    ends[count] = end;
    kinds[count] = kind;
    charStarts[count] = from;
    charLens[count] = n - from;
    count++;
  }
  t.otherSpaces = other;
  return count;
}

/**
 * Texts of up to SCRATCH_UNITS code units in the default table (every matcher's) are scanned into
 * module-level buffers and copied out (one native copy per array): V8's optimized loop then has its
 * arrays and table as constants, which measured ~25% faster than the same loop on arrays passed in
 * (~10% of a whole match at 10,000 watches, A/B in one process). The cost: the default table is
 * built when this module loads (~100 ms) instead of on first use, and ~1 MB of buffers.
 */
const SCRATCH_UNITS = 1 << 15;
const SCRATCH_CODES = new Uint16Array(SCRATCH_UNITS + 2);
const SCRATCH_BYTES = Buffer.from(SCRATCH_CODES.buffer);
const SCRATCH: Buffers = {
  count: 0,
  hashes: new Int32Array(SCRATCH_UNITS + 1),
  starts: new Int32Array(SCRATCH_UNITS + 1),
  ends: new Int32Array(SCRATCH_UNITS + 1),
  kinds: new Uint8Array(SCRATCH_UNITS + 1),
  chars: new Uint16Array(SCRATCH_UNITS * 4 + 8),
  charStarts: new Int32Array(SCRATCH_UNITS + 1),
  charLens: new Int32Array(SCRATCH_UNITS + 1),
  otherSpaces: false,
};
const DEFAULT = charTable();

function scanScratch(raw: string): number {
  const len = SCRATCH_BYTES.write(raw, 0, 'utf16le') >>> 1;
  SCRATCH_CODES[len] = 0;
  SCRATCH_CODES[len + 1] = 0;
  SCRATCH.count = scanDefault(len);
  return SCRATCH.count;
}

/**
 * The tokens of raw in the default table with no copy, for a caller that reads them at once: they
 * stay valid only until the next tokenization anywhere in the process (module-level buffers, see
 * SCRATCH). A text too long for them goes through `fallback`, whose tokens are its own.
 */
export function tokenizeNow(raw: string, fallback: Tokenizer): Tokens {
  if (raw.length > SCRATCH_UNITS) return fallback.run(raw);
  scanScratch(raw);
  return SCRATCH;
}

function copyOut(from: Tokens, to: Buffers, count: number): void {
  to.otherSpaces = from.otherSpaces;
  to.hashes.set(from.hashes.subarray(0, count));
  to.starts.set(from.starts.subarray(0, count));
  to.ends.set(from.ends.subarray(0, count));
  to.kinds.set(from.kinds.subarray(0, count));
  to.charStarts.set(from.charStarts.subarray(0, count));
  to.charLens.set(from.charLens.subarray(0, count));
  const n = count === 0 ? 0 : from.charStarts[count - 1]! + from.charLens[count - 1]!;
  to.chars.set(from.chars.subarray(0, n));
}

/** 1 for the code units JavaScript's \s matches other than ' ' and '\n' (see Tokens.otherSpaces). */
const OTHER_SPACE_TABLE = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) if (c !== 0x20 && c !== 0x0a && isSpace(c)) OTHER_SPACE_TABLE[c] = 1;

/** 1 for the apostrophes of ./charmap (APOSTROPHES), by code unit. */
const APOSTROPHE_TABLE = new Uint8Array(0x10000);
for (const c of APOSTROPHES) APOSTROPHE_TABLE[c] = 1;

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
  // Read at once, so in the default table no copy (a copy per watch term cost ~1.5 µs and garbage).
  const t = table === DEFAULT ? tokenizeNow(raw, tokenizer) : tokenizer.run(raw);
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
