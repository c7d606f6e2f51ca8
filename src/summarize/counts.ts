// Counts with what they count ("about 20 prisoners escaped", "مقتل 17"). Never invented: a number
// becomes a count only in one of these patterns, where a lexicon trigger (config/event-lexicon.yaml
// `counts`) stands right next to it, inside one clause:
//   A. trigger [approx] N [subject]          مقتل 17 · هروب 20 محتجزاً · killing 8 civilians · أصيب خمسة عناصر
//   B. [approx] N [من] [subject] [≤3 words] trigger
//                                            نجاح 20 سجيناً بالهروب · 8 قتلى · about 20 prisoners escaped
// Between N and the trigger in B there is no punctuation and no other number.
import type { Lexicon, LexiconEntry } from './lexicon';
import { numberAt } from './numbers';
import { matchesAt, type Word } from './words';

export interface Count {
  readonly id: string;
  readonly value: number;
  readonly approx: LexiconEntry | null;
  readonly subject: LexiconEntry | null;
  /** Offsets of the whole pattern in the text. */
  readonly start: number;
  readonly end: number;
}

/** Length in words of the first entry phrase at `at`, with the entry. */
function phraseAt(words: readonly Word[], at: number, entries: readonly LexiconEntry[]) {
  for (const e of entries)
    for (const p of e.phrases) if (matchesAt(words, at, p)) return { entry: e, length: p.length };
  return null;
}

/** A phrase that ends right before word `end` (exclusive). */
function phraseEndingAt(words: readonly Word[], end: number, entries: readonly LexiconEntry[]) {
  for (const e of entries)
    for (const p of e.phrases)
      if (end - p.length >= 0 && matchesAt(words, end - p.length, p)) return { entry: e, start: end - p.length };
  return null;
}

const CLAUSE_BREAK = /[.!?؟,،;؛:\n()"“”«»]/;
const gapIsClean = (text: string, words: readonly Word[], a: number, b: number) =>
  !CLAUSE_BREAK.test(text.slice(words[a]!.end, words[b]!.start));
const FROM = new Set(['من', 'of']);

export function findCounts(text: string, words: readonly Word[], lex: Lexicon): Count[] {
  const out: Count[] = [];
  for (let i = 0; i < words.length; i++) {
    const n = numberAt(text, words, i);
    if (!n) continue;
    const approx = phraseEndingAt(words, i, lex.approx);
    const before = approx ? approx.start : i;
    // A: trigger immediately before (the approx word may sit between).
    const trig =
      before > 0 && gapIsClean(text, words, before - 1, i) ? phraseEndingAt(words, before, lex.counts) : null;
    let j = n.last + 1;
    if (words[j] && FROM.has(words[j]!.key) && gapIsClean(text, words, n.last, j)) j++;
    const subj = words[j] && gapIsClean(text, words, n.last, j) ? phraseAt(words, j, lex.subjects) : null;
    const afterSubject = subj ? j + subj.length : n.last + 1;
    if (trig) {
      const end = subj ? words[afterSubject - 1]!.end : words[n.last]!.end;
      out.push(count(trig.entry, n.value, approx, subj, words[trig.start]!.start, end));
      i = n.last;
      continue;
    }
    // B: trigger after the number (and its subject), within 3 clean words without numbers.
    const maxGap = subj ? 3 : 0;
    for (let k = afterSubject; k <= afterSubject + maxGap && k < words.length; k++) {
      if (!gapIsClean(text, words, n.last, k) || (k > afterSubject && numberAt(text, words, k - 1))) break;
      const t = phraseAt(words, k, lex.counts);
      if (t) {
        out.push(count(t.entry, n.value, approx, subj, words[before]!.start, words[k + t.length - 1]!.end));
        i = k;
        break;
      }
    }
  }
  return out;
}

function count(
  entry: LexiconEntry,
  value: number,
  approx: { entry: LexiconEntry } | null,
  subj: { entry: LexiconEntry } | null,
  start: number,
  end: number,
): Count {
  return { id: entry.id, value, approx: approx?.entry ?? null, subject: subj?.entry ?? null, start, end };
}
