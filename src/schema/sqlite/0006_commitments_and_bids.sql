-- Commitments (step 5) and bids for connection (step 6).
-- Instants are UTC milliseconds (*_ms) plus the person's UTC offset in minutes (*_offset).
-- Due dates are local calendar days (days since 1970-01-01) with a local time of day and the
-- time zone it is in, so a daily 8:00 stays at 8:00 across daylight-saving changes.

CREATE TABLE commitments (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  person_id INTEGER REFERENCES people(id),  -- NULL: a promise to myself
  direction TEXT NOT NULL CHECK (direction IN ('mine', 'to-me')),
  what TEXT NOT NULL,
  due_day INTEGER,                          -- NULL: no date
  due_minutes INTEGER CHECK (due_minutes BETWEEN 0 AND 1439),
  zone TEXT NOT NULL,                       -- IANA name or "+02:00"
  repeat TEXT NOT NULL,                     -- "none", "daily", "weekly:mon,thu", "every:3", "monthly"
  month_day INTEGER NOT NULL DEFAULT 1,     -- monthly: the day of the month
  until_day INTEGER,
  renegotiated_from INTEGER REFERENCES commitments(id),
  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  created_ms INTEGER NOT NULL,
  created_offset INTEGER NOT NULL,
  updated_ms INTEGER NOT NULL
) STRICT;
CREATE INDEX commitments_by_user ON commitments (user_id, archived, id);

-- What happened on one due day; no row means still open.
CREATE TABLE commitment_outcomes (
  user_id INTEGER NOT NULL REFERENCES users(id),
  commitment_id INTEGER NOT NULL REFERENCES commitments(id),
  day INTEGER NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('kept', 'renegotiated', 'broken')),
  note TEXT NOT NULL DEFAULT '',            -- new terms, or what I did to repair it
  at_ms INTEGER NOT NULL,
  at_offset INTEGER NOT NULL,
  PRIMARY KEY (commitment_id, day)
) STRICT;
CREATE INDEX commitment_outcomes_by_user ON commitment_outcomes (user_id, commitment_id, day);

-- A bid for connection, made by me or received, and how it was met.
CREATE TABLE bids (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  person_id INTEGER REFERENCES people(id),
  direction TEXT NOT NULL CHECK (direction IN ('received', 'made')),
  kind TEXT NOT NULL CHECK (kind IN ('attention', 'affection', 'humour', 'help',
                                     'conversation', 'touch', 'other')),
  response TEXT NOT NULL CHECK (response IN ('toward', 'away', 'against', 'missed')),
  feeling TEXT NOT NULL DEFAULT '',
  at_ms INTEGER NOT NULL,
  at_offset INTEGER NOT NULL
) STRICT;
CREATE INDEX bids_by_time ON bids (user_id, at_ms, id);

-- A daily check-in offered to someone, done, with a note.
CREATE TABLE checkins (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  person_id INTEGER REFERENCES people(id),
  note TEXT NOT NULL DEFAULT '',
  at_ms INTEGER NOT NULL,
  at_offset INTEGER NOT NULL
) STRICT;
CREATE INDEX checkins_by_time ON checkins (user_id, at_ms, id);

-- How often the person wants to offer a check-in to someone (0: the person themselves).
CREATE TABLE checkin_plans (
  user_id INTEGER NOT NULL REFERENCES users(id),
  person_key INTEGER NOT NULL,
  every_days INTEGER NOT NULL CHECK (every_days BETWEEN 1 AND 30),
  PRIMARY KEY (user_id, person_key)
) STRICT;
