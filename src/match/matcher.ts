// The matcher: compile all watches once (./compile), then per article: tokenize title and body, one
// scan (./scan), drop WEAK hits that no strong hit of the same term backs, evaluate only the watches
// that had a hit, and attach evidence (./evidence). Pure: no I/O, no clock.
import { createTokenizer } from '../text/tokenize';
import { compileQueries } from './compile';
import type { MatchContext } from './context';
import { buildEvidence, type Hit, paragraphStarts, type TermHits } from './evidence';
import { evaluate, type Query, type QueryNode } from './query';
import { type RawHit, scanTokens } from './scan';

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

/** Terms under an odd number of NOTs are exclusions: they never serve as evidence. */
function positiveTerms(node: QueryNode, negated = false, out = new Set<number>()): Set<number> {
  if (node.kind === 'term') {
    if (!negated) out.add(node.term);
  } else if (node.kind === 'not') positiveTerms(node.child, !negated, out);
  else for (const c of node.children) positiveTerms(c, negated, out);
  return out;
}

export function compileWatches(watches: readonly { id: number | string; query: Query }[], ctx: MatchContext): Matcher {
  const compiled = compileQueries(watches, ctx);
  const positives = compiled.watches.map((w) => positiveTerms(w.query.root));
  const tokenizer = createTokenizer();

  const scan = (article: MatchArticle): Map<number, RawHit[]> => {
    const raw: RawHit[] = [];
    scanTokens(article.title, tokenizer.run(article.title), compiled, 'title', raw);
    scanTokens(article.text, tokenizer.run(article.text), compiled, 'body', raw);
    const bySlot = new Map<number, RawHit[]>();
    for (const h of raw) {
      const list = bySlot.get(h.slot);
      if (list) list.push(h);
      else bySlot.set(h.slot, [h]);
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
      const present = new Map<number, Set<number>>();
      for (const slot of bySlot.keys()) {
        const users = compiled.slotUsers[slot]!;
        for (let k = 0; k < users.length; k += 2) {
          const wi = users[k]!;
          let set = present.get(wi);
          if (!set) {
            set = new Set();
            present.set(wi, set);
          }
          set.add(users[k + 1]!);
        }
      }
      const out: Match[] = [];
      // Watches that matched through the same terms share their evidence (many users follow ISIS).
      const starts = paragraphStarts(article.text);
      const cache = new Map<string, { hits: Hit[]; snippet: string }>();
      for (const [wi, terms] of present) {
        const w = compiled.watches[wi]!;
        if (!evaluate(w.query.root, (t) => terms.has(t))) continue;
        const evidence: TermHits[] = [];
        let key = '';
        for (const ti of terms) {
          if (!positives[wi]!.has(ti)) continue;
          const term = w.query.terms[ti]!.raw;
          evidence.push({ term, hits: bySlot.get(w.slots[ti]!)! });
          key += `${w.slots[ti]}:${term}|`;
        }
        let ev = cache.get(key);
        if (!ev) {
          ev = buildEvidence(article.title, article.text, evidence, starts);
          cache.set(key, ev);
        }
        out.push({ watchId: w.id, ...ev });
      }
      return out;
    },
  };
}
