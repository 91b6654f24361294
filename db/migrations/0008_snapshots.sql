-- Citable snapshots (issue 9): a named, dated, immutable copy of what the statistics and the
-- exports read. Each snapshot_<table> holds, per snapshot, a copy of the live table's rows;
-- the columns copied are listed once, in server/src/repositories/snapshot-copies.ts.
-- Status updates, outcomes and validation decisions are append-only with growing ids: a
-- snapshot keeps the last id of each instead of a copy, and reads "as of" it see the rows up
-- to that id.
--
-- Immutability: no snapshot row can be updated. A snapshot can be deleted only when the audit
-- log already records its deletion (the admin route writes both in one transaction); its
-- copied rows can be deleted only once the snapshot itself is gone. Ids are never reused
-- (AUTOINCREMENT): an answer cached for a snapshot id can never describe another snapshot.
CREATE TABLE snapshots (
  id                     INTEGER PRIMARY KEY AUTOINCREMENT,
  name                   TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 120),
  taken_at               TEXT NOT NULL,
  methodology_version    TEXT NOT NULL,
  data_revision          INTEGER NOT NULL,
  last_status_update_id  INTEGER NOT NULL,
  last_outcome_id        INTEGER NOT NULL,
  last_validation_decision_id INTEGER NOT NULL,
  challenge_count        INTEGER NOT NULL,
  taken_by_id            INTEGER,
  taken_by_name          TEXT
);

CREATE TABLE snapshot_promotions (
  snapshot_id INTEGER NOT NULL, key TEXT NOT NULL, label TEXT, year INTEGER, starts_on TEXT, ends_on TEXT,
  dates_approximate INTEGER, position INTEGER,
  PRIMARY KEY (snapshot_id, key)
) WITHOUT ROWID;

-- Keyed by promotion first: cohort counts read a snapshot's challenges promotion by promotion.
CREATE TABLE snapshot_challenges (
  snapshot_id INTEGER NOT NULL, id INTEGER NOT NULL, slug TEXT, title TEXT, promotion_key TEXT NOT NULL, administration TEXT,
  website TEXT, source_code TEXT, year INTEGER, duration_months INTEGER, starts_on TEXT, ends_on TEXT,
  dates_approximate INTEGER, predecessor_id INTEGER, last_report_at TEXT,
  production_level INTEGER, transmission_level INTEGER, reliability_level INTEGER, outcome_mask INTEGER,
  validated_production_level INTEGER, validated_transmission_level INTEGER, validated_reliability_level INTEGER,
  validated_outcome_mask INTEGER, production_validated INTEGER, transmission_validated INTEGER,
  reliability_validated INTEGER, outcome_validated INTEGER,
  search_text TEXT, version INTEGER, updated_at TEXT,
  PRIMARY KEY (snapshot_id, promotion_key, id)
) WITHOUT ROWID;
CREATE UNIQUE INDEX snapshot_challenges_id ON snapshot_challenges (snapshot_id, id);

CREATE TABLE snapshot_challenge_skills (
  snapshot_id INTEGER NOT NULL, challenge_id INTEGER NOT NULL, skill TEXT NOT NULL,
  PRIMARY KEY (snapshot_id, challenge_id, skill)
) WITHOUT ROWID;

CREATE TABLE snapshot_current_status (
  snapshot_id INTEGER NOT NULL, challenge_id INTEGER NOT NULL, axis TEXT NOT NULL, status_update_id INTEGER,
  level INTEGER, as_of TEXT,
  PRIMARY KEY (snapshot_id, challenge_id, axis)
) WITHOUT ROWID;

CREATE TABLE snapshot_current_outcome (
  snapshot_id INTEGER NOT NULL, challenge_id INTEGER NOT NULL, outcome_id INTEGER,
  PRIMARY KEY (snapshot_id, challenge_id)
) WITHOUT ROWID;

CREATE TABLE snapshot_challenge_month_levels (
  snapshot_id INTEGER NOT NULL, challenge_id INTEGER NOT NULL, axis TEXT NOT NULL, month INTEGER NOT NULL, level INTEGER,
  PRIMARY KEY (snapshot_id, challenge_id, axis, month)
) WITHOUT ROWID;

CREATE TABLE snapshot_trajectory_steps (
  snapshot_id INTEGER NOT NULL, promotion_key TEXT NOT NULL, axis TEXT NOT NULL, month INTEGER NOT NULL,
  level_delta INTEGER, count_delta INTEGER, reporters INTEGER,
  PRIMARY KEY (snapshot_id, promotion_key, axis, month)
) WITHOUT ROWID;

CREATE TABLE snapshot_status_update_retractions (
  snapshot_id INTEGER NOT NULL, status_update_id INTEGER NOT NULL, reason TEXT, retracted_at TEXT,
  PRIMARY KEY (snapshot_id, status_update_id)
) WITHOUT ROWID;

CREATE TABLE snapshot_actions (
  snapshot_id INTEGER NOT NULL, id INTEGER NOT NULL, challenge_id INTEGER, scenario_id INTEGER, kind TEXT, title TEXT,
  status TEXT, due_on TEXT, owner TEXT, as_of TEXT,
  PRIMARY KEY (snapshot_id, id)
) WITHOUT ROWID;
CREATE INDEX snapshot_actions_challenge ON snapshot_actions (snapshot_id, challenge_id);

CREATE TABLE snapshot_scenarios (
  snapshot_id INTEGER NOT NULL, id INTEGER NOT NULL, challenge_id INTEGER, title TEXT, needs TEXT,
  resources_needed TEXT, governance TEXT, calendar TEXT, preferred INTEGER, is_stop INTEGER,
  PRIMARY KEY (snapshot_id, id)
) WITHOUT ROWID;
CREATE INDEX snapshot_scenarios_challenge ON snapshot_scenarios (snapshot_id, challenge_id);

CREATE TABLE snapshot_allies (
  snapshot_id INTEGER NOT NULL, id INTEGER NOT NULL, challenge_id INTEGER, name TEXT, kind TEXT, role TEXT, as_of TEXT,
  PRIMARY KEY (snapshot_id, id)
) WITHOUT ROWID;
CREATE INDEX snapshot_allies_challenge ON snapshot_allies (snapshot_id, challenge_id);

CREATE TABLE snapshot_resources (
  snapshot_id INTEGER NOT NULL, id INTEGER NOT NULL, challenge_id INTEGER, people_kept INTEGER, arrangement TEXT,
  time_share TEXT, budget_secured INTEGER, hosting TEXT, note TEXT,
  PRIMARY KEY (snapshot_id, id)
) WITHOUT ROWID;
CREATE INDEX snapshot_resources_challenge ON snapshot_resources (snapshot_id, challenge_id);

CREATE TRIGGER snapshots_no_update BEFORE UPDATE ON snapshots
BEGIN SELECT RAISE(ABORT, 'snapshots are immutable'); END;
CREATE TRIGGER snapshots_delete_audited BEFORE DELETE ON snapshots
WHEN NOT EXISTS (
  SELECT 1 FROM audit_log
  WHERE target_type = 'snapshot' AND target_id = CAST(OLD.id AS TEXT) AND action = 'snapshot.deleted'
)
BEGIN SELECT RAISE(ABORT, 'a snapshot is deleted only with its audit entry'); END;

CREATE TRIGGER snapshot_promotions_no_update BEFORE UPDATE ON snapshot_promotions
BEGIN SELECT RAISE(ABORT, 'snapshots are immutable'); END;
CREATE TRIGGER snapshot_promotions_no_delete BEFORE DELETE ON snapshot_promotions
WHEN EXISTS (SELECT 1 FROM snapshots WHERE id = OLD.snapshot_id)
BEGIN SELECT RAISE(ABORT, 'snapshots are immutable'); END;
CREATE TRIGGER snapshot_challenges_no_update BEFORE UPDATE ON snapshot_challenges
BEGIN SELECT RAISE(ABORT, 'snapshots are immutable'); END;
CREATE TRIGGER snapshot_challenges_no_delete BEFORE DELETE ON snapshot_challenges
WHEN EXISTS (SELECT 1 FROM snapshots WHERE id = OLD.snapshot_id)
BEGIN SELECT RAISE(ABORT, 'snapshots are immutable'); END;
CREATE TRIGGER snapshot_challenge_skills_no_update BEFORE UPDATE ON snapshot_challenge_skills
BEGIN SELECT RAISE(ABORT, 'snapshots are immutable'); END;
CREATE TRIGGER snapshot_challenge_skills_no_delete BEFORE DELETE ON snapshot_challenge_skills
WHEN EXISTS (SELECT 1 FROM snapshots WHERE id = OLD.snapshot_id)
BEGIN SELECT RAISE(ABORT, 'snapshots are immutable'); END;
CREATE TRIGGER snapshot_current_status_no_update BEFORE UPDATE ON snapshot_current_status
BEGIN SELECT RAISE(ABORT, 'snapshots are immutable'); END;
CREATE TRIGGER snapshot_current_status_no_delete BEFORE DELETE ON snapshot_current_status
WHEN EXISTS (SELECT 1 FROM snapshots WHERE id = OLD.snapshot_id)
BEGIN SELECT RAISE(ABORT, 'snapshots are immutable'); END;
CREATE TRIGGER snapshot_current_outcome_no_update BEFORE UPDATE ON snapshot_current_outcome
BEGIN SELECT RAISE(ABORT, 'snapshots are immutable'); END;
CREATE TRIGGER snapshot_current_outcome_no_delete BEFORE DELETE ON snapshot_current_outcome
WHEN EXISTS (SELECT 1 FROM snapshots WHERE id = OLD.snapshot_id)
BEGIN SELECT RAISE(ABORT, 'snapshots are immutable'); END;
CREATE TRIGGER snapshot_challenge_month_levels_no_update BEFORE UPDATE ON snapshot_challenge_month_levels
BEGIN SELECT RAISE(ABORT, 'snapshots are immutable'); END;
CREATE TRIGGER snapshot_challenge_month_levels_no_delete BEFORE DELETE ON snapshot_challenge_month_levels
WHEN EXISTS (SELECT 1 FROM snapshots WHERE id = OLD.snapshot_id)
BEGIN SELECT RAISE(ABORT, 'snapshots are immutable'); END;
CREATE TRIGGER snapshot_trajectory_steps_no_update BEFORE UPDATE ON snapshot_trajectory_steps
BEGIN SELECT RAISE(ABORT, 'snapshots are immutable'); END;
CREATE TRIGGER snapshot_trajectory_steps_no_delete BEFORE DELETE ON snapshot_trajectory_steps
WHEN EXISTS (SELECT 1 FROM snapshots WHERE id = OLD.snapshot_id)
BEGIN SELECT RAISE(ABORT, 'snapshots are immutable'); END;
CREATE TRIGGER snapshot_status_update_retractions_no_update BEFORE UPDATE ON snapshot_status_update_retractions
BEGIN SELECT RAISE(ABORT, 'snapshots are immutable'); END;
CREATE TRIGGER snapshot_status_update_retractions_no_delete BEFORE DELETE ON snapshot_status_update_retractions
WHEN EXISTS (SELECT 1 FROM snapshots WHERE id = OLD.snapshot_id)
BEGIN SELECT RAISE(ABORT, 'snapshots are immutable'); END;
CREATE TRIGGER snapshot_actions_no_update BEFORE UPDATE ON snapshot_actions
BEGIN SELECT RAISE(ABORT, 'snapshots are immutable'); END;
CREATE TRIGGER snapshot_actions_no_delete BEFORE DELETE ON snapshot_actions
WHEN EXISTS (SELECT 1 FROM snapshots WHERE id = OLD.snapshot_id)
BEGIN SELECT RAISE(ABORT, 'snapshots are immutable'); END;
CREATE TRIGGER snapshot_scenarios_no_update BEFORE UPDATE ON snapshot_scenarios
BEGIN SELECT RAISE(ABORT, 'snapshots are immutable'); END;
CREATE TRIGGER snapshot_scenarios_no_delete BEFORE DELETE ON snapshot_scenarios
WHEN EXISTS (SELECT 1 FROM snapshots WHERE id = OLD.snapshot_id)
BEGIN SELECT RAISE(ABORT, 'snapshots are immutable'); END;
CREATE TRIGGER snapshot_allies_no_update BEFORE UPDATE ON snapshot_allies
BEGIN SELECT RAISE(ABORT, 'snapshots are immutable'); END;
CREATE TRIGGER snapshot_allies_no_delete BEFORE DELETE ON snapshot_allies
WHEN EXISTS (SELECT 1 FROM snapshots WHERE id = OLD.snapshot_id)
BEGIN SELECT RAISE(ABORT, 'snapshots are immutable'); END;
CREATE TRIGGER snapshot_resources_no_update BEFORE UPDATE ON snapshot_resources
BEGIN SELECT RAISE(ABORT, 'snapshots are immutable'); END;
CREATE TRIGGER snapshot_resources_no_delete BEFORE DELETE ON snapshot_resources
WHEN EXISTS (SELECT 1 FROM snapshots WHERE id = OLD.snapshot_id)
BEGIN SELECT RAISE(ABORT, 'snapshots are immutable'); END;
