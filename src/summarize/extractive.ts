// Extractive summary: 2–3 sentences of the article, in its language, chosen for the watch that
// matched. Rules:
//  1. Boilerplate lines never count (./boilerplate); a wire dateline is trimmed off.
//  2. When the article carries several stories (./segments), only the segment with most watch hits
//     is used: an Idlib watch gets the Idlib sentences of a Hasakah report.
//  3. Score = lead position + watch hits + place names + numbers, with very short lines penalized.
//  4. Best sentences first while they fit in maxChars, then shown in article order; a single sentence
//     that does not fit is cut at a word boundary with "…".
import { boilerplateRule, DATELINE, isListLine } from './boilerplate';
import { segmentOfHits, segmentText } from './segments';
import { type Sentence, splitSentences } from './sentences';

export interface ExtractiveInput {
  readonly title: string;
  readonly text: string;
  readonly lang: string;
  /** Watch hits: offsets into `text`. */
  readonly hits?: readonly { start: number; end: number }[];
  /** Place names as the article writes them. */
  readonly places?: readonly string[];
  readonly maxChars?: number;
  readonly maxSentences?: number;
}

export interface ExtractiveSummary {
  readonly sentences: string[];
  readonly text: string;
  /** Offsets of the chosen sentences in `text` (empty when the title stands in). */
  readonly spans: { start: number; end: number }[];
}

const W = { lead: 3, second: 1.5, hit: 2, place: 1, number: 0.75, short: -3 } as const;

/** Paragraph indexes that are boilerplate, including the short lines under a "read also" header. */
function boilerplateParagraphs(text: string): Set<number> {
  const out = new Set<number>();
  let inList = false;
  let para = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const rule = boilerplateRule(line.trim());
    if (rule || (inList && isListLine(line))) out.add(para);
    inList = rule ? rule.list : inList && isListLine(line);
    para++;
  }
  return out;
}

function score(s: Sentence, rank: number, input: ExtractiveInput): number {
  let v = rank === 0 ? W.lead : rank === 1 ? W.second : 1 / (1 + rank);
  const hits = (input.hits ?? []).filter((h) => h.start >= s.start && h.start < s.end).length;
  v += W.hit * Math.min(hits, 3);
  const places = (input.places ?? []).filter((p) => p !== '' && s.text.includes(p)).length;
  v += W.place * Math.min(places, 2);
  if (/[0-9\u0660-\u0669]/.test(s.text)) v += W.number;
  if (s.text.split(/\s+/).length < 6) v += W.short;
  return v;
}

/** Cuts at the last word boundary that fits and adds "…". */
export function truncateAtWord(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const cut = text.slice(0, Math.max(1, maxChars - 1));
  const space = cut.lastIndexOf(' ');
  return `${(space > maxChars / 3 ? cut.slice(0, space) : cut).replace(/[\s,،;؛:]+$/, '')}…`;
}

function clean(s: Sentence): Sentence {
  const m = DATELINE.exec(s.text);
  return m ? { ...s, text: s.text.slice(m[0].length), start: s.start + m[0].length } : s;
}

type Ranked = { s: Sentence; i: number; v: number };

/** The set of at most `k` sentences with the highest total score that fits in maxChars (small: ≤ 12 choose 3). */
function bestSet(ranked: readonly Ranked[], maxChars: number, k: number): Ranked[] {
  let best: Ranked[] = [];
  let bestScore = Number.NEGATIVE_INFINITY;
  const walk = (from: number, set: Ranked[], chars: number, total: number) => {
    if (set.length > 0 && total > bestScore) {
      best = [...set];
      bestScore = total;
    }
    if (set.length === k) return;
    for (let j = from; j < ranked.length; j++) {
      const c = ranked[j]!;
      const cost = chars + c.s.text.length + (set.length > 0 ? 1 : 0);
      if (cost <= maxChars) walk(j + 1, [...set, c], cost, total + c.v);
    }
  };
  walk(0, [], 0, 0);
  return best;
}

export function extractiveSummary(input: ExtractiveInput): ExtractiveSummary {
  const maxChars = input.maxChars ?? 400;
  const maxSentences = input.maxSentences ?? 3;
  const skip = boilerplateParagraphs(input.text);
  const segments = segmentText(input.text);
  const seg = segments[segmentOfHits(segments, input.hits ?? [])]!;
  const candidates = splitSentences(input.text)
    .filter((s) => s.start >= seg.start && s.start < seg.end && !skip.has(s.para) && !boilerplateRule(s.text))
    .map(clean);
  if (candidates.length === 0) {
    const title = truncateAtWord(input.title.trim(), maxChars);
    return { sentences: title ? [title] : [], text: title, spans: [] };
  }
  const ranked = candidates.map((s, i) => ({ s, i, v: score(s, i, input) })).sort((a, b) => b.v - a.v || a.i - b.i);
  const chosen = bestSet(ranked.slice(0, 12), maxChars, maxSentences);
  if (chosen.length === 0) {
    const best = ranked[0]!;
    const text = truncateAtWord(best.s.text, maxChars);
    return { sentences: [text], text, spans: [{ start: best.s.start, end: best.s.end }] };
  }
  chosen.sort((a, b) => a.i - b.i);
  const sentences = chosen.map((c) => c.s.text);
  return { sentences, text: sentences.join(' '), spans: chosen.map((c) => ({ start: c.s.start, end: c.s.end })) };
}
