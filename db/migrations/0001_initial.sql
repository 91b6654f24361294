-- The whole product's schema: catalogue, status history and derived current status,
-- outcomes, sustainability work, accounts, sessions and audit.
-- Dates are ISO 'YYYY-MM-DD' text; instants are ISO 8601 UTC text.

CREATE TABLE promotions (
  key               TEXT PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 20),
  label             TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 80),
  year              INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  starts_on         TEXT NOT NULL,
  ends_on           TEXT NOT NULL,
  dates_approximate INTEGER NOT NULL DEFAULT 1 CHECK (dates_approximate IN (0, 1)),
  position          INTEGER NOT NULL DEFAULT 0,
  CHECK (ends_on >= starts_on)
);

CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  email         TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  role          TEXT NOT NULL CHECK (role IN ('admin', 'mentor', 'evaluator')),
  password_hash TEXT,
  is_active     INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE challenges (
  id                     INTEGER PRIMARY KEY,
  slug                   TEXT NOT NULL UNIQUE CHECK (slug GLOB '[a-z0-9]*' AND length(slug) <= 100),
  title                  TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  promotion_key          TEXT NOT NULL REFERENCES promotions (key) ON UPDATE CASCADE,
  administration         TEXT NOT NULL CHECK (length(administration) <= 300),
  administration_website TEXT,
  website                TEXT,
  source_code            TEXT,
  city                   TEXT,
  year                   INTEGER NOT NULL,
  duration_months        INTEGER NOT NULL CHECK (duration_months BETWEEN 1 AND 36),
  starts_on              TEXT NOT NULL,
  ends_on                TEXT NOT NULL,
  dates_approximate      INTEGER NOT NULL DEFAULT 1 CHECK (dates_approximate IN (0, 1)),
  predecessor_id         INTEGER REFERENCES challenges (id),
  eig_count              INTEGER CHECK (eig_count >= 0),
  mentor_count           INTEGER CHECK (mentor_count >= 0),
  -- Lower-case title and administration without diacritics, for accent-insensitive search.
  search_text            TEXT NOT NULL,
  -- Optimistic-locking version, bumped by every write that concerns the challenge.
  version                INTEGER NOT NULL DEFAULT 1,
  updated_at             TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  CHECK (ends_on >= starts_on)
);
CREATE INDEX challenges_promotion ON challenges (promotion_key, title);

CREATE TABLE challenge_skills (
  challenge_id INTEGER NOT NULL REFERENCES challenges (id) ON DELETE CASCADE,
  skill        TEXT NOT NULL CHECK (length(skill) BETWEEN 1 AND 40),
  PRIMARY KEY (challenge_id, skill)
) WITHOUT ROWID;
CREATE INDEX challenge_skills_skill ON challenge_skills (skill);

CREATE TABLE challenge_mentors (
  challenge_id INTEGER NOT NULL REFERENCES challenges (id) ON DELETE CASCADE,
  user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  PRIMARY KEY (challenge_id, user_id)
) WITHOUT ROWID;
CREATE INDEX challenge_mentors_user ON challenge_mentors (user_id);

-- Append-only history: rows are never updated nor deleted (see the triggers below).
-- author_name keeps who recorded it as they were named then; author_id is null for
-- entries that come from the public catalogue.
CREATE TABLE status_updates (
  id           INTEGER PRIMARY KEY,
  challenge_id INTEGER NOT NULL REFERENCES challenges (id),
  axis         TEXT NOT NULL CHECK (axis IN ('production', 'transmission', 'reliability')),
  level        INTEGER NOT NULL CHECK (level BETWEEN 0 AND 3),
  note         TEXT CHECK (length(note) <= 2000),
  evidence_url TEXT CHECK (length(evidence_url) <= 500),
  as_of        TEXT NOT NULL,
  recorded_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  author_id    INTEGER REFERENCES users (id),
  author_name  TEXT NOT NULL
);
CREATE INDEX status_updates_challenge ON status_updates (challenge_id, axis, as_of, id);

CREATE TRIGGER status_updates_no_update BEFORE UPDATE ON status_updates
BEGIN SELECT RAISE(ABORT, 'status updates are append-only'); END;
CREATE TRIGGER status_updates_no_delete BEFORE DELETE ON status_updates
BEGIN SELECT RAISE(ABORT, 'status updates are append-only'); END;

-- A retraction takes a mistaken update out of every count without erasing it.
CREATE TABLE status_update_retractions (
  status_update_id INTEGER PRIMARY KEY REFERENCES status_updates (id),
  reason           TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
  retracted_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  author_id        INTEGER REFERENCES users (id),
  author_name      TEXT NOT NULL
);

-- Derived: the counting update of each axis (latest as_of, then latest recorded, not
-- retracted). Written in the same transaction as the history it derives from.
CREATE TABLE current_status (
  challenge_id     INTEGER NOT NULL REFERENCES challenges (id),
  axis             TEXT NOT NULL CHECK (axis IN ('production', 'transmission', 'reliability')),
  status_update_id INTEGER NOT NULL REFERENCES status_updates (id),
  level            INTEGER NOT NULL CHECK (level BETWEEN 0 AND 3),
  as_of            TEXT NOT NULL,
  PRIMARY KEY (challenge_id, axis)
) WITHOUT ROWID;

-- Outcome history: categories is a JSON array of category keys.
CREATE TABLE outcomes (
  id           INTEGER PRIMARY KEY,
  challenge_id INTEGER NOT NULL REFERENCES challenges (id),
  categories   TEXT NOT NULL CHECK (json_valid(categories) AND json_type(categories) = 'array'),
  path         TEXT CHECK (path IN ('internal_team', 'contractor', 'innovation_programme', 'other_administration')),
  note         TEXT CHECK (length(note) <= 2000),
  as_of        TEXT NOT NULL,
  recorded_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  author_id    INTEGER REFERENCES users (id),
  author_name  TEXT NOT NULL
);
CREATE INDEX outcomes_challenge ON outcomes (challenge_id, as_of, id);

CREATE TRIGGER outcomes_no_update BEFORE UPDATE ON outcomes
BEGIN SELECT RAISE(ABORT, 'outcomes are append-only'); END;
CREATE TRIGGER outcomes_no_delete BEFORE DELETE ON outcomes
BEGIN SELECT RAISE(ABORT, 'outcomes are append-only'); END;

-- Derived: the outcome in force for each challenge.
CREATE TABLE current_outcome (
  challenge_id INTEGER PRIMARY KEY REFERENCES challenges (id),
  outcome_id   INTEGER NOT NULL REFERENCES outcomes (id)
);

CREATE TABLE scenarios (
  id               INTEGER PRIMARY KEY,
  challenge_id     INTEGER NOT NULL REFERENCES challenges (id) ON DELETE CASCADE,
  title            TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  needs            TEXT CHECK (length(needs) <= 4000),
  resources_needed TEXT CHECK (length(resources_needed) <= 4000),
  governance       TEXT CHECK (length(governance) <= 4000),
  calendar         TEXT CHECK (length(calendar) <= 4000),
  preferred        INTEGER NOT NULL DEFAULT 0 CHECK (preferred IN (0, 1)),
  is_stop          INTEGER NOT NULL DEFAULT 0 CHECK (is_stop IN (0, 1)),
  created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX scenarios_challenge ON scenarios (challenge_id);
-- At most one preferred scenario and one stop scenario per challenge.
CREATE UNIQUE INDEX scenarios_one_preferred ON scenarios (challenge_id) WHERE preferred = 1;
CREATE UNIQUE INDEX scenarios_one_stop ON scenarios (challenge_id) WHERE is_stop = 1;

CREATE TABLE actions (
  id           INTEGER PRIMARY KEY,
  challenge_id INTEGER NOT NULL REFERENCES challenges (id) ON DELETE CASCADE,
  scenario_id  INTEGER REFERENCES scenarios (id) ON DELETE SET NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('communication', 'resources', 'coordination')),
  title        TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  status       TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'in_progress', 'done', 'dropped')),
  due_on       TEXT,
  owner        TEXT CHECK (length(owner) <= 120),
  as_of        TEXT,
  author_name  TEXT NOT NULL,
  created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX actions_challenge ON actions (challenge_id);

CREATE TABLE allies (
  id           INTEGER PRIMARY KEY,
  challenge_id INTEGER NOT NULL REFERENCES challenges (id) ON DELETE CASCADE,
  name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  kind         TEXT NOT NULL CHECK (kind IN ('dsi', 'business', 'strategic', 'programme', 'other')),
  role         TEXT CHECK (length(role) <= 500),
  as_of        TEXT,
  author_name  TEXT NOT NULL,
  created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX allies_challenge ON allies (challenge_id);

-- Post-programme resources: who or what keeps the deliverables alive after the programme.
CREATE TABLE resources (
  id             INTEGER PRIMARY KEY,
  challenge_id   INTEGER NOT NULL REFERENCES challenges (id) ON DELETE CASCADE,
  people_kept    INTEGER NOT NULL DEFAULT 0 CHECK (people_kept BETWEEN 0 AND 1000),
  arrangement    TEXT CHECK (arrangement IN ('contract_extension', 'new_post', 'contractor', 'other')),
  time_share     TEXT CHECK (time_share IN ('full_time', 'part_time')),
  budget_secured INTEGER NOT NULL DEFAULT 0 CHECK (budget_secured IN (0, 1)),
  hosting        TEXT CHECK (length(hosting) <= 500),
  note           TEXT CHECK (length(note) <= 2000),
  created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX resources_challenge ON resources (challenge_id);

-- Handover checklist: one row per item a mentor has touched; absent means not done.
CREATE TABLE checklist_items (
  challenge_id INTEGER NOT NULL REFERENCES challenges (id) ON DELETE CASCADE,
  item_key     TEXT NOT NULL CHECK (length(item_key) BETWEEN 1 AND 60),
  done         INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
  link         TEXT CHECK (length(link) <= 500),
  updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (challenge_id, item_key)
) WITHOUT ROWID;

-- Server-side sessions: id is the SHA-256 of the cookie value, never the value itself.
CREATE TABLE sessions (
  id           TEXT PRIMARY KEY,
  user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token   TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at   TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE login_attempts (
  id         INTEGER PRIMARY KEY,
  email      TEXT NOT NULL COLLATE NOCASE,
  ip         TEXT NOT NULL,
  succeeded  INTEGER NOT NULL CHECK (succeeded IN (0, 1)),
  at         TEXT NOT NULL
);
CREATE INDEX login_attempts_email_ip ON login_attempts (email, ip, at);
CREATE INDEX login_attempts_ip ON login_attempts (ip, at);

-- Who did what, when, with the state before and after (JSON). Actor fields are copied so
-- that the log stays readable after an account changes.
CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  actor_id    INTEGER REFERENCES users (id) ON DELETE SET NULL,
  actor_name  TEXT,
  actor_email TEXT,
  action      TEXT NOT NULL,
  target_type TEXT,
  target_id   TEXT,
  before      TEXT CHECK (before IS NULL OR json_valid(before)),
  after       TEXT CHECK (after IS NULL OR json_valid(after)),
  ip          TEXT
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_actor ON audit_log (actor_id, at);
CREATE INDEX audit_log_target ON audit_log (target_type, target_id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

-- Monotonic data revision: every write to the programme's data bumps it, through the
-- triggers below, so that caches (ETags) can never miss a write. Sessions, login attempts
-- and the audit log do not count: they are not data that reads show.
CREATE TABLE data_revision (
  id       INTEGER PRIMARY KEY CHECK (id = 1),
  revision INTEGER NOT NULL
);
INSERT INTO data_revision (id, revision) VALUES (1, 0);

-- Whether the database holds generated demonstration data (shown as a banner).
CREATE TABLE dataset_info (
  id           INTEGER PRIMARY KEY CHECK (id = 1),
  is_synthetic INTEGER NOT NULL DEFAULT 0 CHECK (is_synthetic IN (0, 1)),
  source       TEXT
);
INSERT INTO dataset_info (id, is_synthetic, source) VALUES (1, 0, NULL);

CREATE TRIGGER promotions_revision_insert AFTER INSERT ON promotions
BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;
CREATE TRIGGER promotions_revision_update AFTER UPDATE ON promotions
BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;
CREATE TRIGGER promotions_revision_delete AFTER DELETE ON promotions
BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;
CREATE TRIGGER challenges_revision_insert AFTER INSERT ON challenges
BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;
CREATE TRIGGER challenges_revision_update AFTER UPDATE ON challenges
BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;
CREATE TRIGGER challenges_revision_delete AFTER DELETE ON challenges
BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;
CREATE TRIGGER challenge_skills_revision_insert AFTER INSERT ON challenge_skills
BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;
CREATE TRIGGER challenge_skills_revision_update AFTER UPDATE ON challenge_skills
BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;
CREATE TRIGGER challenge_skills_revision_delete AFTER DELETE ON challenge_skills
BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;
CREATE TRIGGER challenge_mentors_revision_insert AFTER INSERT ON challenge_mentors
BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;
CREATE TRIGGER challenge_mentors_revision_update AFTER UPDATE ON challenge_mentors
BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;
CREATE TRIGGER challenge_mentors_revision_delete AFTER DELETE ON challenge_mentors
BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;
CREATE TRIGGER users_revision_insert AFTER INSERT ON users
BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;
CREATE TRIGGER users_revision_update AFTER UPDATE ON users
BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;
CREATE TRIGGER users_revision_delete AFTER DELETE ON users
BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;
CREATE TRIGGER status_updates_revision_insert AFTER INSERT ON status_updates
BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;
CREATE TRIGGER status_update_retractions_revision_insert AFTER INSERT ON status_update_retractions
BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;
CREATE TRIGGER status_update_retractions_revision_update AFTER UPDATE ON status_update_retractions
BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;
CREATE TRIGGER status_update_retractions_revision_delete AFTER DELETE ON status_update_retractions
BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;
CREATE TRIGGER outcomes_revision_insert AFTER INSERT ON outcomes
BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;
CREATE TRIGGER scenarios_revision_insert AFTER INSERT ON scenarios
BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;
CREATE TRIGGER scenarios_revision_update AFTER UPDATE ON scenarios
BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;
CREATE TRIGGER scenarios_revision_delete AFTER DELETE ON scenarios
BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;
CREATE TRIGGER actions_revision_insert AFTER INSERT ON actions
BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;
CREATE TRIGGER actions_revision_update AFTER UPDATE ON actions
BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;
CREATE TRIGGER actions_revision_delete AFTER DELETE ON actions
BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;
CREATE TRIGGER allies_revision_insert AFTER INSERT ON allies
BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;
CREATE TRIGGER allies_revision_update AFTER UPDATE ON allies
BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;
CREATE TRIGGER allies_revision_delete AFTER DELETE ON allies
BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;
CREATE TRIGGER resources_revision_insert AFTER INSERT ON resources
BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;
CREATE TRIGGER resources_revision_update AFTER UPDATE ON resources
BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;
CREATE TRIGGER resources_revision_delete AFTER DELETE ON resources
BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;
CREATE TRIGGER checklist_items_revision_insert AFTER INSERT ON checklist_items
BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;
CREATE TRIGGER checklist_items_revision_update AFTER UPDATE ON checklist_items
BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;
CREATE TRIGGER checklist_items_revision_delete AFTER DELETE ON checklist_items
BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;
CREATE TRIGGER dataset_info_revision_insert AFTER INSERT ON dataset_info
BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;
CREATE TRIGGER dataset_info_revision_update AFTER UPDATE ON dataset_info
BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;
CREATE TRIGGER dataset_info_revision_delete AFTER DELETE ON dataset_info
BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;
