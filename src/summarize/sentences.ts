// Sentence splitting for Arabic and English. A paragraph ends at a line break; a sentence ends at
// . ? ! ؟ … (Arabic uses the Latin full stop) followed by a space or the end, with closing quotes and
// brackets kept on the sentence. No split after an abbreviation or initial (U.S., Dr., Jan., "A."),
// before a lowercase Latin word, or inside a number (2.5, 1,000: no space follows the stop).

export interface Sentence {
  readonly text: string;
  /** Offsets into the raw text. */
  readonly start: number;
  readonly end: number;
  /** Index of the paragraph (line) the sentence is in. */
  readonly para: number;
}

const TERMINATORS = new Set(['.', '?', '!', '؟', '…']);
const CLOSERS = new Set(['"', '”', '’', "'", '»', ')', ']', '）']);
/** Lowercased words that end with a full stop without ending a sentence. */
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof gen col lt sgt capt maj brig cpl adm gov sen rep st mt ft no vs etc e.g i.e approx est ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec u.s u.n u.k e.u a.m p.m inc ltd co corp jr sr'
  ).split(' '),
);
/** Arabic one-letter abbreviations: د. (doctor), م. (AD year), هـ. (AH year), ص. (page), ج. (part). */
const AR_ABBREVIATIONS = new Set(['د', 'م', 'ه', 'هـ', 'ص', 'ج', 'أ']);

function wordBefore(text: string, at: number): string {
  let i = at;
  while (i > 0 && !/\s/.test(text[i - 1]!)) i--;
  return text.slice(i, at).replace(/^[("“'«]+/, '');
}

function isAbbreviation(word: string): boolean {
  if (word === '') return false;
  if (/^[A-Z]$/.test(word)) return true; // an initial: "John A. Smith"
  if (/^(?:[A-Za-z]\.)+[A-Za-z]$/.test(word)) return true; // U.S, e.g
  return ABBREVIATIONS.has(word.toLowerCase()) || AR_ABBREVIATIONS.has(word);
}

/** End offsets (exclusive) of the sentences of one paragraph [from, to). */
function sentenceEnds(text: string, from: number, to: number): number[] {
  const ends: number[] = [];
  for (let i = from; i < to; i++) {
    const c = text[i]!;
    if (!TERMINATORS.has(c)) continue;
    let j = i + 1;
    while (j < to && TERMINATORS.has(text[j]!)) j++;
    while (j < to && CLOSERS.has(text[j]!)) j++;
    if (j < to && !/\s/.test(text[j]!)) continue; // 2.5, U.S.A, "...".
    if (c === '.' && isAbbreviation(wordBefore(text, i))) continue;
    let k = j;
    while (k < to && /\s/.test(text[k]!)) k++;
    if (c === '.' && k < to && /[a-z]/.test(text[k]!)) continue;
    ends.push(j);
    i = j - 1;
  }
  return ends;
}

/** The sentences of a text, paragraph by paragraph, trimmed, empty ones dropped. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let para = 0;
  let from = 0;
  while (from <= text.length) {
    let to = text.indexOf('\n', from);
    if (to < 0) to = text.length;
    let start = from;
    let hadText = false;
    for (const end of [...sentenceEnds(text, from, to), to]) {
      const raw = text.slice(start, end);
      const lead = raw.length - raw.trimStart().length;
      const trimmed = raw.trim();
      if (trimmed !== '') {
        out.push({ text: trimmed, start: start + lead, end: start + lead + trimmed.length, para });
        hadText = true;
      }
      start = end;
    }
    if (hadText) para++;
    from = to + 1;
  }
  return out;
}
