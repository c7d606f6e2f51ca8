-- 0005: summaries cached per story, language set and number of reports (src/summarize). A thousand
-- subscribers of one story cost one provider call; a story with more reports gets a new summary.
-- No foreign key to stories: a summary row is harmless after its story is pruned, and retention
-- deletes old rows by created_at.
CREATE TABLE summaries (
  story_id      INTEGER NOT NULL,
  langs         TEXT    NOT NULL CHECK (langs IN ('ar', 'en', 'both')),
  article_count INTEGER NOT NULL,
  source        TEXT    NOT NULL CHECK (source IN ('builtin', 'llm', 'translate')),
  summary       TEXT    NOT NULL,   -- JSON: {ar?, en?, whatsNew?, keys}
  created_at    INTEGER NOT NULL,   -- epoch ms
  PRIMARY KEY (story_id, langs, article_count)
) STRICT, WITHOUT ROWID;
CREATE INDEX summaries_created_at ON summaries(created_at);
