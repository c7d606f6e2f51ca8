// Guessing the single-byte charset of undeclared, non-UTF-8 bytes. Arabic sites still serve
// windows-1256 (and a few ISO-8859-6), often without saying so, and iconv-lite cannot guess.
// Heuristic, honest about its limits:
// - count bytes >= 0x80; for each candidate, count those that decode to an Arabic letter
//   (U+0621..U+064A, U+0671..U+06D3);
// - if the best candidate explains at least ARABIC_SHARE of the high bytes, choose it (ties go to
//   windows-1256, far the more common); otherwise windows-1252 (the WHATWG default for Latin text).
// Arabic text in either charset is nearly all Arabic letters above 0x7F; the two differ where it
// matters: ISO-8859-6 puts waw/ya at 0xE8/0xEA where windows-1256 has è/ê, and windows-1256 puts
// letters at 0xDB..0xDF and 0xF0..0xFA where ISO-8859-6 has harakat or nothing.
// Known limit: KOI8-R and windows-1251 Cyrillic also land in 0xC0..0xDF and can be taken for Arabic;
// those feeds almost always declare their charset, which wins before this guess runs.

export const ARABIC_SHARE = 0.8;
export const FALLBACK_SINGLE_BYTE = 'windows-1252';
const CANDIDATES = ['windows-1256', 'iso-8859-6'] as const;

export type Decode = (bytes: Uint8Array, encoding: string) => string;

const tables = new Map<string, Uint8Array>();

/** 128 flags: does byte 0x80+i decode to an Arabic letter in this charset. */
function arabicTable(encoding: string, decode: Decode): Uint8Array {
  let table = tables.get(encoding);
  if (table) return table;
  table = new Uint8Array(128);
  const high = Uint8Array.from({ length: 128 }, (_, i) => 0x80 + i);
  const chars = [...decode(high, encoding)];
  for (let i = 0; i < 128; i++) {
    const cp = chars[i]?.codePointAt(0) ?? 0;
    table[i] = (cp >= 0x0621 && cp <= 0x064a) || (cp >= 0x0671 && cp <= 0x06d3) ? 1 : 0;
  }
  tables.set(encoding, table);
  return table;
}

export function guessSingleByte(bytes: Uint8Array, decode: Decode): string {
  const scores = CANDIDATES.map((enc) => ({ enc, table: arabicTable(enc, decode), score: 0 }));
  let high = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) continue;
    high++;
    for (const s of scores) s.score += s.table[b - 0x80]!;
  }
  const best = scores.reduce((a, b) => (b.score > a.score ? b : a));
  return high > 0 && best.score >= high * ARABIC_SHARE ? best.enc : FALLBACK_SINGLE_BYTE;
}
