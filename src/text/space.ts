// Whitespace in one pass over the code units, for the hot paths of ingest (every paragraph of every
// article). `s.replace(/\s+/g, ' ').trim()` scans the text twice and builds a new string even when
// nothing changes; here a clean text is returned as it is, and the others are built once. Pure.

/** Exactly the characters JavaScript's `\s` matches. */
export function isSpace(c: number): boolean {
  // Ordered so that letters (Latin, Arabic) leave after two comparisons.
  return c <= 0xa0
    ? c === 32 || (c >= 9 && c <= 13) || c === 0xa0
    : c >= 0x1680 &&
        (c === 0x1680 ||
          (c >= 0x2000 &&
            (c <= 0x200a ||
              c === 0x2028 ||
              c === 0x2029 ||
              c === 0x202f ||
              c === 0x205f ||
              c === 0x3000 ||
              c === 0xfeff)));
}

/** Zero-width space and BOM: dropped by `squashSpace(s, true)` (they are not word breaks on a page). */
const isInvisible = (c: number) => c === 0x200b || c === 0xfeff;

/**
 * `s.replace(/\s+/g, ' ').trim()`; with `dropInvisible`, U+200B and U+FEFF are removed first (so they
 * neither split nor join words).
 */
export function squashSpace(s: string, dropInvisible = false): string {
  if (isClean(s, dropInvisible)) return s;
  let out = '';
  let start = -1; // start of the current run of kept characters
  let pendingSpace = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (dropInvisible && isInvisible(c)) {
      if (start !== -1) out += s.slice(start, i);
      start = -1;
    } else if (isSpace(c)) {
      if (start !== -1) out += s.slice(start, i);
      start = -1;
      pendingSpace = out.length > 0;
    } else if (start === -1) {
      if (pendingSpace) out += ' ';
      pendingSpace = false;
      start = i;
    }
  }
  if (start !== -1) out += s.slice(start);
  return out;
}

/** Nothing to do: no invisible characters (when dropped), no space but single ' ' between words. */
function isClean(s: string, dropInvisible: boolean): boolean {
  const n = s.length;
  if (n === 0) return true;
  if (isSpace(s.charCodeAt(0)) || isSpace(s.charCodeAt(n - 1))) return false;
  let prevSpace = false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) {
      if (prevSpace) return false;
      prevSpace = true;
    } else if ((c < 0x80 ? c >= 9 && c <= 13 : isSpace(c)) || (dropInvisible && isInvisible(c))) return false;
    else prevSpace = false;
  }
  return true;
}
