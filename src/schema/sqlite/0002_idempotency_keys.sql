-- Answers to writes sent with an Idempotency-Key header, so a retried request gets the
-- first answer and creates nothing new. Kept for 24 hours.
CREATE TABLE idempotency_keys (
  user_id INTEGER NOT NULL REFERENCES users(id),
  key TEXT NOT NULL,
  method TEXT NOT NULL,
  path TEXT NOT NULL,
  status INTEGER NOT NULL,
  body TEXT NOT NULL,
  created_ms INTEGER NOT NULL,
  PRIMARY KEY (user_id, key)
) STRICT;
