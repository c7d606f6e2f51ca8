-- 0009: links between articles (src/dedup). A Telegram post that links an outlet's article is the
-- same story as that article, whichever of the two arrives first; the post's link is kept here so
-- the article, arriving later, finds the post's story by its URL key.
CREATE TABLE article_links (
  article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  url_key    TEXT NOT NULL                 -- canonical key of the linked URL (articles.url_key)
) STRICT;
CREATE INDEX article_links_url_key ON article_links(url_key);

-- article_copies gains the reason 'linked' (a post that links a stored article). SQLite cannot
-- change a CHECK in place, so the table is rebuilt; nothing references it.
CREATE TABLE article_copies_v2 (
  article_id  INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  original_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  reason      TEXT NOT NULL CHECK (reason IN ('url', 'guid', 'hash', 'near-duplicate', 'linked')),
  score       REAL NOT NULL
) STRICT;
INSERT INTO article_copies_v2 (article_id, original_id, reason, score)
  SELECT article_id, original_id, reason, score FROM article_copies;
DROP TABLE article_copies;
ALTER TABLE article_copies_v2 RENAME TO article_copies;
CREATE INDEX article_copies_original ON article_copies(original_id);
