-- Cohort trajectories for the "validated" and "declared" data views (issue 9, `?data=`),
-- kept on write like those of migration 0003, which stay the "all" view. Same shapes, with a
-- `view` column; maintained in the transaction of every status update, retraction and
-- validation decision (server/src/repositories/trajectory-steps.ts), rebuilt from history by
-- rebuildDerivedState. What the views mean: docs/decisions/0004-validation-of-declarations.md.
--
-- challenge_month_levels_by_view: per challenge, view and axis, the level the view counts at
-- the end of each month where it changes. `validated`: the latest validated update of the
-- month. `declared`: the update in force at the end of the month when it is not validated;
-- NULL when the update in force is validated after one that was not (the challenge stops
-- counting from that month). The level carries forward to the next row.
CREATE TABLE challenge_month_levels_by_view (
  challenge_id INTEGER NOT NULL REFERENCES challenges (id),
  view         TEXT NOT NULL CHECK (view IN ('validated', 'declared')),
  axis         TEXT NOT NULL CHECK (axis IN ('production', 'transmission', 'reliability')),
  month        INTEGER NOT NULL CHECK (month >= 0),
  level        INTEGER CHECK (level BETWEEN 0 AND 3),
  CHECK (level IS NOT NULL OR view = 'declared'),
  PRIMARY KEY (challenge_id, view, axis, month)
) WITHOUT ROWID;

-- trajectory_steps_by_view: the same summed per promotion as a difference array (see
-- trajectory_steps); `reporters` counts the rows with a level.
CREATE TABLE trajectory_steps_by_view (
  view          TEXT NOT NULL CHECK (view IN ('validated', 'declared')),
  promotion_key TEXT NOT NULL REFERENCES promotions (key) ON UPDATE CASCADE,
  axis          TEXT NOT NULL CHECK (axis IN ('production', 'transmission', 'reliability')),
  month         INTEGER NOT NULL,
  level_delta   INTEGER NOT NULL DEFAULT 0,
  count_delta   INTEGER NOT NULL DEFAULT 0,
  reporters     INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (view, promotion_key, axis, month)
) WITHOUT ROWID;

-- Snapshots copy them too (migration 0008: copies are immutable). A snapshot taken before this
-- migration gets its rows computed once from its own history at the next start (see
-- ensureDerivedState): inserting is allowed, changing is not.
CREATE TABLE snapshot_challenge_month_levels_by_view (
  snapshot_id INTEGER NOT NULL, challenge_id INTEGER NOT NULL, view TEXT NOT NULL, axis TEXT NOT NULL, month INTEGER NOT NULL,
  level INTEGER,
  PRIMARY KEY (snapshot_id, challenge_id, view, axis, month)
) WITHOUT ROWID;

CREATE TABLE snapshot_trajectory_steps_by_view (
  snapshot_id INTEGER NOT NULL, view TEXT NOT NULL, promotion_key TEXT NOT NULL, axis TEXT NOT NULL, month INTEGER NOT NULL,
  level_delta INTEGER, count_delta INTEGER, reporters INTEGER,
  PRIMARY KEY (snapshot_id, view, promotion_key, axis, month)
) WITHOUT ROWID;

CREATE TRIGGER snapshot_challenge_month_levels_by_view_no_update BEFORE UPDATE ON snapshot_challenge_month_levels_by_view
BEGIN SELECT RAISE(ABORT, 'snapshots are immutable'); END;
CREATE TRIGGER snapshot_challenge_month_levels_by_view_no_delete BEFORE DELETE ON snapshot_challenge_month_levels_by_view
WHEN EXISTS (SELECT 1 FROM snapshots WHERE id = OLD.snapshot_id)
BEGIN SELECT RAISE(ABORT, 'snapshots are immutable'); END;
CREATE TRIGGER snapshot_trajectory_steps_by_view_no_update BEFORE UPDATE ON snapshot_trajectory_steps_by_view
BEGIN SELECT RAISE(ABORT, 'snapshots are immutable'); END;
CREATE TRIGGER snapshot_trajectory_steps_by_view_no_delete BEFORE DELETE ON snapshot_trajectory_steps_by_view
WHEN EXISTS (SELECT 1 FROM snapshots WHERE id = OLD.snapshot_id)
BEGIN SELECT RAISE(ABORT, 'snapshots are immutable'); END;
