// Numbers as articles write them: digits (Arabic-Indic digits are folded to ASCII by src/text),
// thousands written "1,000", a multiplier word after (3 آلاف, 12 thousand), and number words up to
// the tens in both languages (خمسة، ثمانية، three). Keys are normalized forms (ة→ه, أ→ا, ى→ي).
import type { Word } from './words';

/** "word value word value ..." → map; tables stay readable on a few lines. */
const table = (pairs: string): Record<string, number> => {
  const t = pairs.trim().split(/\s+/);
  const out: Record<string, number> = {};
  for (let i = 0; i + 1 < t.length; i += 2) out[t[i]!] = Number(t[i + 1]);
  return out;
};

const AR_WORDS = table(`
  واحد 1 اثنان 2 اثنين 2 اثنتان 2 اثنتين 2 ثلاث 3 ثلاثه 3 اربع 4 اربعه 4 خمس 5 خمسه 5 ست 6 سته 6 سبع 7 سبعه 7
  ثماني 8 ثمانيه 8 ثمان 8 تسع 9 تسعه 9 عشر 10 عشره 10 عشرون 20 عشرين 20 ثلاثون 30 ثلاثين 30 اربعون 40 اربعين 40
  خمسون 50 خمسين 50 ستون 60 ستين 60 سبعون 70 سبعين 70 ثمانون 80 ثمانين 80 تسعون 90 تسعين 90`);
const EN_WORDS = table(`
  one 1 two 2 three 3 four 4 five 5 six 6 seven 7 eight 8 nine 9 ten 10 eleven 11 twelve 12 thirteen 13
  fourteen 14 fifteen 15 sixteen 16 seventeen 17 eighteen 18 nineteen 19 twenty 20 thirty 30 forty 40 fifty 50
  sixty 60 seventy 70 eighty 80 ninety 90`);
const MULTIPLIERS = table(`
  الف 1000 الاف 1000 الفا 1000 thousand 1000 thousands 1000 مئه 100 مائه 100 hundred 100 مليون 1000000 million 1000000`);

export interface NumberAt {
  readonly value: number;
  /** Word index of the first and last word of the number. */
  readonly first: number;
  readonly last: number;
}

/** The number written at word `i`, or null. Decimals (2.5) are not counts: null. */
export function numberAt(text: string, words: readonly Word[], i: number): NumberAt | null {
  const w = words[i];
  if (!w) return null;
  let value: number | undefined;
  let last = i;
  if (w.digits) {
    if (text[w.start - 1] === '.' || (text[w.end] === '.' && /\d/.test(text[w.end + 1] ?? ''))) return null;
    let digits = w.key;
    while (text[words[last]!.end] === ',' && words[last + 1]?.digits && words[last + 1]!.key.length === 3) {
      last++;
      digits += words[last]!.key;
    }
    value = Number(digits);
  } else {
    value = w.variants.map((v) => AR_WORDS[v] ?? EN_WORDS[v]).find((n) => n !== undefined);
  }
  if (value === undefined || !Number.isFinite(value)) return null;
  const next = words[last + 1];
  const mult = next ? next.variants.map((v) => MULTIPLIERS[v]).find((m) => m !== undefined) : undefined;
  if (mult && value < 1000) {
    value *= mult;
    last++;
  }
  return { value, first: i, last };
}

/** Every number written in a text, as values (for checking a provider's summary against its source). */
export function numbersIn(text: string, words: readonly Word[]): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < words.length; i++) {
    const n = numberAt(text, words, i);
    if (n) {
      out.add(n.value);
      out.add(Number(words[i]!.key) || n.value);
    }
  }
  return out;
}
