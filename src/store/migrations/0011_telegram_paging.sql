-- Telegram channels are read page by page (?before=). The highest post id read with no gap below it:
-- the next poll pages back until it reaches this id. Kept when reading an older page failed, so the
-- gap is read again on the next poll.
ALTER TABLE source_state ADD COLUMN page_seen_up_to INTEGER;
