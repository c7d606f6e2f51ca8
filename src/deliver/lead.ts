// The fallback summary: the article's first sentences, when no summarizer is configured or it failed.
// Pure. Sentence ends: . ! ? and the Arabic ؟ and full stop ۔, followed by a space or the end.

const SENTENCE_END = /[.!?؟۔…](?=\s|$)/gu;

/** Up to `maxChars` of the text's first whole sentences (at least the first, cut at a word). */
export function leadSentences(text: string, maxChars = 400): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= maxChars) return flat;
  let cut = 0;
  for (const m of flat.matchAll(SENTENCE_END)) {
    const end = m.index + m[0].length;
    if (end > maxChars) break;
    cut = end;
  }
  if (cut > 0) return flat.slice(0, cut);
  const space = flat.lastIndexOf(' ', maxChars - 1);
  return `${flat.slice(0, space > 0 ? space : maxChars - 1)}…`;
}

/** Arabic script dominates the text? (decides which summary key the lead fills) */
export function looksArabic(text: string): boolean {
  const ar = text.match(/\p{Script=Arabic}/gu)?.length ?? 0;
  const latin = text.match(/\p{Script=Latin}/gu)?.length ?? 0;
  return ar > latin;
}
