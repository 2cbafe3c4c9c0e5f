-- Reflections (step 2): what happened, with whom, what was felt, thought and done.
-- Instants are UTC milliseconds (*_ms) plus the person's UTC offset in minutes (*_offset).
CREATE TABLE reflections (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  happened_ms INTEGER NOT NULL,      -- when it happened (often backdated)
  happened_offset INTEGER NOT NULL,
  written_ms INTEGER NOT NULL,       -- when the entry was first saved
  written_offset INTEGER NOT NULL,
  updated_ms INTEGER NOT NULL,
  people TEXT NOT NULL DEFAULT '[]',   -- JSON array of person ids
  emotions TEXT NOT NULL DEFAULT '[]', -- JSON array of {"word": text, "intensity": 0..10}
  tags TEXT NOT NULL DEFAULT '',       -- triggers, one per line (searched as text)
  activation TEXT CHECK (activation IN ('toward', 'away', 'neither')),  -- NULL: not said
  situation TEXT NOT NULL DEFAULT '',
  body TEXT NOT NULL DEFAULT '',       -- body sensations
  thoughts TEXT NOT NULL DEFAULT '',   -- the story I told myself
  urges TEXT NOT NULL DEFAULT '',
  actions TEXT NOT NULL DEFAULT '',    -- what I actually did
  needs TEXT NOT NULL DEFAULT '',      -- what I needed
  next_time TEXT NOT NULL DEFAULT '',  -- what I would like to do next time
  deleted_ms INTEGER                   -- set when deleted; restorable for 30 days
) STRICT;
-- Lists and patterns: newest first by when it happened.
CREATE INDEX reflections_by_time ON reflections (user_id, deleted_ms, happened_ms, id);

-- Full-text search over the free text and the triggers, kept in step by triggers.
CREATE VIRTUAL TABLE reflections_fts USING fts5(
  situation, body, thoughts, urges, actions, needs, next_time, tags,
  content = 'reflections', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER reflections_fts_insert AFTER INSERT ON reflections BEGIN
  INSERT INTO reflections_fts (rowid, situation, body, thoughts, urges, actions, needs, next_time, tags)
  VALUES (new.id, new.situation, new.body, new.thoughts, new.urges, new.actions, new.needs,
          new.next_time, new.tags);
END;
CREATE TRIGGER reflections_fts_delete AFTER DELETE ON reflections BEGIN
  INSERT INTO reflections_fts (reflections_fts, rowid, situation, body, thoughts, urges, actions, needs, next_time, tags)
  VALUES ('delete', old.id, old.situation, old.body, old.thoughts, old.urges, old.actions,
          old.needs, old.next_time, old.tags);
END;
CREATE TRIGGER reflections_fts_update AFTER UPDATE OF situation, body, thoughts, urges, actions, needs, next_time, tags ON reflections BEGIN
  INSERT INTO reflections_fts (reflections_fts, rowid, situation, body, thoughts, urges, actions, needs, next_time, tags)
  VALUES ('delete', old.id, old.situation, old.body, old.thoughts, old.urges, old.actions,
          old.needs, old.next_time, old.tags);
  INSERT INTO reflections_fts (rowid, situation, body, thoughts, urges, actions, needs, next_time, tags)
  VALUES (new.id, new.situation, new.body, new.thoughts, new.urges, new.actions, new.needs,
          new.next_time, new.tags);
END;
