-- Data portability: what imports brought in, so importing the same file again skips the
-- records it already brought (docs/export-format.md, "Importing").
CREATE TABLE import_keys (
  user_id INTEGER NOT NULL REFERENCES users(id),
  source_key TEXT NOT NULL,   -- "daylio:<digest of the source record>", "jrnl:...", "csv:..."
  kind TEXT NOT NULL,         -- the kind created ("checkins", "reflections")
  row_id INTEGER,             -- the row created (it may have been deleted since)
  imported_ms INTEGER NOT NULL,
  PRIMARY KEY (user_id, source_key)
) STRICT;
