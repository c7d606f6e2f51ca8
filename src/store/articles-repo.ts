// Articles, stored exactly once: unique canonical-URL key, unique GUID per source.
import type { Db } from './db';

export interface NewArticle {
  readonly sourceId: string;
  readonly url: string | null;
  readonly urlKey: string | null;
  readonly guid: string | null;
  readonly title: string;
  readonly text: string;
  readonly summary: string;
  readonly author: string | null;
  readonly lang: string | null;
  readonly imageUrl: string | null;
  readonly publishedAt: number;
  readonly fetchedAt: number;
  readonly contentHash: string;
  /** 0 = stored silently (first poll), 1 = to announce. */
  readonly announce: 0 | 1;
}

export interface StoredArticle extends NewArticle {
  readonly id: number;
  readonly updatedAt: number;
}

interface Row {
  id: number;
  source_id: string;
  url: string | null;
  url_key: string | null;
  guid: string | null;
  title: string;
  text: string;
  summary: string;
  author: string | null;
  lang: string | null;
  image_url: string | null;
  published_at: number;
  fetched_at: number;
  updated_at: number;
  content_hash: string;
  announce: number;
}

const toArticle = (r: Row): StoredArticle => ({
  id: r.id,
  sourceId: r.source_id,
  url: r.url,
  urlKey: r.url_key,
  guid: r.guid,
  title: r.title,
  text: r.text,
  summary: r.summary,
  author: r.author,
  lang: r.lang,
  imageUrl: r.image_url,
  publishedAt: r.published_at,
  fetchedAt: r.fetched_at,
  updatedAt: r.updated_at,
  contentHash: r.content_hash,
  announce: r.announce === 1 ? 1 : 0,
});

export function createArticlesRepo(db: Db) {
  const byKey = db.prepare<[string], { id: number; content_hash: string }>(
    'SELECT id, content_hash FROM articles WHERE url_key = ?',
  );
  const byGuid = db.prepare<[string, string], { id: number; content_hash: string }>(
    'SELECT id, content_hash FROM articles WHERE source_id = ? AND guid = ?',
  );
  const insert = db.prepare(
    `INSERT INTO articles (source_id, url, url_key, guid, title, text, summary, author, lang, image_url,
       published_at, fetched_at, updated_at, content_hash, announce)
     VALUES (@sourceId, @url, @urlKey, @guid, @title, @text, @summary, @author, @lang, @imageUrl,
       @publishedAt, @fetchedAt, @fetchedAt, @contentHash, @announce)`,
  );
  const update = db.prepare(
    `UPDATE articles SET title = @title, text = @text, summary = @summary, content_hash = @contentHash,
       updated_at = @updatedAt WHERE id = @id`,
  );
  const get = db.prepare<[number], Row>('SELECT * FROM articles WHERE id = ?');
  const pending = db.prepare<[number], Row>('SELECT * FROM articles WHERE announce = 1 ORDER BY id LIMIT ?');
  const markDone = db.prepare('UPDATE articles SET announce = 2 WHERE id = ?');
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM articles');
  const since = db.prepare<[number, number], Row>(
    'SELECT * FROM articles WHERE published_at >= ? ORDER BY published_at DESC LIMIT ?',
  );

  return {
    /** The stored article this one is, by canonical-URL key or by GUID within its source. */
    findExisting(a: { sourceId: string; urlKey: string | null; guid: string | null }) {
      return (a.urlKey ? byKey.get(a.urlKey) : undefined) ?? (a.guid ? byGuid.get(a.sourceId, a.guid) : undefined);
    },
    insert(a: NewArticle): number {
      return Number(insert.run(a).lastInsertRowid);
    },
    /** An edit of a stored article (same URL, new headline or text): updated in place, never re-announced. */
    update(id: number, a: { title: string; text: string; summary: string; contentHash: string; updatedAt: number }) {
      update.run({ id, ...a });
    },
    get(id: number): StoredArticle | undefined {
      const r = get.get(id);
      return r ? toArticle(r) : undefined;
    },
    pendingAnnouncements(limit = 100): StoredArticle[] {
      return pending.all(limit).map(toArticle);
    },
    markAnnounced(id: number) {
      markDone.run(id);
    },
    count(): number {
      return count.get()!.n;
    },
    publishedSince(sinceMs: number, limit = 10_000): StoredArticle[] {
      return since.all(sinceMs, limit).map(toArticle);
    },
  };
}

export type ArticlesRepo = ReturnType<typeof createArticlesRepo>;
