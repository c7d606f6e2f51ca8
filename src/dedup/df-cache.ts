// Document frequencies for TF-IDF, held in memory and written in batches. A per-term upsert for
// every term of every article and a per-term lookup for every decision were most of the cost of
// dedup in the ingest profile; IDF only needs to be approximately right, so:
//   - a term's frequency is read from the store once, then kept (the in-memory value is the truth
//     for this process: stored value + counts not yet written);
//   - counts are written every `flushEvery` documents, in one statement, inside the caller's
//     transaction (and by `flush()`, e.g. at shutdown). A crash loses at most the last batch's counts;
//     a rolled-back transaction can leave them counted in memory. Both shift IDF by a few documents
//     in hundreds of thousands: no decision depends on that.
//   - past `maxTerms` cached terms the cache starts over (news vocabulary keeps growing: names, typos).
import type { DedupRepo } from '../store/dedup-repo';
import type { IdfModel } from './tfidf';

export interface DfCache {
  /** The IDF model for a decision over `terms` (each looked up in the store at most once). */
  model(terms: readonly string[]): IdfModel;
  /** Counts one document containing `terms` (distinct). */
  count(terms: Iterable<string>): void;
  /** Writes the counts not yet stored. */
  flush(): void;
}

export function createDfCache(repo: DedupRepo, flushEvery = 64, maxTerms = 300_000): DfCache {
  const known = new Map<string, number>();
  const pending = new Map<string, number>();
  let docs: number | null = null;
  let pendingDocs = 0;

  function load(terms: readonly string[]) {
    const missing = terms.filter((t) => !known.has(t));
    if (missing.length === 0) return;
    if (known.size + missing.length > maxTerms) known.clear();
    const stored = repo.documentFrequencies(missing);
    for (const t of missing) known.set(t, (stored.get(t) ?? 0) + (pending.get(t) ?? 0));
  }
  const total = () => {
    docs ??= repo.documentCount() + pendingDocs;
    return docs;
  };
  function flush() {
    if (pendingDocs === 0 && pending.size === 0) return;
    repo.addDocumentFrequencies(pending, pendingDocs);
    pending.clear();
    pendingDocs = 0;
  }
  return {
    model(terms) {
      load(terms);
      return { docs: total(), df: (t) => known.get(t) ?? 0 };
    },
    count(terms) {
      total();
      for (const t of terms) {
        pending.set(t, (pending.get(t) ?? 0) + 1);
        const k = known.get(t);
        if (k !== undefined) known.set(t, k + 1);
      }
      docs = (docs ?? 0) + 1;
      if (++pendingDocs >= flushEvery) flush();
    },
    flush,
  };
}
