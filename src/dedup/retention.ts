// Retention: articles older than a configurable age (default 90 days) are deleted with their LSH rows,
// signatures and story links; stories keep their summary row (title, outlets, places, first/last seen).
// LSH rows have no index by article, so their keys are recomputed from the stored signature.

import type { Db } from '../store/db';
import { sigFromBuffer } from '../store/dedup-columns';
import { createDedupRepo } from '../store/dedup-repo';
import { createFeatureExtractor } from './features';
import { type DedupParams, withParams } from './params';

export const DEFAULT_RETENTION_MS = 90 * 24 * 3_600_000;

export interface PruneResult {
  readonly articles: number;
  readonly lshRows: number;
}

/**
 * Deletes articles published more than `olderThanMs` before `now`, in batches, each in a transaction.
 * Params must be the ones the articles were recorded with (bands and rows decide the LSH keys).
 */
export function pruneArticles(
  db: Db,
  olderThanMs = DEFAULT_RETENTION_MS,
  now = Date.now(),
  params: Partial<DedupParams> = {},
): PruneResult {
  const repo = createDedupRepo(db);
  const extractor = createFeatureExtractor(withParams(params));
  const cutoff = now - olderThanMs;
  let articles = 0;
  let lshRows = 0;
  const batch = db.transaction((ids: number[]) => {
    for (const id of ids) {
      const sig = repo.signature(id);
      if (sig) {
        const keys = extractor.keysOf(sigFromBuffer(sig.sig), sigFromBuffer(sig.lead));
        repo.deleteLsh(keys, id);
        lshRows += keys.length;
      }
      repo.deleteArticle(id);
      articles++;
    }
  });
  for (;;) {
    const ids = repo.oldArticles(cutoff, 1000);
    if (ids.length === 0) break;
    batch(ids);
  }
  return { articles, lshRows };
}
