// One lookup table per BMP code unit, built once, so the tokenizer never runs a regex per character.
// Each code unit gets a class (separator, Arabic letter, Latin letter, digit, other letter, or
// ignorable = deleted without splitting a word) and its folded output. The rules are those of
// shared/reference/arabic-matching.md §1:
//   NFKC (presentation forms, lam-alef ligatures) → delete tatweel, harakat, superscript alef, Quranic
//   marks, zero-width and bidi controls, ALM, BOM, soft hyphen → fold آأإٱ→ا, ىیے→ي, ة→ه, کگ→ك,
//   پ→ب چ→ج ژ→ز ڤ→ف, optionally ؤئ→ء → Arabic-Indic digits → 0-9 → Latin lowercase, accents stripped,
//   apostrophes and ʿ ʾ dropped.

export const SEP = 0;
export const AR = 1;
export const LAT = 2;
export const DIG = 3;
export const OTH = 4;
export const IGN = 5;

/** CharTable.entries: the class is (entry >>> 16) & CLASS_MASK. */
export const CLASS_MASK = 7;
/** CharTable.entries: the character folds to several units (see CharTable.multi). */
export const MULTI_ENTRY = 8 << 16;

export interface CharTable {
  /** Class of each UTF-16 code unit (SEP, AR, LAT, DIG, OTH, IGN). */
  readonly cls: Uint8Array;
  /** Both in one lookup, for the tokenizer: class << 16 | folded unit, or MULTI_ENTRY. */
  readonly entries: Uint32Array;
  /** Folded code unit; 0 when the output is several units (see multi). */
  readonly fold: Uint16Array;
  readonly multi: ReadonlyMap<number, string>;
}

export interface NormalizeOptions {
  /** Fold the hamza carriers ؤ ئ to ء (مسؤول = مسئول). Default true. */
  readonly foldHamza?: boolean;
}

const DELETE_RANGES: readonly (readonly [number, number])[] = [
  [0x0640, 0x0640], // tatweel
  [0x064b, 0x065f], // harakat, tanwin, shadda, sukun
  [0x0670, 0x0670], // superscript alef
  [0x0610, 0x061a], // Quranic marks
  [0x06d6, 0x06ed],
  [0x08d3, 0x08ff],
  [0x200b, 0x200f], // ZWSP ZWNJ ZWJ LRM RLM
  [0x202a, 0x202e], // bidi embeddings and overrides
  [0x2060, 0x2060], // word joiner
  [0x2066, 0x2069], // bidi isolates
  [0x061c, 0x061c], // Arabic letter mark
  [0xfeff, 0xfeff], // BOM
  [0x00ad, 0x00ad], // soft hyphen
];

/** Apostrophes and transliteration half-rings: dropped inside words ("Ma'arat" = "Maarat"). */
export const APOSTROPHES: ReadonlySet<number> = new Set([
  0x27, 0x2019, 0x2018, 0x02bc, 0x02bf, 0x02be, 0x02bb, 0x60, 0xb4,
]);

const ARABIC_FOLD: Readonly<Record<string, string>> = {
  آ: 'ا',
  أ: 'ا',
  إ: 'ا',
  ٱ: 'ا',
  ى: 'ي',
  ی: 'ي',
  ے: 'ي',
  ة: 'ه',
  ۀ: 'ه',
  ہ: 'ه',
  ک: 'ك',
  گ: 'ك',
  پ: 'ب',
  چ: 'ج',
  ژ: 'ز',
  ڤ: 'ف',
};
const HAMZA_FOLD: Readonly<Record<string, string>> = { ؤ: 'ء', ئ: 'ء' };

const isArabicBlock = (c: number) =>
  (c >= 0x0600 && c <= 0x06ff) || (c >= 0x0750 && c <= 0x077f) || (c >= 0x08a0 && c <= 0x08ff);

const isPlainIdeograph = (c: number) =>
  (c >= 0x4e00 && c <= 0x9fff) ||
  (c >= 0xac00 && c <= 0xd7a3) ||
  (c >= 0x3400 && c <= 0x4dbf) ||
  (c >= 0xa000 && c <= 0xa48c);

function foldChar(ch: string, foldHamza: boolean): string {
  const c = ch.charCodeAt(0);
  if (c >= 0x0660 && c <= 0x0669) return String.fromCharCode(0x30 + c - 0x0660);
  if (c >= 0x06f0 && c <= 0x06f9) return String.fromCharCode(0x30 + c - 0x06f0);
  const ar = ARABIC_FOLD[ch] ?? (foldHamza ? HAMZA_FOLD[ch] : undefined);
  if (ar !== undefined) return ar;
  if (isArabicBlock(c)) return /\p{M}/u.test(ch) ? '' : ch;
  return ch.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');
}

function classify(out: string): number {
  if (out === '') return IGN;
  if (/^[0-9]+$/.test(out)) return DIG;
  if (!/^[\p{L}\p{N}]+$/u.test(out)) return SEP;
  const c = out.charCodeAt(0);
  if (isArabicBlock(c)) return AR;
  if (/^\p{Script=Latin}/u.test(out)) return LAT;
  return OTH;
}

function buildTable(foldHamza: boolean): CharTable {
  const cls = new Uint8Array(0x10000);
  const fold = new Uint16Array(0x10000);
  const multi = new Map<number, string>();
  const deleted = new Uint8Array(0x10000);
  for (const [a, b] of DELETE_RANGES) for (let c = a; c <= b; c++) deleted[c] = 1;
  for (let c = 0; c < 0x10000; c++) {
    if (deleted[c] || APOSTROPHES.has(c)) {
      cls[c] = IGN;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) continue; // astral characters (emoji ...) separate words
    if (isPlainIdeograph(c)) {
      cls[c] = OTH; // no folding applies: skip the costly NFKC call for 40,000 code points
      fold[c] = c;
      continue;
    }
    let out = '';
    for (const ch of String.fromCharCode(c).normalize('NFKC')) out += foldChar(ch, foldHamza);
    const k = classify(out);
    cls[c] = k;
    if (k === SEP || k === IGN) continue;
    if (out.length === 1) fold[c] = out.charCodeAt(0);
    else multi.set(c, out);
  }
  const entries = new Uint32Array(0x10000);
  for (let c = 0; c < 0x10000; c++) entries[c] = (cls[c]! << 16) | fold[c]! | (multi.has(c) ? MULTI_ENTRY : 0);
  return { cls, fold, entries, multi };
}

const tables = new Map<boolean, CharTable>();

/** The table for these options; built on first use (~50 ms) and reused. */
export function charTable(opts: NormalizeOptions = {}): CharTable {
  const key = opts.foldHamza ?? true;
  let t = tables.get(key);
  if (!t) {
    t = buildTable(key);
    tables.set(key, t);
  }
  return t;
}
