// Terms for TF-IDF and numbers for story matching. Rules: stopwords out (a small list per
// language); Arabic terms lose a leading conjunction/preposition + article (وال، بال، فال، كال، لل، ال)
// so بالحسكة and الحسكة count as one term; no deeper stemming (names over-stem: see
// ../shared/reference/arabic-matching.md §2). Numbers are kept apart: they are language-neutral.
import { isArabicToken } from './text';

const STOP_EN = new Set(
  'a an the and or but of to in on at by for from with as is are was were be been being it its this that these those he she they them his her their who which what when where after before over under into about said says say also than then there here not no has have had will would could should may might more most other some such only just up out new one two three'.split(
    ' ',
  ),
);
// Normalized forms (alef/yeh/teh marbuta folded), as tokens appear after src/dedup/text.
const STOP_AR = new Set(
  'في من الي علي عن مع ان او ثم قد لقد كان كانت يكون تكون هذا هذه ذلك تلك التي الذي الذين اللذين هو هي هم هما نحن انه انها بعد قبل عند حتي منذ خلال بين ضمن حول وفق لدي لا لم لن ما ماذا كما كل بعض غير اي ايضا فيما بينما وقال قال قالت واضاف واضافت اضاف اضافت واكد اكد اكدت واشار اشار اشارت وذلك فيه فيها منه منها عليه عليها اليه اليها به بها له لها وقد وكان وهو وهي وفي ومن اذ اذا حيث الا سوي'.split(
    ' ',
  ),
);

const AR_PREFIX = /^[وف]?(?:بال|كال|لل|ال)(?=[\p{Script=Arabic}]{3,})/u;

/** Content terms of a token stream, in order (duplicates kept: they are term frequencies). */
export function contentTerms(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    if (/^\d/.test(t)) continue;
    if (isArabicToken(t)) {
      if (t.length < 2 || STOP_AR.has(t)) continue;
      out.push(t.replace(AR_PREFIX, ''));
    } else {
      if (t.length < 2 || STOP_EN.has(t)) continue;
      out.push(t);
    }
  }
  return out;
}

/**
 * Numbers worth comparing across reports: digit runs except 0–9 (too common) and years
 * (1990–2039: every report carries one).
 */
export function numbersOf(tokens: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const t of tokens) {
    if (!/^\d+$/.test(t)) continue;
    const n = String(Number(t));
    if (n.length < 2) continue;
    const v = Number(n);
    if (v >= 1990 && v <= 2039) continue;
    seen.add(n);
  }
  return [...seen];
}
