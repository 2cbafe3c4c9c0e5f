-- Steps 5 and 6: the calendar feed key, and delete-with-undo for bids.

-- A calendar app cannot send the session cookie, so the commitments.ics feed has its own
-- long-lived key, one per user. Only a BLAKE2b hash of the key is kept: the key itself is
-- shown once, when it is made. Rotating replaces the row; revoking deletes it.
CREATE TABLE calendar_feed_keys (
  user_id INTEGER PRIMARY KEY REFERENCES users(id),
  key_hash TEXT NOT NULL UNIQUE,            -- 64 hex digits
  created_ms INTEGER NOT NULL,
  created_offset INTEGER NOT NULL
) STRICT;

-- A deleted bid is hidden at once and can be restored (undo); NULL: not deleted.
ALTER TABLE bids ADD COLUMN deleted_ms INTEGER;

-- Outcomes by user and day: the reliability windows read the last year of them.
CREATE INDEX commitment_outcomes_by_day ON commitment_outcomes (user_id, day);
