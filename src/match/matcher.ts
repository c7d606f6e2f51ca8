// The matcher: compile all watches once (./compile), then per article: tokenize title and body, one
// scan (./scan), drop WEAK hits that no strong hit of the same term backs, evaluate only the watches
// that had a hit (./watch-eval: bit masks, no allocation), and build evidence (./evidence) only for
// the watches that matched, once per distinct set of matched terms. Pure: no I/O, no clock.
import { createTokenizer } from '../text/tokenize';
import { compileQueries } from './compile';
import type { MatchContext } from './context';
import { buildEvidence, type Hit, paragraphStarts, type TermHits } from './evidence';
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

  const scan = (article: MatchArticle): Map<number, RawHit[]> => {
    raw.length = 0;
    scanTokens(article.title, tokenizer.run(article.title), compiled.table, 'title', raw);
    scanTokens(article.text, tokenizer.run(article.text), compiled.table, 'body', raw);
    compiled.places.expand(raw, 0);
    const bySlot = new Map<number, RawHit[]>();
    for (const h of raw) {
      const list = bySlot.get(h.slot);
      if (!list) bySlot.set(h.slot, [h]);
      else if (!sameSpan(list[list.length - 1]!, h)) list.push(h);
      else list[list.length - 1] = stronger(list[list.length - 1]!, h);
    }
    for (const [slot, hits] of bySlot) if (hits.every((h) => h.weak)) bySlot.delete(slot);
    return bySlot;
  };

  return {
    watchCount: compiled.watches.length,
    scan,
    match(article) {
      const bySlot = scan(article);
      if (bySlot.size === 0) return [];
      evaluators.reset();
      for (const slot of bySlot.keys()) evaluators.mark(compiled.slotUsers[slot]!);
      const out: Match[] = [];
      // Watches that matched through the same terms share their evidence (many users follow ISIS).
      const starts = paragraphStarts(article.text);
      const cache = new Map<string, { hits: Hit[]; snippet: string }>();
      const terms: TermHits[] = [];
      for (const wi of evaluators.matched()) {
        const w = compiled.watches[wi]!;
        terms.length = 0;
        let key = '';
        for (const ti of evaluators.positives(wi)) {
          if (!evaluators.has(wi, ti)) continue;
          const term = w.query.terms[ti]!.raw;
          terms.push({ term, hits: bySlot.get(w.slots[ti]!)! });
          key += `${w.slots[ti]}:${term}|`;
        }
        let ev = cache.get(key);
        if (!ev) {
          ev = buildEvidence(article.title, article.text, terms, starts);
          cache.set(key, ev);
        }
        out.push({ watchId: w.id, ...ev });
      }
      return out;
    },
  };
}
