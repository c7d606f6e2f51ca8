-- 0004: subscribers (a Telegram chat or topic, a Slack channel), their watches, and the alert outbox.
CREATE TABLE subscribers (
  id            INTEGER PRIMARY KEY,
  platform      TEXT NOT NULL CHECK (platform IN ('telegram', 'slack', 'console')),
  chat_id       TEXT NOT NULL,                 -- Telegram chat id / Slack channel id
  title         TEXT,
  chat_type     TEXT,                          -- private, group, supergroup, channel / slack
  ui_lang       TEXT CHECK (ui_lang IN ('ar', 'en')),
  summary_lang  TEXT NOT NULL DEFAULT 'both' CHECK (summary_lang IN ('ar', 'en', 'both')),
  digest        TEXT NOT NULL DEFAULT 'off' CHECK (digest IN ('off', 'hourly', 'daily')),
  paused_at     INTEGER,                       -- NULL = alerts flow
  active        INTEGER NOT NULL DEFAULT 1,    -- 0 = blocked, kicked, channel archived
  inactive_reason TEXT,
  created_at    INTEGER NOT NULL,
  UNIQUE (platform, chat_id)
) STRICT;

CREATE TABLE watches (
  id            INTEGER PRIMARY KEY,
  subscriber_id INTEGER NOT NULL REFERENCES subscribers(id) ON DELETE CASCADE,
  query         TEXT NOT NULL,
  thread_id     TEXT,                          -- Telegram forum topic the watch was created in
  created_by    TEXT,
  created_at    INTEGER NOT NULL
) STRICT;
CREATE INDEX watches_subscriber ON watches(subscriber_id);

-- The outbox: an alert is recorded in the same transaction as the match that caused it; a
-- dispatcher sends it. status: pending → sending → sent | failed | skipped.
CREATE TABLE alerts (
  id              INTEGER PRIMARY KEY,
  subscriber_id   INTEGER NOT NULL REFERENCES subscribers(id) ON DELETE CASCADE,
  article_id      INTEGER NOT NULL,
  story_id        INTEGER,
  watch_id        INTEGER,
  kind            TEXT NOT NULL CHECK (kind IN ('alert', 'follow-up', 'digest')),
  reply_to        INTEGER REFERENCES alerts(id),  -- the story's first alert (follow-ups)
  thread_id       TEXT,
  evidence        TEXT,                           -- JSON: matched terms, surfaces, snippet
  status          TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'held', 'sending', 'sent', 'failed', 'skipped')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL DEFAULT 0,
  message_id      TEXT,                           -- platform message id / Slack ts once sent
  last_error      TEXT,
  created_at      INTEGER NOT NULL,
  sent_at         INTEGER,
  UNIQUE (subscriber_id, article_id)
) STRICT;
CREATE INDEX alerts_due ON alerts(status, next_attempt_at) WHERE status IN ('pending', 'sending');
CREATE INDEX alerts_story ON alerts(subscriber_id, story_id);

CREATE TABLE muted_stories (
  subscriber_id INTEGER NOT NULL REFERENCES subscribers(id) ON DELETE CASCADE,
  story_id      INTEGER NOT NULL,
  muted_at      INTEGER NOT NULL,
  PRIMARY KEY (subscriber_id, story_id)
) STRICT;

-- Aliases a chat adds (/alias a = b); subscriber_id NULL = global (deployment admins).
CREATE TABLE chat_aliases (
  id            INTEGER PRIMARY KEY,
  subscriber_id INTEGER REFERENCES subscribers(id) ON DELETE CASCADE,
  alias         TEXT NOT NULL,
  canonical     TEXT NOT NULL,
  created_at    INTEGER NOT NULL
) STRICT;
