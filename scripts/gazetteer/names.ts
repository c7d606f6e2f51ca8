// Which GeoNames alternate names a place keeps, and which Arabic name it displays.
// Kept: Arabic-script names written with Arabic letters only (Persian/Kurdish/Urdu letters such as
// ی ە ۆ پ mark another language), and Latin names that look written by a person. GeoNames also
// carries machine transliterations of other scripts, all lowercase ("alhskt", "dai er zu er"),
// airport codes ("DEZ", "KAC"), URLs and names in other scripts: those are dropped.

import { skeletonKey } from '../../src/match/place-skeleton';

const BIDI_AND_ZW = /[\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g;
const ARABIC_NAME = /^[\u0621-\u063A\u0641-\u0652\u0670]+(?:[ -][\u0621-\u063A\u0641-\u0652\u0670]+)*$/;
const LATIN_NAME = /^[\p{Script=Latin}\p{M}'’‘`ʿʾʼ.-]+(?: [\p{Script=Latin}\p{M}'’‘`ʿʾʼ.-]+)*$/u;

export type NameScript = 'ar' | 'latin';

/** The cleaned name and its script, or null when the name is not worth keeping. */
export function plausibleName(raw: string): { name: string; script: NameScript } | null {
  if (/ {2}/.test(raw)) return null; // several names glued into one field
  const name = raw.replace(BIDI_AND_ZW, '').trim();
  if (name.length < 2 || /[0-9/:@]/.test(name)) return null;
  if (ARABIC_NAME.test(name)) return { name, script: 'ar' };
  if (!LATIN_NAME.test(name) || !/\p{Lu}/u.test(name)) return null;
  if (/^\p{Lu}{2,4}$/u.test(name)) return null; // IATA/ICAO-style codes
  return { name, script: 'latin' };
}

/** Plausible names, deduplicated, in first-seen order. */
export function plausibleNames(raw: readonly string[]): { arabic: string[]; latin: string[] } {
  const arabic: string[] = [];
  const latin: string[] = [];
  const seen = new Set<string>();
  for (const r of raw) {
    const p = plausibleName(r);
    if (!p || seen.has(p.name)) continue;
    seen.add(p.name);
    (p.script === 'ar' ? arabic : latin).push(p.name);
  }
  return { arabic, latin };
}

// Rough Arabic → Latin consonants, only to compare an Arabic name with the Latin one.
const AR_TO_LATIN: Readonly<Record<string, string>> = {
  ب: 'b',
  ت: 't',
  ث: 'th',
  ج: 'j',
  ح: 'h',
  خ: 'kh',
  د: 'd',
  ذ: 'dh',
  ر: 'r',
  ز: 'z',
  س: 's',
  ش: 'sh',
  ص: 's',
  ض: 'd',
  ط: 't',
  ظ: 'z',
  غ: 'gh',
  ف: 'f',
  ق: 'q',
  ك: 'k',
  ل: 'l',
  م: 'm',
  ن: 'n',
  ه: 'h',
  و: 'w',
  ي: 'y',
  ى: 'a',
  ا: 'a',
  أ: 'a',
  إ: 'i',
  آ: 'a',
  ة: 'a',
};

export function romanizeArabic(name: string): string {
  return name
    .split(/[ -]/)
    .map((word) => word.replace(/^ال/, 'al '))
    .join(' ')
    .split('')
    .map((ch) => (ch === ' ' ? ' ' : (AR_TO_LATIN[ch] ?? '')))
    .join('');
}

/**
 * The Arabic name that best matches the place's Latin name: most similar consonant skeleton
 * (names with an admin prefix such as ناحية or مركز lose a little), then the usual spelling
 * (with the article, final ي not ى, ة not ه, hamza on alef), then the shortest, then code-point
 * order, so the choice is deterministic.
 */
export function pickArabicName(arabic: readonly string[], latinName: string): string | null {
  const target = skeletonKey(latinName.replace(LATIN_ADMIN_PREFIX, ''));
  const scored = arabic
    .filter((name) => !/^ئ/.test(name) && !/ة[^ -]/.test(name)) // Kurdish spellings
    .map((name) => ({
      name,
      score:
        skeletonScore(skeletonKey(romanizeArabic(name.replace(ADMIN_PREFIX, ''))), target) -
        (ADMIN_PREFIX.test(name) ? 0.2 : 0),
      usual: usualSpelling(name),
    }));
  scored.sort(
    (a, b) => b.score - a.score || b.usual - a.usual || a.name.length - b.name.length || (a.name < b.name ? -1 : 1),
  );
  return scored[0]?.name ?? null;
}

const ADMIN_PREFIX = /^(?:ناحية|مركز|قضاء|محافظة|مدينة|بلدة|قرية) /;
const LATIN_ADMIN_PREFIX = /^(?:N[aā][hḩ]iyat|Markaz|Qa[dḑ]a'?) /i;

function usualSpelling(name: string): number {
  let points = 0;
  if (/^ال/.test(name)) points += 8;
  if (!/ى$/.test(name)) points += 4;
  if (!/ه$/.test(name)) points += 2;
  if (/[أإ]/.test(name)) points += 1;
  return points;
}

function skeletonScore(a: string, b: string): number {
  let common = 0;
  const rest = [...b];
  for (const ch of a) {
    const i = rest.indexOf(ch);
    if (i >= 0) {
      common++;
      rest.splice(i, 1);
    }
  }
  return (2 * common) / Math.max(1, a.length + b.length);
}
