// Text keys for dedup: one normalization for shingles and TF-IDF terms. Rules (after
// ../shared/reference/arabic-matching.md §1): NFKC; drop tatweel, harakat, bidi and zero-width marks;
// fold alef/yeh/teh-marbuta/Persian letters; Arabic-Indic digits → ASCII; Latin lowercased, accents
// dropped; tokens split on anything not a letter or digit and where Arabic meets digits or Latin.
// TODO(dedup): switch to src/text/normalize once the matcher helper lands it; the key format changes
// then, so stored signatures must be recomputed (a one-off re-index, cheap at this scale).

const DROP =
  /[\u0640\u064B-\u065F\u0670\u0610-\u061A\u06D6-\u06ED\u08D3-\u08FF\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\u061C\uFEFF\u00AD]/g;

const FOLD: Readonly<Record<string, string>> = {
  آ: 'ا',
  أ: 'ا',
  إ: 'ا',
  ٱ: 'ا',
  ى: 'ي',
  ی: 'ي',
  ے: 'ي',
  ة: 'ه',
  ک: 'ك',
  گ: 'ك',
  پ: 'ب',
  چ: 'ج',
  ژ: 'ز',
  ڤ: 'ف',
  ؤ: 'ء',
  ئ: 'ء',
};
const FOLD_RE = new RegExp(`[${Object.keys(FOLD).join('')}]`, 'g');

function foldDigits(s: string): string {
  return s.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => String((d.codePointAt(0)! & 0xf) % 10));
}

/** Normalized match key for a text (display text is kept elsewhere). */
export function normalize(s: string): string {
  const nfkc = s.normalize('NFKC').replace(DROP, '');
  const folded = foldDigits(nfkc.replace(FOLD_RE, (c) => FOLD[c] ?? c));
  // Latin: lowercase and strip accents; NFKD on Arabic would undo nothing we care about here.
  return folded
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .replace(/['’ʿʾ`]/g, '');
}

// Arabic letter runs, other letter runs, digit runs: Arabic and Latin glued together split apart.
const AR_LETTERS = '\\u0620-\\u064A\\u066E-\\u06D3\\u06D5\\u06FA-\\u06FF\\u0750-\\u077F\\u08A0-\\u08C9';
const TOKEN = new RegExp(`[${AR_LETTERS}]+|[^\\P{L}${AR_LETTERS}]+|\\d+`, 'gu');
const ARABIC = new RegExp(`[${AR_LETTERS}]`, 'u');

/** Tokens of normalized text: letter runs and digit runs, Arabic and Latin split apart. */
export function tokenize(normalized: string): string[] {
  return normalized.match(TOKEN) ?? [];
}

export const isArabicToken = (t: string): boolean => ARABIC.test(t);
