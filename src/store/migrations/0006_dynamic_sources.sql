-- 0006: sources added from chat by deployment admins (/source add). config/sources.yaml stays the
-- read-only list; these are merged after it at start. `entry` is the source as a config entry (JSON,
-- the same fields as the YAML file) so it is validated by the same rules as the file.
CREATE TABLE sources_dynamic (
  id         TEXT PRIMARY KEY,
  entry      TEXT NOT NULL CHECK (json_valid(entry)),
  added_by   TEXT NOT NULL,                -- "telegram:<user id>" or "slack:<user id>"
  added_at   INTEGER NOT NULL
) STRICT;
