-- 0003: same article and same story (src/dedup).
-- A story outlives its articles: retention deletes articles, the story row stays as a summary.
CREATE TABLE stories (
  id                INTEGER PRIMARY KEY,
  first_article_id  INTEGER,                 -- NULL once retention pruned it
  title             TEXT NOT NULL,           -- headline of the first article
  first_seen        INTEGER NOT NULL,        -- epoch ms (published_at of the first article)
  last_seen         INTEGER NOT NULL,
  article_count     INTEGER NOT NULL DEFAULT 0,
  outlets           TEXT NOT NULL DEFAULT '[]',   -- JSON arrays
  languages         TEXT NOT NULL DEFAULT '[]',
  places            TEXT NOT NULL DEFAULT '[]',
  actors            TEXT NOT NULL DEFAULT '[]',
  numbers           TEXT NOT NULL DEFAULT '[]',
  centroid          TEXT NOT NULL DEFAULT '{}',   -- JSON {term: weight}, heaviest terms only
  previous_story_id INTEGER REFERENCES stories(id)
) STRICT;
CREATE INDEX stories_last_seen ON stories(last_seen);

-- Candidate index of recently active stories only: keys are place/actor ids, numbers and top terms.
-- Rows of stories quiet for longer than the reopen horizon are deleted, so lookups stay flat.
CREATE TABLE story_keys (
  key      TEXT NOT NULL,
  story_id INTEGER NOT NULL,
  PRIMARY KEY (key, story_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX story_keys_story ON story_keys(story_id);

-- Every stored article belongs to a story, and says why it joined.
CREATE TABLE article_story (
  article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  story_id   INTEGER NOT NULL REFERENCES stories(id),
  joined     TEXT NOT NULL CHECK (joined IN ('new-story', 'existing', 'copy', 'reopened')),
  score      REAL NOT NULL,
  shared     TEXT NOT NULL DEFAULT '{}'     -- JSON: cosine, places, actors, numbers, decay
) STRICT;
CREATE INDEX article_story_story ON article_story(story_id);

-- A copy of another article ("also published by ..."): same text under another URL or outlet.
CREATE TABLE article_copies (
  article_id  INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  original_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  reason      TEXT NOT NULL CHECK (reason IN ('url', 'guid', 'hash', 'near-duplicate')),
  score       REAL NOT NULL
) STRICT;
CREATE INDEX article_copies_original ON article_copies(original_id);

-- MinHash signatures (little-endian uint32 arrays) of the full text and of its lead.
CREATE TABLE dedup_signatures (
  article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  shingles   INTEGER NOT NULL,
  sig        BLOB NOT NULL,
  lead       BLOB NOT NULL
) STRICT;

-- LSH band keys → article. No index on article_id: rows are deleted by recomputing the keys from
-- the stored signature, which keeps this, the largest table, at one B-tree.
CREATE TABLE dedup_lsh (
  band_key   INTEGER NOT NULL,
  article_id INTEGER NOT NULL,
  PRIMARY KEY (band_key, article_id)
) STRICT, WITHOUT ROWID;

-- Document frequencies for TF-IDF (terms, and entity keys "p:<place>", "a:<actor>").
CREATE TABLE dedup_df (
  term TEXT PRIMARY KEY,
  df   INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE dedup_meta (
  key   TEXT PRIMARY KEY,
  value INTEGER NOT NULL
) STRICT;
INSERT INTO dedup_meta (key, value) VALUES ('docs', 0);
