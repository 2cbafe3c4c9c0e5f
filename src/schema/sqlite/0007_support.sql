-- Step 8: the therapist directory, postcode centroids, the shortlist and self-check results.
-- The directory and postcodes are shared by every user of a database (an organisation's
-- directory); the shortlist and self-checks belong to one user.
-- List fields hold lower-case values between bars ("|eft|cbt|"), so a filter is one instr().

CREATE TABLE providers (
  id INTEGER PRIMARY KEY,
  provider_key TEXT NOT NULL UNIQUE,          -- the "id" column of the import file
  name TEXT NOT NULL,
  credentials TEXT NOT NULL DEFAULT '',
  licence TEXT NOT NULL DEFAULT '',
  practice TEXT NOT NULL DEFAULT '',
  provider_type TEXT NOT NULL,
  address TEXT NOT NULL DEFAULT '',
  city TEXT NOT NULL DEFAULT '',
  region TEXT NOT NULL DEFAULT '',
  postcode TEXT NOT NULL DEFAULT '',          -- as written
  postcode_key TEXT NOT NULL DEFAULT '',      -- upper case, no spaces (for lookup)
  country TEXT NOT NULL DEFAULT '',           -- ISO 3166 alpha-2, upper case
  lat REAL,                                   -- NULL: no coordinates (no radius search)
  lon REAL,
  coords_from TEXT NOT NULL DEFAULT 'none' CHECK (coords_from IN ('file', 'postcode', 'none')),
  telehealth INTEGER NOT NULL CHECK (telehealth IN (0, 1)),
  in_person INTEGER NOT NULL CHECK (in_person IN (0, 1)),
  specialties TEXT NOT NULL DEFAULT '|',
  therapy_types TEXT NOT NULL DEFAULT '|',
  populations TEXT NOT NULL DEFAULT '|',
  participants TEXT NOT NULL DEFAULT '|',
  languages TEXT NOT NULL DEFAULT '|',
  insurance TEXT NOT NULL DEFAULT '|',
  fee_min INTEGER,                            -- per session, whole currency units
  fee_max INTEGER,
  currency TEXT NOT NULL DEFAULT '',
  sliding_scale INTEGER NOT NULL DEFAULT 0 CHECK (sliding_scale IN (0, 1)),
  accepting INTEGER NOT NULL DEFAULT 1 CHECK (accepting IN (0, 1)),
  gender TEXT NOT NULL DEFAULT '',
  faith TEXT NOT NULL DEFAULT '',
  ethnicity TEXT NOT NULL DEFAULT '',
  website TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  about TEXT NOT NULL DEFAULT '',
  imported_ms INTEGER NOT NULL,
  updated_ms INTEGER NOT NULL
) STRICT;
CREATE INDEX providers_by_lat ON providers (lat, lon);
CREATE INDEX providers_by_postcode ON providers (country, postcode_key);

-- Free-text search over profiles (external content, kept in step by triggers).
CREATE VIRTUAL TABLE providers_fts USING fts5(
  name, practice, about, specialties, therapy_types, city,
  content='providers', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER providers_fts_insert AFTER INSERT ON providers BEGIN
  INSERT INTO providers_fts (rowid, name, practice, about, specialties, therapy_types, city)
  VALUES (new.id, new.name, new.practice, new.about, replace(new.specialties, '|', ' '),
          replace(new.therapy_types, '|', ' '), new.city);
END;
CREATE TRIGGER providers_fts_delete AFTER DELETE ON providers BEGIN
  INSERT INTO providers_fts (providers_fts, rowid, name, practice, about, specialties,
                             therapy_types, city)
  VALUES ('delete', old.id, old.name, old.practice, old.about, replace(old.specialties, '|', ' '),
          replace(old.therapy_types, '|', ' '), old.city);
END;
CREATE TRIGGER providers_fts_update AFTER UPDATE ON providers BEGIN
  INSERT INTO providers_fts (providers_fts, rowid, name, practice, about, specialties,
                             therapy_types, city)
  VALUES ('delete', old.id, old.name, old.practice, old.about, replace(old.specialties, '|', ' '),
          replace(old.therapy_types, '|', ' '), old.city);
  INSERT INTO providers_fts (rowid, name, practice, about, specialties, therapy_types, city)
  VALUES (new.id, new.name, new.practice, new.about, replace(new.specialties, '|', ' '),
          replace(new.therapy_types, '|', ' '), new.city);
END;

-- Postcode centroids, for "near this postcode" and for providers given only a postcode.
CREATE TABLE postcodes (
  country TEXT NOT NULL,                      -- ISO 3166 alpha-2, upper case
  postcode_key TEXT NOT NULL,                 -- upper case, no spaces
  postcode TEXT NOT NULL,                     -- as written
  place TEXT NOT NULL DEFAULT '',
  lat REAL NOT NULL,
  lon REAL NOT NULL,
  PRIMARY KEY (country, postcode_key)
) STRICT;
CREATE INDEX postcodes_by_key ON postcodes (postcode_key);

-- Therapists a person has saved, with where they are with each.
CREATE TABLE shortlist (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  provider_id INTEGER NOT NULL REFERENCES providers(id),
  status TEXT NOT NULL CHECK (status IN ('to-contact', 'contacted', 'consult-booked',
                                         'waitlisted', 'not-a-fit', 'working-with')),
  notes TEXT NOT NULL DEFAULT '',
  next_date INTEGER,                          -- a local day (days since 1970-01-01): consult, call back
  added_ms INTEGER NOT NULL,
  added_offset INTEGER NOT NULL,
  status_ms INTEGER NOT NULL,                 -- when the status last changed
  status_offset INTEGER NOT NULL,
  updated_ms INTEGER NOT NULL,
  deleted_ms INTEGER,                         -- removed (restorable for 30 days)
  UNIQUE (user_id, provider_id)
) STRICT;
CREATE INDEX shortlist_by_user ON shortlist (user_id, deleted_ms, id);

-- Every status a shortlist entry has had, oldest first (its dates).
CREATE TABLE shortlist_history (
  entry_id INTEGER NOT NULL REFERENCES shortlist(id) ON DELETE CASCADE,
  status TEXT NOT NULL,
  at_ms INTEGER NOT NULL,
  at_offset INTEGER NOT NULL
) STRICT;
CREATE INDEX shortlist_history_by_entry ON shortlist_history (entry_id, at_ms);

-- "Is it time to talk to someone?" results. Answers as JSON {"question id": value}.
CREATE TABLE checkups (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  answers TEXT NOT NULL,
  score INTEGER NOT NULL,
  band TEXT NOT NULL,
  safety_concern INTEGER NOT NULL CHECK (safety_concern IN (0, 1)),
  taken_ms INTEGER NOT NULL,
  taken_offset INTEGER NOT NULL
) STRICT;
CREATE INDEX checkups_by_user ON checkups (user_id, taken_ms);
