-- 0001: sources' fetch state and health, and articles stored exactly once.
CREATE TABLE source_state (
  source_id            TEXT PRIMARY KEY,
  etag                 TEXT,
  last_modified        TEXT,
  first_poll_done      INTEGER NOT NULL DEFAULT 0,
  last_poll_at         INTEGER,
  last_success_at      INTEGER,
  last_error           TEXT,
  last_status          TEXT,
  consecutive_failures INTEGER NOT NULL DEFAULT 0,
  next_poll_at         INTEGER,
  articles_total       INTEGER NOT NULL DEFAULT 0,
  last_duration_ms     INTEGER
) STRICT;

CREATE TABLE articles (
  id            INTEGER PRIMARY KEY,
  source_id     TEXT NOT NULL,
  url           TEXT,
  url_key       TEXT,
  guid          TEXT,
  title         TEXT NOT NULL,
  text          TEXT NOT NULL,           -- paragraphs joined by "\n\n"
  summary       TEXT NOT NULL DEFAULT '',
  author        TEXT,
  lang          TEXT,
  image_url     TEXT,
  published_at  INTEGER NOT NULL,        -- epoch ms; fetch time when the feed gave none
  fetched_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL,
  content_hash  TEXT NOT NULL,           -- hash of normalized title + text
  -- 0 = stored silently (first poll), 1 = to announce, 2 = announced
  announce      INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE UNIQUE INDEX articles_url_key ON articles(url_key) WHERE url_key IS NOT NULL;
CREATE UNIQUE INDEX articles_source_guid ON articles(source_id, guid) WHERE guid IS NOT NULL;
CREATE INDEX articles_published ON articles(published_at);
CREATE INDEX articles_announce ON articles(announce) WHERE announce = 1;
CREATE INDEX articles_content_hash ON articles(content_hash);
