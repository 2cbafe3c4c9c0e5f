-- Users, people and assessments. Every user-owned row carries user_id.
-- Instants are UTC milliseconds (*_ms) plus the person's UTC offset in minutes (*_offset).

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  created_ms INTEGER NOT NULL
) STRICT;

-- Local mode is one user, id 1.
INSERT INTO users (id, name, created_ms) VALUES (1, 'me', 0);

CREATE TABLE people (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  name TEXT NOT NULL,
  relationship TEXT NOT NULL,
  notes TEXT NOT NULL DEFAULT '',
  created_ms INTEGER NOT NULL,
  created_offset INTEGER NOT NULL,
  updated_ms INTEGER NOT NULL,
  deleted_ms INTEGER  -- set when removed; the row stays so removal can be undone
) STRICT;
CREATE INDEX people_by_user ON people (user_id, deleted_ms, name);

CREATE TABLE assessments (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  instrument TEXT NOT NULL,             -- instrument id, e.g. "crr-general"
  about_person_id INTEGER REFERENCES people(id),  -- NULL: in general
  status TEXT NOT NULL CHECK (status IN ('draft', 'complete')),
  answers TEXT NOT NULL DEFAULT '{}',   -- JSON object: item id -> chosen value
  anxiety REAL,                         -- NULL while a draft, or when too many answers missing
  avoidance REAL,
  started_ms INTEGER NOT NULL,
  started_offset INTEGER NOT NULL,
  updated_ms INTEGER NOT NULL,
  completed_ms INTEGER,
  completed_offset INTEGER,
  sort_ms INTEGER NOT NULL,  -- completed_ms, or started_ms for a draft: lists are newest first
  deleted_ms INTEGER        -- set when deleted; the row stays so deleting can be undone
) STRICT;
-- Lists, filtered by target and status, newest first.
CREATE INDEX assessments_by_target ON assessments (user_id, about_person_id, status, sort_ms, id);
CREATE INDEX assessments_by_time ON assessments (user_id, sort_ms, id);
-- The previous result of the same questionnaire and target, for change.
CREATE INDEX assessments_previous ON assessments (user_id, instrument, about_person_id, status, completed_ms);

-- Per-user settings, as text ("cut_point" = "4" or "midpoint").
CREATE TABLE settings (
  user_id INTEGER NOT NULL REFERENCES users(id),
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (user_id, key)
) STRICT;
