// The matcher: compile all watches once (./compile), then per article: the hits of each slot
// (./slot-hits: one scan of title and body), evaluate only the watches that had a hit (./watch-eval:
// bit masks, no allocation), and build evidence (./evidence) only for the watches that matched, once
// per distinct set of matched terms. Pure: no I/O, no clock.
import { type CompiledWatch, compileQueries } from './compile';
import type { MatchContext } from './context';
import { createEvidenceBuilder, type Evidence, type Hit, type TermHits } from './evidence';
import type { Query } from './query';
import type { RawHit } from './scan';
import { createSlotHits } from './slot-hits';
import { compileEvaluators } from './watch-eval';
import { planWatches, type WatchPlan } from './watch-plan';

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
  const terms = termsById(compiled.watches, plan);
  const { users, userStart, groupStart, groupEvidence, watchStart, groupWatches } = plan;
  // Per article: the matched watches, the evidence of each (an index into the article's evidence
  // list: long-lived arrays hold no per-article objects), a watch's terms found (reused buffers).
  const matched = new Int32Array(compiled.watches.length);
  const evidenceOf = new Int32Array(compiled.watches.length);
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

  /**
   * The evidence index of one term (evidence id `id`, term as written, slot), built on first use in
   * this article.
   */
  const single = (evidence: Evidence[], id: number, term: string, slot: number): number => {
    stamp[id] = article;
    evidenceAt[id] = evidence.length;
    evidence.push(builder.one(term, hits.hitsOf(slot)));
    return evidence.length - 1;
  };

  /** The evidence index of a watch's terms found (n > 1), built on first use in this article. */
  const several = (evidence: Evidence[], wi: number, n: number): number => {
    let key: number | string;
    if (n === 2 && pairKeys) key = plan.termId(wi, present[0]!) * 2 ** 21 + plan.termId(wi, present[1]!);
    else {
      key = `${plan.termId(wi, present[0]!)}`;
      for (let k = 1; k < n; k++) key += `,${plan.termId(wi, present[k]!)}`;
    }
    if (cache === null) cache = new Map();
    let e = cache.get(key);
    if (e === undefined) {
      const w = compiled.watches[wi]!;
      const terms: TermHits[] = new Array(n);
      for (let k = 0; k < n; k++)
        terms[k] = { term: w.query.terms[present[k]!]!.raw, hits: hits.hitsOf(w.slots[present[k]!]!) };
      e = evidence.push(builder.build(terms)) - 1;
      cache.set(key, e);
    }
    return e;
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
      builder.reset(input.title, input.text);
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
          const id = groupEvidence[g]!;
          const e = stamp[id] === article ? evidenceAt[id]! : single(evidence, id, terms.raw[id]!, slot);
          for (let k = watchStart[g]!; k < watchStart[g + 1]!; k++) {
            const wi = groupWatches[k]!;
            evidenceOf[wi] = e;
            matched[count++] = wi;
          }
        }
      }
      cache = null;
      for (const wi of evaluators.matched()) {
        const n = evaluators.present(wi, present);
        if (n === 1) {
          // The term by its evidence id: reading the watch's query costs a cache miss per object.
          const ti = present[0]!;
          const id = plan.termId(wi, ti);
          evidenceOf[wi] =
            stamp[id] === article ? evidenceAt[id]! : single(evidence, id, terms.raw[id]!, terms.slot[id]!);
        } else evidenceOf[wi] = several(evidence, wi, n);
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

/** The term as written and the slot of each evidence id (ids of one (slot, spelling) pair). */
function termsById(watches: readonly CompiledWatch[], plan: WatchPlan): { raw: string[]; slot: Int32Array } {
  const raw = new Array<string>(plan.idCount);
  const slot = new Int32Array(plan.idCount);
  for (let wi = 0; wi < watches.length; wi++) {
    const w = watches[wi]!;
    for (let ti = 0; ti < w.slots.length; ti++) {
      const id = plan.termId(wi, ti);
      raw[id] = w.query.terms[ti]!.raw;
      slot[id] = w.slots[ti]!;
    }
  }
  return { raw, slot };
}
