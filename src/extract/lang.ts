// Language by script. Pure.
//
// Rules: count Arabic-script letters (Arabic, Arabic Supplement, Extended-A, presentation forms) and Latin
// letters (ASCII and Latin-1/Extended-A/B). The script with more than half of those letters wins, once
// there are at least MIN_LETTERS of them in the first SAMPLE_CHARS characters; otherwise null. Latin is taken as English: the product follows
// Arabic and English sources only, so "Latin" is the only other language it has to tell apart.

const MIN_LETTERS = 3;
/** A sample this long decides as well as the whole text, and keeps a 5 MB input cheap. */
const SAMPLE_CHARS = 20_000;

/** Arabic-script letters: Arabic, Supplement, Extended-A, presentation forms (not digits or marks). */
function isArabicLetter(c: number): boolean {
  return (
    (c >= 0x0620 && c <= 0x064a) ||
    (c >= 0x066e && c <= 0x06d3) ||
    (c >= 0x06fa && c <= 0x06ff) ||
    (c >= 0x0750 && c <= 0x077f) ||
    (c >= 0x08a0 && c <= 0x08ff) ||
    (c >= 0xfb50 && c <= 0xfdff) ||
    (c >= 0xfe70 && c <= 0xfefc)
  );
}

function isLatinLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f);
}

export function detectLang(text: string): 'ar' | 'en' | null {
  const n = Math.min(text.length, SAMPLE_CHARS);
  let arabic = 0;
  let latin = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x41) continue;
    if (isLatinLetter(c)) latin++;
    else if (isArabicLetter(c)) arabic++;
  }
  const total = arabic + latin;
  if (total < MIN_LETTERS) return null;
  if (arabic * 2 > total) return 'ar';
  if (latin * 2 > total) return 'en';
  return null;
}
