-- Regulation (step 3): the person's own practices and the sessions they did.
-- Instants are UTC milliseconds (*_ms) plus the person's UTC offset in minutes (*_offset).

-- A practice the person wrote or re-timed, in the practice file format (docs/practices.md).
-- One with the id of a built-in practice is the person's version of it and replaces it.
CREATE TABLE practices (
  user_id INTEGER NOT NULL REFERENCES users(id),
  practice_id TEXT NOT NULL,
  definition TEXT NOT NULL,  -- JSON, "format": "securebase-practice/1"
  created_ms INTEGER NOT NULL,
  created_offset INTEGER NOT NULL,
  updated_ms INTEGER NOT NULL,
  PRIMARY KEY (user_id, practice_id)
) STRICT;

-- One time a practice was done, with distress (0-10) before and after.
CREATE TABLE regulation_sessions (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  practice_id TEXT NOT NULL,
  practice_name TEXT NOT NULL,          -- as it was called then
  distress_before INTEGER NOT NULL CHECK (distress_before BETWEEN 0 AND 10),
  distress_after INTEGER CHECK (distress_after BETWEEN 0 AND 10),  -- NULL: not rated
  energy TEXT NOT NULL CHECK (energy IN ('high', 'low')),
  helped TEXT CHECK (helped IN ('yes', 'a-little', 'no')),         -- NULL: not said
  stopped_early INTEGER NOT NULL CHECK (stopped_early IN (0, 1)),
  planned_ms INTEGER NOT NULL,          -- the practice's length
  practiced_ms INTEGER NOT NULL,        -- how much of it was done (pauses not counted)
  person_id INTEGER REFERENCES people(id),  -- what was going on: a person, or
  reflection_id INTEGER,                -- a reflection (step 2)
  started_ms INTEGER NOT NULL,
  started_offset INTEGER NOT NULL,
  ended_ms INTEGER NOT NULL,
  ended_offset INTEGER NOT NULL
) STRICT;
-- Lists (newest first) and statistics.
CREATE INDEX regulation_sessions_by_time ON regulation_sessions (user_id, started_ms, id);
