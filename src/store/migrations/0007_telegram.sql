-- 0007: delivery lookups (src/deliver, src/chat/telegram).
-- The dispatcher reads each chat's oldest waiting alert; the bot finds an alert by the message it
-- was sent as (buttons under it: mute, watch a place, switch language).
CREATE INDEX alerts_outbox ON alerts(subscriber_id, id) WHERE status IN ('pending', 'sending');
CREATE INDEX alerts_message ON alerts(subscriber_id, message_id) WHERE message_id IS NOT NULL;

-- When a chat last resumed (/resume): what waited while it was paused goes out as one digest.
ALTER TABLE subscribers ADD COLUMN resumed_at INTEGER;

-- The language of the last person who ran a command here (Telegram language_code): alerts use it
-- until the chat sets one with /lang.
ALTER TABLE subscribers ADD COLUMN lang_hint TEXT CHECK (lang_hint IN ('ar', 'en'));
