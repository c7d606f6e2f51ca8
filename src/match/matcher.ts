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
  const plan = planWatches(compiled.watches, compiled.slotCount);
  const { users, userStart, groupStart, groupEvidence, watchStart, groupWatches, evaluated, idRaw, idSlot } = plan;
  const evaluators = compileEvaluators(Array.from(evaluated, (wi) => compiled.watches[wi]!.query));
  const ids = compiled.watches.map((w) => w.id);
  // Per article: the matched watches, the evidence of each (an index into the article's evidence
  // list: long-lived arrays hold no per-article objects).
  const matched = new Int32Array(compiled.watches.length);
  const evidenceOf = new Int32Array(compiled.watches.length);
  // A watch's terms found (a reused buffer).
  const present = new Int32Array(compiled.watches.reduce((m, w) => Math.max(m, w.query.terms.length), 1));
  // Evidence of one (slot, term as written), by its id: evidence[evidenceAt[id]] when stamp[id] is
  // the article's.
  const stamp = new Int32Array(plan.idCount);
  const evidenceAt = new Int32Array(plan.idCount);
  let article = 0;
  // Two evidence ids make one number while ids stay under 2^21 (a couple of million terms).
  const pairKeys = plan.idCount < 2 ** 21;
  const builder = createEvidenceBuilder();
  /** Evidence of several terms by their ids, made for an article when needed. */
  let cache: Map<number | string, number> | null = null;

  /** The evidence index of one term (evidence id `id`), built on first use in this article. */
  const single = (evidence: Evidence[], id: number): number => {
    if (stamp[id] === article) return evidenceAt[id]!;
    stamp[id] = article;
    evidenceAt[id] = evidence.length;
    evidence.push(builder.one(idRaw[id]!, hits.hitsOf(idSlot[id]!)));
    return evidence.length - 1;
  };

  /** The evidence index of the terms found of evaluated watch e (n > 1), built on first use in this article. */
  const several = (evidence: Evidence[], e: number, n: number): number => {
    let key: number | string;
    if (n === 2 && pairKeys) key = plan.termId(e, present[0]!) * 2 ** 21 + plan.termId(e, present[1]!);
    else {
      key = `${plan.termId(e, present[0]!)}`;
      for (let k = 1; k < n; k++) key += `,${plan.termId(e, present[k]!)}`;
    }
    if (cache === null) cache = new Map();
    let at = cache.get(key);
    if (at === undefined) {
      const terms: TermHits[] = new Array(n);
      for (let k = 0; k < n; k++) {
        const id = plan.termId(e, present[k]!);
        terms[k] = { term: idRaw[id]!, hits: hits.hitsOf(idSlot[id]!) };
      }
      at = evidence.push(builder.build(terms)) - 1;
      cache.set(key, at);
    }
    return at;
  };

  return {
    watchCount: compiled.watches.length,
    scan(article) {
      hits.collect(article);
      return new Map(hits.slots.map((slot) => [slot, [...hits.hitsOf(slot)]]));
    },
    match(input) {
      hits.collect(input);
      const slots = hits.slots;
      if (slots.length === 0) return [];
      builder.reset(input.title, input.text, hits.bodyOtherSpaces);
      article++;
      const evidence: Evidence[] = [];
      let count = 0;
      evaluators.reset();
      for (let j = 0; j < slots.length; j++) {
        const slot = slots[j]!;
        const from = userStart[slot]!;
        const to = userStart[slot + 1]!;
        if (from !== to) evaluators.mark(users, from, to);
        for (let g = groupStart[slot]!; g < groupStart[slot + 1]!; g++) {
          const at = single(evidence, groupEvidence[g]!);
          for (let k = watchStart[g]!; k < watchStart[g + 1]!; k++) {
            const wi = groupWatches[k]!;
            evidenceOf[wi] = at;
            matched[count++] = wi;
          }
        }
      }
      cache = null;
      for (const e of evaluators.matched()) {
        const n = evaluators.present(e, present);
        const at = n === 1 ? single(evidence, plan.termId(e, present[0]!)) : several(evidence, e, n);
        const wi = evaluated[e]!;
        evidenceOf[wi] = at;
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
