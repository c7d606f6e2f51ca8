// The matcher: compile all watches once (./compile), then per article: the hits of each slot
// (./slot-hits: one scan of title and body), evaluate only the watches that had a hit (./watch-eval:
// bit masks, no allocation), and build evidence (./evidence) only for the watches that matched, once
// per distinct set of matched terms. Pure: no I/O, no clock.
import { compileQueries } from './compile';
import type { MatchContext } from './context';
import { createEvidenceBuilder, type Evidence, type Hit, type TermHits } from './evidence';
import type { Query } from './query';
import type { RawHit } from './scan';
import { createSlotHits } from './slot-hits';
import { compileEvaluators } from './watch-eval';
import { planWatches } from './watch-plan';

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

/**
 * Matches come in the order of the watches given. Watches whose query is a single term (most of
 * them) are matched by slot, without evaluating anything; the others through ./watch-eval.
 */
export function compileWatches(watches: readonly { id: number | string; query: Query }[], ctx: MatchContext): Matcher {
  const compiled = compileQueries(watches, ctx);
  const hits = createSlotHits(compiled);
  const evaluators = compileEvaluators(compiled.watches.map((w) => w.query));
  const plan = planWatches(compiled.watches, compiled.slotCount);
  const ids = compiled.watches.map((w) => w.id);
  // Per article: the matched watches, the evidence of each (an index into the article's evidence
  // list: long-lived arrays hold no per-article objects), a watch's terms found (reused buffers).
  const matched = new Int32Array(compiled.watches.length);
  const evidenceOf = new Int32Array(compiled.watches.length);
  const present = new Int32Array(compiled.watches.reduce((m, w) => Math.max(m, w.query.terms.length), 1));
  // Two evidence ids make one number while ids stay under 2^21 (a couple of million terms).
  const pairKeys = plan.idCount < 2 ** 21;

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
      const evidence: Evidence[] = [];
      const cache = new Map<number | string, number>();
      const evidenceFor = (key: number | string, terms: () => TermHits[]): number => {
        let e = cache.get(key);
        if (e === undefined) {
          e = evidence.push(builder.build(terms())) - 1;
          cache.set(key, e);
        }
        return e;
      };
      let count = 0;
      evaluators.reset();
      for (const slot of hits.slots) {
        evaluators.mark(plan.users, plan.userStart[slot]!, plan.userStart[slot + 1]!);
        for (const g of plan.groupsOf(slot) ?? []) {
          const e = evidenceFor(g.evidence, () => [{ term: g.term, hits: hits.hitsOf(slot) }]);
          for (const wi of g.watches) {
            evidenceOf[wi] = e;
            matched[count++] = wi;
          }
        }
      }
      for (const wi of evaluators.matched()) {
        const n = evaluators.present(wi, present);
        const key =
          n === 1
            ? plan.termId(wi, present[0]!)
            : n === 2 && pairKeys
              ? plan.termId(wi, present[0]!) * 2 ** 21 + plan.termId(wi, present[1]!)
              : Array.from(present.subarray(0, n), (ti) => plan.termId(wi, ti)).join(',');
        evidenceOf[wi] = evidenceFor(key, () => {
          const w = compiled.watches[wi]!;
          return Array.from(present.subarray(0, n), (ti) => ({
            term: w.query.terms[ti]!.raw,
            hits: hits.hitsOf(w.slots[ti]!),
          }));
        });
        matched[count++] = wi;
      }
      const order = matched.subarray(0, count).sort();
      const out: Match[] = new Array(count);
      for (let k = 0; k < count; k++) {
        const wi = order[k]!;
        const ev = evidence[evidenceOf[wi]!]!;
        out[k] = { watchId: ids[wi]!, hits: ev.hits, snippet: ev.snippet };
      }
      return out;
    },
  };
}
