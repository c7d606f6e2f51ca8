// Store one article exactly once. Same canonical-URL key or same GUID within the source → the same
// article: unchanged → nothing; changed headline or text → updated in place, never announced again.
// Later stages (matching, dedup, alerts) hang off `onNew`, inside the same transaction, so an alert is
// recorded atomically with the article that caused it.
import type { ArticlesRepo } from '../store/articles-repo';
import type { Db } from '../store/db';
import type { ArticleCandidate } from './candidate';

export type IngestResult =
  | { kind: 'new'; id: number }
  | { kind: 'updated'; id: number }
  | { kind: 'unchanged'; id: number };

export interface IngestDeps {
  db: Db;
  articles: ArticlesRepo;
  /** Runs inside the insert's transaction for every new article (matching, dedup, outbox). */
  onNew?: (id: number, c: ArticleCandidate, announce: boolean) => void;
  /** Runs inside the update's transaction when a stored article was edited. */
  onUpdated?: (id: number, c: ArticleCandidate) => void;
}

export function createIngest(deps: IngestDeps) {
  const { db, articles } = deps;
  const existing = (c: ArticleCandidate) => articles.findExisting(c);
  const store = db.transaction((c: ArticleCandidate, announce: 0 | 1, now: number): IngestResult => {
    const found = existing(c);
    if (found) {
      if (found.content_hash === c.contentHash) return { kind: 'unchanged', id: found.id };
      articles.update(found.id, {
        title: c.title,
        text: c.paragraphs.join('\n\n'),
        summary: c.summary,
        contentHash: c.contentHash,
        updatedAt: now,
      });
      deps.onUpdated?.(found.id, c);
      return { kind: 'updated', id: found.id };
    }
    const id = articles.insert({
      sourceId: c.sourceId,
      url: c.url,
      urlKey: c.urlKey,
      guid: c.guid,
      title: c.title,
      text: c.paragraphs.join('\n\n'),
      summary: c.summary,
      author: c.author,
      lang: c.lang,
      imageUrl: c.imageUrl,
      publishedAt: c.publishedAt,
      fetchedAt: c.fetchedAt,
      contentHash: c.contentHash,
      announce,
    });
    deps.onNew?.(id, c, announce === 1);
    return { kind: 'new', id };
  });
  return {
    /** Cheap check before fetching a page: is this article (by URL key or GUID) already stored? */
    existing,
    store,
    /** Several articles that needed nothing fetched, in one transaction (each still decided alone). */
    storeMany: db.transaction((items: readonly { c: ArticleCandidate; announce: 0 | 1 }[], now: number) =>
      items.map(({ c, announce }) => store(c, announce, now)),
    ),
  };
}

export type Ingest = ReturnType<typeof createIngest>;
