// An article can carry more than one story (seed 000: Hasakah prison, then "in a separate context"
// shelling in Idlib). A new story starts at a paragraph that opens with a topic-shift phrase; the
// phrases are data. "في سياق متصل" (in a related context) continues the story, so it is not here.
import { matchKey } from '../text/normalize';

export const TOPIC_SHIFTS: readonly string[] = [
  'في سياق منفصل',
  'في سياق آخر',
  'وفي سياق آخر',
  'وفي سياق منفصل',
  'على صعيد آخر',
  'وعلى صعيد آخر',
  'في شأن آخر',
  'وفي شأن آخر',
  'من جهة أخرى',
  'في خبر آخر',
  'في تطور منفصل',
  'in other news',
  'separately',
  'elsewhere',
  'in a separate development',
  'in a separate incident',
  'meanwhile in',
];

const SHIFT_KEYS = TOPIC_SHIFTS.map((p) => matchKey(p));

export interface Segment {
  /** Offsets into the text. */
  readonly start: number;
  readonly end: number;
  /** First and last paragraph (line) index, inclusive. */
  readonly firstPara: number;
  readonly lastPara: number;
}

/** True when a paragraph opens a new story. */
export function opensNewStory(paragraph: string): boolean {
  const key = matchKey(paragraph.slice(0, 80));
  return SHIFT_KEYS.some((k) => key === k || key.startsWith(`${k} `));
}

/** The story segments of a text; a text without topic shifts is one segment. */
export function segmentText(text: string): Segment[] {
  const segments: Segment[] = [];
  let para = -1;
  let cur: { start: number; firstPara: number } | null = null;
  let lastEnd = 0;
  let lastPara = 0;
  for (let from = 0; from <= text.length; ) {
    let to = text.indexOf('\n', from);
    if (to < 0) to = text.length;
    const line = text.slice(from, to);
    if (line.trim() !== '') {
      para++;
      if (cur && opensNewStory(line.trim())) {
        segments.push({ start: cur.start, end: lastEnd, firstPara: cur.firstPara, lastPara });
        cur = null;
      }
      cur ??= { start: from, firstPara: para };
      lastEnd = to;
      lastPara = para;
    }
    from = to + 1;
  }
  if (cur) segments.push({ start: cur.start, end: lastEnd, firstPara: cur.firstPara, lastPara });
  return segments.length > 0 ? segments : [{ start: 0, end: text.length, firstPara: 0, lastPara: 0 }];
}

/** The segment holding most of the hits (the earliest on a tie); the first when there are none. */
export function segmentOfHits(segments: readonly Segment[], hits: readonly { start: number; end: number }[]): number {
  let best = 0;
  let bestCount = 0;
  segments.forEach((s, i) => {
    const n = hits.filter((h) => h.start >= s.start && h.start < s.end).length;
    if (n > bestCount) {
      best = i;
      bestCount = n;
    }
  });
  return best;
}
