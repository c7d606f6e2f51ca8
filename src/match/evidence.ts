// Evidence for a match: which terms matched, the exact surface, where, and a snippet. When an article
// carries several stories (a Hasakah report that ends with shelling in Idlib), the evidence comes from
// the paragraph with the most matched terms, then the most hits, then the earliest; not from the first hit.
// One evidence builder serves one article: what several matches share (a term's distinct hits and
// their paragraphs, a snippet) is computed once.
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

export interface Evidence {
  readonly hits: Hit[];
  readonly snippet: string;
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

/** A term's hits as evidence needs them: distinct, and the paragraph of each body hit (-1 in the title). */
interface Prepared {
  readonly id: number;
  readonly hits: RawHit[];
  readonly segments: Int32Array;
  /** The best paragraph when this term is the only one. */
  readonly best: number;
  /** The skeleton when this term is the only one, once built. */
  alone: Skeleton | null;
}

export interface EvidenceBuilder {
  build(terms: readonly TermHits[]): Evidence;
}

/** What evidence for a set of slots needs, whatever the terms are called: chosen hits and snippet. */
interface Skeleton {
  readonly chosen: readonly (readonly RawHit[])[];
  readonly snippet: string;
}

export function createEvidenceBuilder(title: string, body: string): EvidenceBuilder {
  const starts = paragraphStarts(body);
  const prepared = new Map<readonly RawHit[], Prepared>();
  const skeletons = new Map<number | string, Skeleton>();
  const snippets = new Map<number, string>();

  // Per paragraph: terms with a hit there, hits there, the last term counted (scratch for bestSegment).
  const distinct = new Int32Array(starts.length);
  const count = new Int32Array(starts.length);
  const lastTerm = new Int32Array(starts.length);
  const touched: number[] = [];
  let termStamp = 0;

  /** Paragraph with the most distinct terms, then the most hits (all hits, not only distinct ones). */
  const bestSegment = (terms: readonly (readonly RawHit[])[]): number => {
    for (const hits of terms) {
      termStamp++;
      for (const h of hits) {
        if (h.where !== 'body') continue;
        const s = segmentOf(starts, h.start);
        if (count[s] === 0) touched.push(s);
        if (lastTerm[s] !== termStamp) {
          lastTerm[s] = termStamp;
          distinct[s]!++;
        }
        count[s]!++;
      }
    }
    let best = -1;
    for (const s of touched) {
      // Ties go to the earlier paragraph, whatever the order of the terms.
      if (best < 0 || distinct[s]! > distinct[best]!) best = s;
      else if (distinct[s] === distinct[best] && (count[s]! > count[best]! || (count[s] === count[best] && s < best)))
        best = s;
    }
    for (const s of touched) {
      distinct[s] = 0;
      count[s] = 0;
    }
    touched.length = 0;
    return best;
  };

  const prepare = (raw: readonly RawHit[]): Prepared => {
    let p = prepared.get(raw);
    if (!p) {
      const hits = raw.length === 1 ? [raw[0]!] : distinctHits(raw);
      const segments = new Int32Array(hits.length);
      for (let i = 0; i < hits.length; i++)
        segments[i] = hits[i]!.where === 'body' ? segmentOf(starts, hits[i]!.start) : -1;
      p = { id: prepared.size, hits, segments, best: bestSegment([raw]), alone: null };
      prepared.set(raw, p);
    }
    return p;
  };

  const snippet = (seg: number, at: number): string => {
    const k = seg * 2 ** 21 + at;
    let s = snippets.get(k);
    if (s === undefined) {
      s = snippetAround(body, starts, seg, at);
      snippets.set(k, s);
    }
    return s;
  };

  const skeleton = (terms: readonly TermHits[]): Skeleton => {
    if (terms.length === 1) {
      // Most evidence: one term (a single-term watch, or one term of an OR found).
      const p = prepare(terms[0]!.hits);
      p.alone ??= skeletonOf([p], terms);
      return p.alone;
    }
    const ps = terms.map((t) => prepare(t.hits));
    const key = ps.map((p) => p.id).join(',');
    let sk = skeletons.get(key);
    if (!sk) {
      sk = skeletonOf(ps, terms);
      skeletons.set(key, sk);
    }
    return sk;
  };

  const skeletonOf = (ps: readonly Prepared[], terms: readonly TermHits[]): Skeleton => {
    const best = ps.length === 1 ? ps[0]!.best : bestSegment(terms.map((t) => t.hits));
    const chosen = ps.map((p) => {
      const c = pick(p, best);
      return c.length > 0 ? c : p.hits.slice(0, 1);
    });
    let first = -1;
    for (const c of chosen)
      for (const h of c)
        if (h.where === 'body' && (first < 0 || h.start < first) && segmentOf(starts, h.start) === best)
          first = h.start;
    return { chosen, snippet: first >= 0 ? snippet(best, first) : title.trim() };
  };

  return {
    build(terms) {
      const sk = skeleton(terms);
      const hits: Hit[] = [];
      for (let i = 0; i < terms.length; i++)
        for (const h of sk.chosen[i]!)
          hits.push({
            term: terms[i]!.term,
            surface: (h.where === 'title' ? title : body).slice(h.start, h.end),
            where: h.where,
            start: h.start,
            end: h.end,
          });
      if (hits.length > 1)
        hits.sort((a, b) => (a.where === b.where ? a.start - b.start : a.where === 'title' ? -1 : 1));
      return { hits, snippet: sk.snippet };
    },
  };
}

/** Up to HITS_PER_TERM hits in the title and as many in the best paragraph. */
function pick(p: Prepared, seg: number): RawHit[] {
  const out: RawHit[] = [];
  let inTitle = 0;
  let inBest = 0;
  for (let i = 0; i < p.hits.length; i++) {
    const s = p.segments[i]!;
    if (s < 0 && inTitle < HITS_PER_TERM) {
      out.push(p.hits[i]!);
      inTitle++;
    }
  }
  for (let i = 0; i < p.hits.length; i++) {
    const s = p.segments[i]!;
    if (s >= 0 && s === seg && inBest < HITS_PER_TERM) {
      out.push(p.hits[i]!);
      inBest++;
    }
  }
  return out;
}

/** Evidence for one article and one set of terms (a builder per article shares work between matches). */
export function buildEvidence(title: string, body: string, terms: readonly TermHits[]): Evidence {
  return createEvidenceBuilder(title, body).build(terms);
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
  return `${from > pStart ? '…' : ''}${collapseSpaces(body, from, to)}${to < pEnd ? '…' : ''}`;
}

/** 1 for the code units JavaScript's \s matches (WhiteSpace and LineTerminator). */
const SPACE = new Uint8Array(0x10000);
for (const c of [9, 10, 11, 12, 13, 32, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]) SPACE[c] = 1;
for (let c = 0x2000; c <= 0x200a; c++) SPACE[c] = 1;

/** text.slice(from, to).replace(/\s+/g, ' ').trim(); one slice when the only spaces are single ' '. */
export function collapseSpaces(text: string, from: number, to: number): string {
  while (from < to && SPACE[text.charCodeAt(from)]) from++;
  while (to > from && SPACE[text.charCodeAt(to - 1)]) to--;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (SPACE[c] && (c !== 0x20 || SPACE[text.charCodeAt(i + 1)])) return text.slice(from, to).replace(/\s+/g, ' ');
  }
  return text.slice(from, to);
}
