// Evidence for a match: which terms matched, the exact surface, where, and a snippet. When an article
// carries several stories (a Hasakah report that ends with shelling in Idlib), the evidence comes from
// the paragraph with the most matched terms, then the most hits, then the earliest; not from the first hit.
import type { RawHit } from './scan';

export interface Hit {
  /** The watch term as the user wrote it. */
  readonly term: string;
  /** The text exactly as the article writes it. */
  readonly surface: string;
  readonly where: 'title' | 'body';
  /** Offsets into the title or the body (raw text). */
  readonly start: number;
  readonly end: number;
}

export interface TermHits {
  readonly term: string;
  readonly hits: readonly RawHit[];
}

const SNIPPET_CHARS = 280;
const HITS_PER_TERM = 3;

/** Start offsets of the body's paragraphs (split on line breaks). */
export function paragraphStarts(body: string): number[] {
  const starts = [0];
  for (let i = body.indexOf('\n'); i >= 0; i = body.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function segmentOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function bestSegment(terms: readonly TermHits[], starts: readonly number[]): number {
  const distinct = new Map<number, Set<number>>();
  const count = new Map<number, number>();
  terms.forEach((t, ti) => {
    for (const h of t.hits) {
      if (h.where !== 'body') continue;
      const s = segmentOf(starts, h.start);
      if (!distinct.has(s)) distinct.set(s, new Set());
      distinct.get(s)!.add(ti);
      count.set(s, (count.get(s) ?? 0) + 1);
    }
  });
  let best = -1;
  for (const s of distinct.keys()) {
    const d = distinct.get(s)!.size - (best < 0 ? 0 : distinct.get(best)!.size);
    const c = count.get(s)! - (best < 0 ? 0 : count.get(best)!);
    // Ties go to the earlier paragraph, whatever the order of the terms.
    const better = best < 0 || d > 0 || (d === 0 && (c > 0 || (c === 0 && s < best)));
    if (better) best = s;
  }
  return best;
}

/** Overlapping hits of one term (غويران inside حي غويران) keep the longest; own names first. */
export function distinctHits(hits: readonly RawHit[]): RawHit[] {
  const byLength = [...hits].sort((a, b) => b.end - b.start - (a.end - a.start));
  const kept: RawHit[] = [];
  for (const h of byLength)
    if (!kept.some((k) => k.where === h.where && k.start < h.end && h.start < k.end)) kept.push(h);
  return kept.sort(
    (a, b) => a.rank - b.rank || (a.where === b.where ? a.start - b.start : a.where === 'title' ? -1 : 1),
  );
}

export function buildEvidence(
  title: string,
  body: string,
  terms: readonly TermHits[],
  starts: readonly number[] = paragraphStarts(body),
): { hits: Hit[]; snippet: string } {
  const best = bestSegment(terms, starts);
  const hits: Hit[] = [];
  for (const term of terms) {
    const t = { term: term.term, hits: distinctHits(term.hits) };
    const inTitle = t.hits.filter((h) => h.where === 'title').slice(0, HITS_PER_TERM);
    const inBest = t.hits
      .filter((h) => h.where === 'body' && segmentOf(starts, h.start) === best)
      .slice(0, HITS_PER_TERM);
    const chosen = inTitle.length + inBest.length > 0 ? [...inTitle, ...inBest] : t.hits.slice(0, 1);
    for (const h of chosen) {
      const text = h.where === 'title' ? title : body;
      hits.push({ term: t.term, surface: text.slice(h.start, h.end), where: h.where, start: h.start, end: h.end });
    }
  }
  hits.sort((a, b) => (a.where === b.where ? a.start - b.start : a.where === 'title' ? -1 : 1));
  const firstInBest = hits.find((h) => h.where === 'body' && segmentOf(starts, h.start) === best);
  const snippet = firstInBest ? snippetAround(body, starts, best, firstInBest.start) : title.trim();
  return { hits, snippet };
}

/** Up to SNIPPET_CHARS of the paragraph around the hit, cut at spaces, with … where cut. */
export function snippetAround(body: string, starts: readonly number[], seg: number, at: number): string {
  const pStart = starts[seg]!;
  const pEnd = seg + 1 < starts.length ? starts[seg + 1]! - 1 : body.length;
  let from = Math.max(pStart, at - 100);
  if (from > pStart) {
    const sp = body.indexOf(' ', from);
    from = sp >= 0 && sp < at ? sp + 1 : from;
  }
  let to = Math.min(pEnd, from + SNIPPET_CHARS);
  if (to < pEnd) {
    const sp = body.lastIndexOf(' ', to);
    to = sp > at ? sp : to;
  }
  const text = body.slice(from, to).replace(/\s+/g, ' ').trim();
  return `${from > pStart ? '…' : ''}${text}${to < pEnd ? '…' : ''}`;
}
