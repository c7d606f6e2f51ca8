// Language by script. Pure.
//
// Rules: count Arabic-script letters (Arabic, Arabic Supplement, Extended-A, presentation forms) and Latin
// letters (ASCII and Latin-1/Extended-A/B). The script with more than half of those letters wins, once
// there are at least MIN_LETTERS of them in the first SAMPLE_CHARS characters; otherwise null. Latin is taken as English: the product follows
// Arabic and English sources only, so "Latin" is the only other language it has to tell apart.

const ARABIC = /[\u0620-\u064A\u066E-\u06D3\u06FA-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFC]/g;
const LATIN = /[A-Za-z\u00C0-\u024F]/g;
const MIN_LETTERS = 3;
/** A sample this long decides as well as the whole text, and keeps a 5 MB input cheap. */
const SAMPLE_CHARS = 20_000;

export function detectLang(text: string): 'ar' | 'en' | null {
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  const arabic = sample.match(ARABIC)?.length ?? 0;
  const latin = sample.match(LATIN)?.length ?? 0;
  const total = arabic + latin;
  if (total < MIN_LETTERS) return null;
  if (arabic * 2 > total) return 'ar';
  if (latin * 2 > total) return 'en';
  return null;
}
