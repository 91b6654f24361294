-- Validation of mentors' declarations (issue 9). A status update or an outcome recorded by
-- an account is "déclaré" until an admin decides: validated, or sent back with a comment.
-- Decisions are history too: appended, never edited; an entry's state is its latest decision.
-- Entries without an author account (the public catalogue, generated demonstration data) are
-- not declarations: with no decision, they count as validated.
CREATE TABLE validation_decisions (
  id           INTEGER PRIMARY KEY,
  entry_kind   TEXT NOT NULL CHECK (entry_kind IN ('status_update', 'outcome')),
  entry_id     INTEGER NOT NULL,
  challenge_id INTEGER NOT NULL REFERENCES challenges (id),
  decision     TEXT NOT NULL CHECK (decision IN ('validated', 'sent_back')),
  comment      TEXT CHECK (comment IS NULL OR length(comment) BETWEEN 1 AND 2000),
  decided_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  admin_id     INTEGER REFERENCES users (id),
  admin_name   TEXT NOT NULL,
  -- Sending back without saying why helps nobody.
  CHECK (decision = 'validated' OR comment IS NOT NULL)
);
CREATE INDEX validation_decisions_entry ON validation_decisions (entry_kind, entry_id, id);
CREATE INDEX validation_decisions_challenge ON validation_decisions (challenge_id);

CREATE TRIGGER validation_decisions_no_update BEFORE UPDATE ON validation_decisions
BEGIN SELECT RAISE(ABORT, 'validation decisions are append-only'); END;
CREATE TRIGGER validation_decisions_no_delete BEFORE DELETE ON validation_decisions
BEGIN SELECT RAISE(ABORT, 'validation decisions are append-only'); END;
CREATE TRIGGER validation_decisions_revision_insert AFTER INSERT ON validation_decisions
BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;

-- The queue of declarations reads only the entries recorded by an account.
CREATE INDEX status_updates_authored ON status_updates (id) WHERE author_id IS NOT NULL;
CREATE INDEX outcomes_authored ON outcomes (id) WHERE author_id IS NOT NULL;

-- Cohort columns for the "validated only" and "declared only" views, beside those of
-- migration 0004 and kept in the same transactions: the level of the latest validated
-- counting update per axis, the categories of the latest validated outcome, and whether the
-- current value of each axis / the outcome in force is validated (NULL: no current value).
ALTER TABLE challenges ADD COLUMN validated_production_level INTEGER CHECK (validated_production_level BETWEEN 0 AND 3);
ALTER TABLE challenges ADD COLUMN validated_transmission_level INTEGER CHECK (validated_transmission_level BETWEEN 0 AND 3);
ALTER TABLE challenges ADD COLUMN validated_reliability_level INTEGER CHECK (validated_reliability_level BETWEEN 0 AND 3);
ALTER TABLE challenges ADD COLUMN validated_outcome_mask INTEGER CHECK (validated_outcome_mask BETWEEN 0 AND 63);
ALTER TABLE challenges ADD COLUMN production_validated INTEGER CHECK (production_validated IN (0, 1));
ALTER TABLE challenges ADD COLUMN transmission_validated INTEGER CHECK (transmission_validated IN (0, 1));
ALTER TABLE challenges ADD COLUMN reliability_validated INTEGER CHECK (reliability_validated IN (0, 1));
ALTER TABLE challenges ADD COLUMN outcome_validated INTEGER CHECK (outcome_validated IN (0, 1));

-- What admins recorded before this migration was theirs: validated as of when they recorded it.
INSERT INTO validation_decisions (entry_kind, entry_id, challenge_id, decision, decided_at, admin_id, admin_name)
SELECT 'status_update', u.id, u.challenge_id, 'validated', u.recorded_at, u.author_id, u.author_name
FROM status_updates u JOIN users a ON a.id = u.author_id AND a.role = 'admin'
ORDER BY u.id;
INSERT INTO validation_decisions (entry_kind, entry_id, challenge_id, decision, decided_at, admin_id, admin_name)
SELECT 'outcome', o.id, o.challenge_id, 'validated', o.recorded_at, o.author_id, o.author_name
FROM outcomes o JOIN users a ON a.id = o.author_id AND a.role = 'admin'
ORDER BY o.id;

-- Same computation as rebuildDerivedState (server/src/db/derived-state.ts).
UPDATE challenges SET
  validated_production_level = (
    SELECT u.level FROM status_updates u
    WHERE u.challenge_id = challenges.id AND u.axis = 'production'
      AND NOT EXISTS (SELECT 1 FROM status_update_retractions r WHERE r.status_update_id = u.id)
      AND coalesce((SELECT d.decision FROM validation_decisions d WHERE d.entry_kind = 'status_update' AND d.entry_id = u.id ORDER BY d.id DESC LIMIT 1),
                   CASE WHEN u.author_id IS NULL THEN 'validated' ELSE 'declared' END) = 'validated'
    ORDER BY u.as_of DESC, u.id DESC LIMIT 1),
  validated_transmission_level = (
    SELECT u.level FROM status_updates u
    WHERE u.challenge_id = challenges.id AND u.axis = 'transmission'
      AND NOT EXISTS (SELECT 1 FROM status_update_retractions r WHERE r.status_update_id = u.id)
      AND coalesce((SELECT d.decision FROM validation_decisions d WHERE d.entry_kind = 'status_update' AND d.entry_id = u.id ORDER BY d.id DESC LIMIT 1),
                   CASE WHEN u.author_id IS NULL THEN 'validated' ELSE 'declared' END) = 'validated'
    ORDER BY u.as_of DESC, u.id DESC LIMIT 1),
  validated_reliability_level = (
    SELECT u.level FROM status_updates u
    WHERE u.challenge_id = challenges.id AND u.axis = 'reliability'
      AND NOT EXISTS (SELECT 1 FROM status_update_retractions r WHERE r.status_update_id = u.id)
      AND coalesce((SELECT d.decision FROM validation_decisions d WHERE d.entry_kind = 'status_update' AND d.entry_id = u.id ORDER BY d.id DESC LIMIT 1),
                   CASE WHEN u.author_id IS NULL THEN 'validated' ELSE 'declared' END) = 'validated'
    ORDER BY u.as_of DESC, u.id DESC LIMIT 1),
  production_validated = (
    SELECT coalesce((SELECT d.decision FROM validation_decisions d WHERE d.entry_kind = 'status_update' AND d.entry_id = u.id ORDER BY d.id DESC LIMIT 1),
                    CASE WHEN u.author_id IS NULL THEN 'validated' ELSE 'declared' END) = 'validated'
    FROM current_status s JOIN status_updates u ON u.id = s.status_update_id
    WHERE s.challenge_id = challenges.id AND s.axis = 'production'),
  transmission_validated = (
    SELECT coalesce((SELECT d.decision FROM validation_decisions d WHERE d.entry_kind = 'status_update' AND d.entry_id = u.id ORDER BY d.id DESC LIMIT 1),
                    CASE WHEN u.author_id IS NULL THEN 'validated' ELSE 'declared' END) = 'validated'
    FROM current_status s JOIN status_updates u ON u.id = s.status_update_id
    WHERE s.challenge_id = challenges.id AND s.axis = 'transmission'),
  reliability_validated = (
    SELECT coalesce((SELECT d.decision FROM validation_decisions d WHERE d.entry_kind = 'status_update' AND d.entry_id = u.id ORDER BY d.id DESC LIMIT 1),
                    CASE WHEN u.author_id IS NULL THEN 'validated' ELSE 'declared' END) = 'validated'
    FROM current_status s JOIN status_updates u ON u.id = s.status_update_id
    WHERE s.challenge_id = challenges.id AND s.axis = 'reliability'),
  validated_outcome_mask = (
    SELECT (SELECT sum(DISTINCT CASE category.value
              WHEN 'maintained' THEN 1 WHEN 'evolving_in_production' THEN 2 WHEN 'production_after_end' THEN 4
              WHEN 'beyond_initial_scope' THEN 8 WHEN 'components_reused' THEN 16 WHEN 'discontinued' THEN 32 END)
            FROM json_each(o.categories) AS category)
    FROM outcomes o
    WHERE o.challenge_id = challenges.id
      AND coalesce((SELECT d.decision FROM validation_decisions d WHERE d.entry_kind = 'outcome' AND d.entry_id = o.id ORDER BY d.id DESC LIMIT 1),
                   CASE WHEN o.author_id IS NULL THEN 'validated' ELSE 'declared' END) = 'validated'
    ORDER BY o.as_of DESC, o.id DESC LIMIT 1),
  outcome_validated = (
    SELECT coalesce((SELECT d.decision FROM validation_decisions d WHERE d.entry_kind = 'outcome' AND d.entry_id = o.id ORDER BY d.id DESC LIMIT 1),
                    CASE WHEN o.author_id IS NULL THEN 'validated' ELSE 'declared' END) = 'validated'
    FROM current_outcome co JOIN outcomes o ON o.id = co.outcome_id
    WHERE co.challenge_id = challenges.id);
