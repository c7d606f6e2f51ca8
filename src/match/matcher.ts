// The matcher: compile all watches once (./compile), then per article: tokenize title and body, one
// scan (./scan), drop WEAK hits that no strong hit of the same term backs, evaluate only the watches
// that had a hit (./watch-eval: bit masks, no allocation), and build evidence (./evidence) only for
// the watches that matched, once per distinct set of matched terms. Pure: no I/O, no clock.
import { createTokenizer } from '../text/tokenize';
import { compileQueries } from './compile';
import type { MatchContext } from './context';
import { createEvidenceBuilder, type Evidence, type Hit, type TermHits } from './evidence';
import type { Query } from './query';
import { type RawHit, scanTokens } from './scan';
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

const sameSpan = (a: RawHit, b: RawHit) => a.start === b.start && a.end === b.end && a.where === b.where;

/** One term reaching the same words twice (a place's name that is also an alias) counts once. */
const stronger = (a: RawHit, b: RawHit): RawHit =>
  a.weak === b.weak && a.rank <= b.rank ? a : { ...a, weak: a.weak && b.weak, rank: Math.min(a.rank, b.rank) };

export function compileWatches(watches: readonly { id: number | string; query: Query }[], ctx: MatchContext): Matcher {
  const compiled = compileQueries(watches, ctx);
  const evaluators = compileEvaluators(compiled.watches.map((w) => w.query));
  const tokenizer = createTokenizer();
  const raw: RawHit[] = [];

  // The hits of each slot, for the article being matched: reused arrays, stamped per article.
  const lists: RawHit[][] = compiled.slotUsers.map(() => []);
  const stamp = new Int32Array(lists.length);
  let epoch = 0;
  const hitSlots: number[] = [];

  /** Fills hitSlots with the slots that have a strong hit, and lists with their hits. */
  const collect = (article: MatchArticle): void => {
    raw.length = 0;
    scanTokens(article.title, tokenizer.run(article.title), compiled.table, 'title', raw);
    scanTokens(article.text, tokenizer.run(article.text), compiled.table, 'body', raw);
    compiled.places.expand(raw, 0);
    epoch++;
    hitSlots.length = 0;
    for (const h of raw) {
      const list = lists[h.slot]!;
      if (stamp[h.slot] !== epoch) {
        stamp[h.slot] = epoch;
        list.length = 0;
        list.push(h);
        hitSlots.push(h.slot);
      } else if (!sameSpan(list[list.length - 1]!, h)) list.push(h);
      else list[list.length - 1] = stronger(list[list.length - 1]!, h);
    }
    let kept = 0;
    for (const slot of hitSlots) if (lists[slot]!.some((h) => !h.weak)) hitSlots[kept++] = slot;
    hitSlots.length = kept;
  };

  const scan = (article: MatchArticle): Map<number, RawHit[]> => {
    collect(article);
    return new Map(hitSlots.map((slot) => [slot, [...lists[slot]!]]));
  };

  // Evidence is shared by watches that matched through the same terms written the same way (many
  // users follow ISIS): each (slot, term as written) pair gets an id.
  const evidenceIds = new Map<string, number>();
  const termIds = compiled.watches.map((w) =>
    Int32Array.from(w.query.terms, (t, ti) => {
      const k = `${w.slots[ti]}\u0000${t.raw}`;
      let id = evidenceIds.get(k);
      if (id === undefined) {
        id = evidenceIds.size;
        evidenceIds.set(k, id);
      }
      return id;
    }),
  );
  const present: number[] = [];

  return {
    watchCount: compiled.watches.length,
    scan,
    match(article) {
      collect(article);
      if (hitSlots.length === 0) return [];
      evaluators.reset();
      for (const slot of hitSlots) evaluators.mark(compiled.slotUsers[slot]!);
      const matched = evaluators.matched();
      if (matched.length === 0) return [];
      const builder = createEvidenceBuilder(article.title, article.text);
      const cache = new Map<number | string, Evidence>();
      const out: Match[] = [];
      for (const wi of matched) {
        const w = compiled.watches[wi]!;
        const ids = termIds[wi]!;
        present.length = 0;
        for (const ti of evaluators.positives(wi)) if (evaluators.has(wi, ti)) present.push(ti);
        const key = present.length === 1 ? ids[present[0]!]! : present.map((ti) => ids[ti]).join(',');
        let ev = cache.get(key);
        if (!ev) {
          const terms: TermHits[] = present.map((ti) => ({
            term: w.query.terms[ti]!.raw,
            hits: lists[w.slots[ti]!]!,
          }));
          ev = builder.build(terms);
          cache.set(key, ev);
        }
        out.push({ watchId: w.id, hits: ev.hits, snippet: ev.snippet });
      }
      return out;
    },
  };
}
