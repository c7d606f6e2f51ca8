// Latin place-name keys (docs: /work/shared/reference/arabic-matching.md §4). Pure.
// Rules:
// 1. fold: NFKD, drop accents and apostrophes (Ḩ→h, ‘ ’ ʿ ʾ ` '), lowercase, anything else that is
//    not a letter or digit separates tokens ("al-Hasakah" → "al hasakah").
// 2. Arabic article tokens (al, el, ad, ez, ash ...) are dropped: "Deir ez-Zor" → "deir zor".
// 3. The consonant skeleton only *finds candidates*: kh→x sh→$ th→0 dh→9 gh→7, ck/c/q→k, w/v→u,
//    final -ah/-eh loses its h, doubled letters collapse, vowels (a e i o u y) drop except at the
//    very start of the name (kept as "a", so Idlib/Edlib agree). Keys under 4 letters never fuzz:
//    too many places share them.

const ARTICLES: ReadonlySet<string> = new Set([
  'al',
  'el',
  'il',
  'ul',
  'ad',
  'adh',
  'ed',
  'an',
  'en',
  'ar',
  'er',
  'ur',
  'as',
  'es',
  'us',
  'ash',
  'esh',
  'ush',
  'at',
  'et',
  'ath',
  'az',
  'ez',
  'uz',
]);

export const MIN_SKELETON_LETTERS = 4;

/** Accent-free lowercase Latin tokens of a name (Arabic letters pass through untouched). */
export function foldLatinTokens(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/['’‘`ʿʾʼ]/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0);
}

const isLatinToken = (t: string): boolean => /^[a-z0-9]+$/.test(t);

/** Drops Latin article tokens; keeps the name whole if it was nothing but articles. */
export function dropArticles(tokens: readonly string[]): string[] {
  const kept = tokens.filter((t) => !(isLatinToken(t) && ARTICLES.has(t)));
  return kept.length > 0 ? kept : [...tokens];
}

/** Folded, article-free key of a Latin name: "El Haseke" → "haseke". */
export function latinKey(name: string): string {
  return dropArticles(foldLatinTokens(name)).join(' ');
}

const DIGRAPHS: readonly (readonly [RegExp, string])[] = [
  [/kh/g, 'x'],
  [/sh/g, '$'],
  [/th/g, '0'],
  [/dh/g, '9'],
  [/gh/g, '7'],
  [/ck/g, 'k'],
  [/[cq]/g, 'k'],
  [/[wv]/g, 'u'],
];

const collapse = (s: string): string => s.replace(/(.)\1+/g, '$1');

function tokenSkeleton(token: string, first: boolean): string {
  let t = token.replace(/([ae])h$/, '$1');
  for (const [re, to] of DIGRAPHS) t = t.replace(re, to);
  t = collapse(t);
  const head = first && /^[aeiouy]/.test(t) ? 'a' : '';
  const body = (head ? t.slice(1) : t).replace(/[aeiouy]/g, '');
  return collapse(head + body);
}

/** Consonant skeleton of a Latin name; "" when the name has no Latin letters. */
export function skeletonKey(name: string): string {
  if (!/\p{Script=Latin}/u.test(name)) return '';
  const tokens = dropArticles(foldLatinTokens(name)).filter(isLatinToken);
  return tokens.map((t, i) => tokenSkeleton(t, i === 0)).join('');
}

/** 1 - Levenshtein distance / longer length, over the article-free keys without spaces. */
export function nameSimilarity(a: string, b: string): number {
  const x = latinKey(a).replace(/ /g, '');
  const y = latinKey(b).replace(/ /g, '');
  const longer = Math.max(x.length, y.length);
  return longer === 0 ? 1 : 1 - levenshtein(x, y) / longer;
}

function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    prev = cur;
  }
  return prev[b.length]!;
}
