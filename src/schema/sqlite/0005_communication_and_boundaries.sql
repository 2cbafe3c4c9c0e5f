-- Messages, conflicts and repairs (step 4) and boundaries (step 7).
-- Instants are UTC milliseconds (*_ms) plus the person's UTC offset in minutes (*_offset).

-- A message prepared for someone: its four parts and the text as the person left it.
CREATE TABLE messages (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  person_id INTEGER REFERENCES people(id),  -- NULL: not for anyone in particular
  observation TEXT NOT NULL DEFAULT '',
  feeling TEXT NOT NULL DEFAULT '',
  need TEXT NOT NULL DEFAULT '',
  request TEXT NOT NULL DEFAULT '',
  text TEXT NOT NULL,
  created_ms INTEGER NOT NULL,
  created_offset INTEGER NOT NULL
) STRICT;
CREATE INDEX messages_by_time ON messages (user_id, created_ms, id);

-- A conflict with someone, how it went and how it ended.
CREATE TABLE conflicts (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  person_id INTEGER NOT NULL REFERENCES people(id),
  happened_ms INTEGER NOT NULL,
  happened_offset INTEGER NOT NULL,
  topic TEXT NOT NULL,                   -- what it was about, short ("chores")
  notes TEXT NOT NULL DEFAULT '',        -- how it went
  horsemen_me TEXT NOT NULL DEFAULT '',  -- comma list: criticism, contempt, defensiveness, stonewalling
  horsemen_them TEXT NOT NULL DEFAULT '',
  flooded_me INTEGER NOT NULL DEFAULT 0 CHECK (flooded_me IN (0, 1)),
  flooded_them INTEGER NOT NULL DEFAULT 0 CHECK (flooded_them IN (0, 1)),
  outcome TEXT NOT NULL DEFAULT 'not-yet' CHECK (outcome IN ('repaired', 'partly', 'not-yet')),
  outcome_ms INTEGER                     -- when it was marked repaired
) STRICT;
CREATE INDEX conflicts_by_time ON conflicts (user_id, happened_ms, id);

-- A repair attempt after a conflict: who reached out, what they did, when.
CREATE TABLE repairs (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  conflict_id INTEGER NOT NULL REFERENCES conflicts(id),
  by_whom TEXT NOT NULL CHECK (by_whom IN ('me', 'them')),
  what TEXT NOT NULL,
  at_ms INTEGER NOT NULL,
  at_offset INTEGER NOT NULL
) STRICT;
CREATE INDEX repairs_by_conflict ON repairs (user_id, conflict_id, at_ms);

-- A boundary: the limit, why it matters, the words to say it and the plan if it is crossed.
CREATE TABLE boundaries (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  area TEXT NOT NULL CHECK (area IN ('time', 'emotional', 'physical', 'digital', 'material', 'other')),
  person_id INTEGER REFERENCES people(id),  -- NULL: everyone
  limit_text TEXT NOT NULL,
  why TEXT NOT NULL DEFAULT '',
  script TEXT NOT NULL DEFAULT '',          -- "When ..., I will ..."
  if_crossed TEXT NOT NULL DEFAULT '',
  created_ms INTEGER NOT NULL,
  created_offset INTEGER NOT NULL
) STRICT;

-- Rehearsing a boundary's script: how steady it felt, 0-10.
CREATE TABLE boundary_practices (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  boundary_id INTEGER NOT NULL REFERENCES boundaries(id),
  steadiness INTEGER NOT NULL CHECK (steadiness BETWEEN 0 AND 10),
  at_ms INTEGER NOT NULL,
  at_offset INTEGER NOT NULL
) STRICT;

-- What happened to a boundary: held, crossed by someone, or crossed by me.
CREATE TABLE boundary_incidents (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  boundary_id INTEGER NOT NULL REFERENCES boundaries(id),
  kind TEXT NOT NULL CHECK (kind IN ('held', 'crossed-by-them', 'crossed-by-me')),
  note TEXT NOT NULL DEFAULT '',
  at_ms INTEGER NOT NULL,
  at_offset INTEGER NOT NULL
) STRICT;
CREATE INDEX boundary_incidents_by_boundary ON boundary_incidents (user_id, boundary_id, at_ms);
