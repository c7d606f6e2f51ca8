// The matcher: compile all watches once (./compile), then per article: the hits of each slot
// (./slot-hits: one scan of title and body), evaluate only the watches that had a hit (./watch-eval:
// bit masks, no allocation), and build evidence (./evidence) only for the watches that matched, once
// per distinct set of matched terms. Pure: no I/O, no clock.
import { compileQueries } from './compile';
import type { MatchContext } from './context';
import { createEvidenceBuilder, type Evidence, type Hit } from './evidence';
import type { Query } from './query';
import type { RawHit } from './scan';
import { createSlotHits } from './slot-hits';
import { compileEvaluators } from './watch-eval';

export type { Hit } from './evidence';

export interface Match {
  readonly watchId: number | string;
  readonly hits: readonly Hit[];
  readonly snippet: string;
}

export interface MatchArticle {
  readonly title: string;
  readonly text: string;
  readonly lang?: string | null;
}

export interface Matcher {
  match(article: MatchArticle): Match[];
  /** Hits of each slot, for callers that need raw term hits (geotagging, entities). */
  scan(article: MatchArticle): Map<number, RawHit[]>;
  readonly watchCount: number;
}

/** Watches whose query is one term, on one slot, written alike: matched and evidenced together. */
interface Group {
  readonly term: string;
  readonly evidence: number;
  readonly watches: number[];
}

/**
 * Matches come in the order of the watches given. Watches whose query is a single term (most of
 * them) are matched by slot, without evaluating anything; the others through ./watch-eval.
 */
export function compileWatches(watches: readonly { id: number | string; query: Query }[], ctx: MatchContext): Matcher {
  const compiled = compileQueries(watches, ctx);
  const hits = createSlotHits(compiled);
  const evaluators = compileEvaluators(compiled.watches.map((w) => w.query));
  // Evidence is shared by watches that matched through the same terms written the same way (many
  // users follow ISIS): each (slot, term as written) pair gets an id.
  const evidenceIds = new Map<string, number>();
  const idOf = (slot: number, term: string) => {
    const k = `${slot}\u0000${term}`;
    let id = evidenceIds.get(k);
    if (id === undefined) {
      id = evidenceIds.size;
      evidenceIds.set(k, id);
    }
    return id;
  };
  const termIds = compiled.watches.map((w) => Int32Array.from(w.query.terms, (t, ti) => idOf(w.slots[ti]!, t.raw)));
  const groups: Group[][] = compiled.slotUsers.map(() => []);
  const evaluated: number[][] = compiled.slotUsers.map(() => []);
  compiled.watches.forEach((w, wi) => {
    const root = w.query.root;
    if (root.kind !== 'term') {
      for (const [ti, slot] of w.slots.entries()) evaluated[slot]!.push(wi, ti);
      return;
    }
    const slot = w.slots[root.term]!;
    const evidence = termIds[wi]![root.term]!;
    const group = groups[slot]!.find((g) => g.evidence === evidence);
    if (group) group.watches.push(wi);
    else groups[slot]!.push({ term: w.query.terms[root.term]!.raw, evidence, watches: [wi] });
  });
  const users = evaluated.map((u) => Int32Array.from(u));
  // Per article: the matched watches, their evidence, a watch's terms found (reused buffers).
  const matched = new Int32Array(compiled.watches.length);
  const evidenceOf: Evidence[] = [];
  const present = new Int32Array(compiled.watches.reduce((m, w) => Math.max(m, w.query.terms.length), 1));
  // Two term ids make one number while ids stay under 2^21 (some hundred thousand terms).
  const pairKeys = evidenceIds.size < 2 ** 21;

  return {
    watchCount: compiled.watches.length,
    scan(article) {
      hits.collect(article);
      return new Map(hits.slots.map((slot) => [slot, [...hits.hitsOf(slot)]]));
    },
    match(article) {
      hits.collect(article);
      if (hits.slots.length === 0) return [];
      const builder = createEvidenceBuilder(article.title, article.text);
      const cache = new Map<number | string, Evidence>();
      let count = 0;
      evaluators.reset();
      for (const slot of hits.slots) {
        evaluators.mark(users[slot]!);
        for (const g of groups[slot]!) {
          let ev = cache.get(g.evidence);
          if (!ev) {
            ev = builder.build([{ term: g.term, hits: hits.hitsOf(slot) }]);
            cache.set(g.evidence, ev);
          }
          for (const wi of g.watches) {
            evidenceOf[wi] = ev;
            matched[count++] = wi;
          }
        }
      }
      for (const wi of evaluators.matched()) {
        const ids = termIds[wi]!;
        let n = 0;
        for (const ti of evaluators.positives(wi)) if (evaluators.has(wi, ti)) present[n++] = ti;
        const key =
          n === 1
            ? ids[present[0]!]!
            : n === 2 && pairKeys
              ? ids[present[0]!]! * 2 ** 21 + ids[present[1]!]!
              : Array.from(present.subarray(0, n), (ti) => ids[ti]).join(',');
        let ev = cache.get(key);
        if (!ev) {
          const w = compiled.watches[wi]!;
          const terms = Array.from(present.subarray(0, n), (ti) => ({
            term: w.query.terms[ti]!.raw,
            hits: hits.hitsOf(w.slots[ti]!),
          }));
          ev = builder.build(terms);
          cache.set(key, ev);
        }
        evidenceOf[wi] = ev;
        matched[count++] = wi;
      }
      const order = matched.subarray(0, count).sort();
      const out: Match[] = new Array(count);
      for (let k = 0; k < count; k++) {
        const wi = order[k]!;
        const ev = evidenceOf[wi]!;
        out[k] = { watchId: compiled.watches[wi]!.id, hits: ev.hits, snippet: ev.snippet };
      }
      return out;
    },
  };
}
