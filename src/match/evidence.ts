// Evidence for a match: which terms matched, the exact surface, where, and a snippet. When an article
// carries several stories (a Hasakah report that ends with shelling in Idlib), the evidence comes from
// the paragraph with the most matched terms, then the most hits, then the earliest; not from the first hit.
// One evidence builder serves one matcher, article after article: what several matches of an article
// share (a term's distinct hits and their paragraphs, its chosen hits, a snippet) is computed once, and
// only for the terms of watches that matched. The paragraph offsets and counters live in typed arrays
// reused from one article to the next; the objects made for an article live in maps made for it.
import { isSpace } from '../text/space';
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

/** Overlapping hits of one term (غويران inside حي غويران) keep the longest; own names first. */
export function distinctHits(hits: readonly RawHit[]): RawHit[] {
  if (inOrder(hits)) return hits.slice();
  const byLength = [...hits].sort((a, b) => b.end - b.start - (a.end - a.start));
  const kept: RawHit[] = [];
  for (const h of byLength)
    if (!kept.some((k) => k.where === h.where && k.start < h.end && h.start < k.end)) kept.push(h);
  return kept.sort(
    (a, b) => a.rank - b.rank || (a.where === b.where ? a.start - b.start : a.where === 'title' ? -1 : 1),
  );
}

/**
 * Hits already as distinctHits returns them (one rank, title first, no two overlapping, in text
 * order): the usual case, as the scan finds them.
 */
function inOrder(hits: readonly RawHit[]): boolean {
  for (let i = 1; i < hits.length; i++) {
    const a = hits[i - 1]!;
    const b = hits[i]!;
    if (a.rank !== b.rank) return false;
    if (a.where === b.where ? a.end > b.start : a.where !== 'title') return false;
  }
  return true;
}

/** A term's hits as evidence needs them: distinct, and the paragraph of each body hit (-1 in the title). */
interface Prepared {
  readonly id: number;
  readonly hits: RawHit[];
  readonly segments: number[];
  /** The best paragraph when this term is the only one. */
  readonly best: number;
  /** The hits chosen and the snippet when this term is the only one, once built. */
  alone: Skeleton | null;
}

/** What evidence for a set of slots needs, whatever the terms are called: chosen hits and snippet. */
interface Skeleton {
  readonly chosen: readonly (readonly RawHit[])[];
  readonly snippet: string;
}

export interface EvidenceBuilder {
  /**
   * Starts an article: what was computed for the previous one is dropped. `otherSpaces` false says
   * the body has no whitespace but single ' ' and '\n' (the tokenizer saw it: Tokens.otherSpaces), so
   * no snippet needs its spaces collapsed.
   */
  reset(title: string, body: string, otherSpaces?: boolean): void;
  /** Evidence of one term (most evidence: a single-term watch, or one term of an OR found). */
  one(term: string, hits: readonly RawHit[]): Evidence;
  build(terms: readonly TermHits[]): Evidence;
}

export function createEvidenceBuilder(): EvidenceBuilder {
  let title = '';
  let body = '';
  // Paragraph starts of the body (computed on first use), and per paragraph: terms with a hit there,
  // hits there, the last term counted (scratch for bestSegment, all zero between calls).
  let starts = new Int32Array(64);
  let paragraphs = -1;
  let distinct = new Int32Array(64);
  let count = new Int32Array(64);
  let lastTerm = new Int32Array(64);
  const touched: number[] = [];
  let termStamp = 0;
  let prepared = new Map<readonly RawHit[], Prepared>();
  let skeletons: Map<string, Skeleton> | null = null;
  let snippets: Map<number, string> | null = null;
  /** The body's snippets may need spaces collapsed (see reset). */
  let collapse = true;

  const split = () => {
    paragraphs = 1;
    for (let i = body.indexOf('\n'); i >= 0; i = body.indexOf('\n', i + 1)) {
      if (paragraphs === starts.length) starts = grow(starts, paragraphs * 2);
      starts[paragraphs++] = i + 1;
    }
    if (distinct.length < paragraphs) {
      distinct = new Int32Array(paragraphs * 2);
      count = new Int32Array(paragraphs * 2);
      lastTerm = new Int32Array(paragraphs * 2);
    }
  };

  const segmentOf = (offset: number): number => {
    if (paragraphs < 0) split();
    let lo = 0;
    let hi = paragraphs - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };

  /** Paragraph with the most distinct terms, then the most hits (all hits, not only distinct ones). */
  const bestSegment = (terms: readonly (readonly RawHit[])[]): number => {
    for (const hits of terms) {
      termStamp++;
      for (const h of hits) {
        if (h.where !== 'body') continue;
        const s = segmentOf(h.start);
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

  /** The paragraph of a lone hit (bestSegment of one hit), with no counters touched. */
  const bestOfOne = (h: RawHit): number => (h.where === 'body' ? segmentOf(h.start) : -1);

  const prepare = (raw: readonly RawHit[]): Prepared => {
    let p = prepared.get(raw);
    if (!p) {
      const hits = raw.length === 1 ? [raw[0]!] : distinctHits(raw);
      const segments: number[] = new Array(hits.length);
      for (let i = 0; i < hits.length; i++) segments[i] = hits[i]!.where === 'body' ? segmentOf(hits[i]!.start) : -1;
      const best = raw.length === 1 ? bestOfOne(raw[0]!) : bestSegment([raw]);
      p = { id: prepared.size, hits, segments, best, alone: null };
      prepared.set(raw, p);
    }
    return p;
  };

  const snippet = (seg: number, at: number): string => {
    const k = seg * 2 ** 21 + at;
    snippets ??= new Map();
    let s = snippets.get(k);
    if (s === undefined) {
      s = snippetAround(body, starts, paragraphs, seg, at, collapse);
      snippets.set(k, s);
    }
    return s;
  };

  const skeletonOf = (ps: readonly Prepared[], best: number): Skeleton => {
    const chosen: RawHit[][] = new Array(ps.length);
    let first = -1;
    for (let i = 0; i < ps.length; i++) {
      const p = ps[i]!;
      const c = pick(p, best);
      chosen[i] = c.length > 0 ? c : p.hits.slice(0, 1);
      for (const h of chosen[i]!)
        if (h.where === 'body' && (first < 0 || h.start < first) && segmentOf(h.start) === best) first = h.start;
    }
    return { chosen, snippet: first >= 0 ? snippet(best, first) : title.trim() };
  };

  const hitOf = (term: string, h: RawHit): Hit => ({
    term,
    surface: (h.where === 'title' ? title : body).slice(h.start, h.end),
    where: h.where,
    start: h.start,
    end: h.end,
  });

  const one = (term: string, raw: readonly RawHit[]): Evidence => {
    if (raw.length === 1) {
      // One hit (most terms in most articles): it is the evidence, its paragraph the snippet's (what
      // prepare, skeletonOf and pick give for it, without their lists).
      const h = raw[0]!;
      return {
        hits: [hitOf(term, h)],
        snippet: h.where === 'body' ? snippet(segmentOf(h.start), h.start) : title.trim(),
      };
    }
    const p = prepare(raw);
    p.alone ??= skeletonOf([p], p.best);
    const chosen = p.alone.chosen[0]!;
    const hits: Hit[] = new Array(chosen.length);
    for (let i = 0; i < chosen.length; i++) hits[i] = hitOf(term, chosen[i]!);
    if (hits.length > 1) hits.sort(textOrder);
    return { hits, snippet: p.alone.snippet };
  };

  return {
    reset(t, b, otherSpaces = true) {
      title = t;
      body = b;
      collapse = otherSpaces;
      paragraphs = -1;
      prepared = new Map();
      skeletons = null;
      snippets = null;
    },
    one,
    build(terms) {
      if (terms.length === 1) return one(terms[0]!.term, terms[0]!.hits);
      const ps = terms.map((t) => prepare(t.hits));
      const key = ps.map((p) => p.id).join(',');
      skeletons ??= new Map();
      let sk = skeletons.get(key);
      if (!sk) {
        sk = skeletonOf(ps, bestSegment(terms.map((t) => t.hits)));
        skeletons.set(key, sk);
      }
      const hits: Hit[] = [];
      for (let i = 0; i < terms.length; i++) for (const h of sk.chosen[i]!) hits.push(hitOf(terms[i]!.term, h));
      if (hits.length > 1) hits.sort(textOrder);
      return { hits, snippet: sk.snippet };
    },
  };
}

/** Title first, then by offset. */
const textOrder = (a: Hit, b: Hit) => (a.where === b.where ? a.start - b.start : a.where === 'title' ? -1 : 1);

const grow = (a: Int32Array, size: number) => {
  const b = new Int32Array(size);
  b.set(a);
  return b;
};

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

/** Evidence for one article and one set of terms. */
export function buildEvidence(title: string, body: string, terms: readonly TermHits[]): Evidence {
  const builder = createEvidenceBuilder();
  builder.reset(title, body);
  return builder.build(terms);
}

/** Up to SNIPPET_CHARS of the paragraph around the hit, cut at spaces, with … where cut. */
export function snippetAround(
  body: string,
  starts: ArrayLike<number>,
  paragraphs: number,
  seg: number,
  at: number,
  /** False when the paragraph has no whitespace but single ' ' (the snippet is then cut and trimmed only). */
  collapse = true,
): string {
  const pStart = starts[seg]!;
  const pEnd = seg + 1 < paragraphs ? starts[seg + 1]! - 1 : body.length;
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
  return `${from > pStart ? '…' : ''}${collapseSpaces(body, from, to, collapse)}${to < pEnd ? '…' : ''}`;
}

/** 1 for the code units JavaScript's \s matches (WhiteSpace and LineTerminator). */
const SPACE = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) if (isSpace(c)) SPACE[c] = 1;

/** A run that `replace(/\s+/g, ' ')` would change: a space other than ' ', or ' ' before another space. */
const IRREGULAR_SPACE = /[^\S ]| \s/;

/**
 * text.slice(from, to).replace(/\s+/g, ' ').trim(); one slice when the only spaces are single ' '
 * (a RegExp test, in native code, is several times faster than a loop over the characters). With
 * `irregular` false the caller knows there are none, and the test is skipped (~4% of a match).
 */
export function collapseSpaces(text: string, from: number, to: number, irregular = true): string {
  while (from < to && SPACE[text.charCodeAt(from)]) from++;
  while (to > from && SPACE[text.charCodeAt(to - 1)]) to--;
  const s = text.slice(from, to);
  return irregular && IRREGULAR_SPACE.test(s) ? s.replace(/\s+/g, ' ') : s;
}
