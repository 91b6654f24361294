// Rebuilds, in bulk, every table derived from history: for a generated dataset, or a database
// from before the trajectory tables existed. Writes keep them up to date one by one afterwards.
import type { Db } from "../db/database";
import { markTrajectoryChanged } from "./trajectory-steps";
import { entryStateSql, rebuildValidationColumns } from "./review";
import { LIVE, snapshotSource, type DataSource } from "./data-source";
import { findSnapshot } from "./snapshots";

const NOT_RETRACTED = "NOT EXISTS (SELECT 1 FROM status_update_retractions r WHERE r.status_update_id = u.id)";

// Whole months from the promotion's start to the update's date, 0 when before (shared/dates.ts).
const MONTH = `max(0,
  (CAST(strftime('%Y', u.as_of) AS INTEGER) - CAST(strftime('%Y', p.starts_on) AS INTEGER)) * 12
  + CAST(strftime('%m', u.as_of) AS INTEGER) - CAST(strftime('%m', p.starts_on) AS INTEGER)
  - (CAST(strftime('%d', u.as_of) AS INTEGER) < CAST(strftime('%d', p.starts_on) AS INTEGER)))`;

/**
 * SQL: the month levels of the "validated" and "declared" views (migration 0010) from the
 * history a data source holds; the same rows refreshTrajectory (trajectory-steps.ts) keeps.
 */
const viewMonthLevelsSql = (source: DataSource) => `
  WITH history AS (
    SELECT u.id, u.challenge_id, u.axis, u.level, u.as_of, ${MONTH} AS month,
           ${entryStateSql("status_update", "u", source.table("validation_decisions"))} = 'validated' AS validated
    FROM ${source.table("status_updates")} u
    JOIN ${source.table("challenges")} c ON c.id = u.challenge_id
    JOIN ${source.table("promotions")} p ON p.key = c.promotion_key
    WHERE NOT EXISTS (SELECT 1 FROM ${source.table("status_update_retractions")} r WHERE r.status_update_id = u.id)
  ),
  -- Per month, newest first: the first row is in force at the month's end; the first with a
  -- running count of one validated row is the month's latest validated update. One sort.
  ranked AS MATERIALIZED (
    SELECT *, row_number() OVER newest AS in_force_rank, sum(validated) OVER newest AS validated_rank
    FROM history
    WINDOW newest AS (PARTITION BY challenge_id, axis, month ORDER BY as_of DESC, id DESC ROWS UNBOUNDED PRECEDING)
  ),
  in_force AS (
    SELECT challenge_id, axis, month, level, validated,
           lag(validated) OVER (PARTITION BY challenge_id, axis ORDER BY month) AS previous_validated
    FROM ranked WHERE in_force_rank = 1
  )
  SELECT challenge_id, 'validated' AS view, axis, month, level FROM ranked WHERE validated = 1 AND validated_rank = 1
  UNION ALL
  -- A declared level counts until a validated update is in force: one NULL row says so.
  SELECT challenge_id, 'declared', axis, month, CASE WHEN validated = 0 THEN level END
  FROM in_force WHERE validated = 0 OR previous_validated = 0`;

/** SQL: the by-view month levels summed per promotion (same difference array as trajectory_steps). */
const viewStepsSql = (source: DataSource) => `
  SELECT l.view, c.promotion_key, l.axis, l.month,
         sum(coalesce(l.level, 0) - coalesce(l.previous, 0)), sum((l.level IS NOT NULL) - (l.previous IS NOT NULL)), sum(l.level IS NOT NULL)
  FROM (
    SELECT *, lag(level) OVER (PARTITION BY challenge_id, view, axis ORDER BY month) AS previous
    FROM ${source.table("challenge_month_levels_by_view")}
  ) l JOIN ${source.table("challenges")} c ON c.id = l.challenge_id
  GROUP BY l.view, c.promotion_key, l.axis, l.month`;

export function rebuildDerivedState(db: Db): void {
  db.transaction(() => {
    db.exec(`
      DELETE FROM current_status;
      INSERT INTO current_status (challenge_id, axis, status_update_id, level, as_of)
      SELECT challenge_id, axis, id, level, as_of FROM (
        SELECT u.*, row_number() OVER (PARTITION BY u.challenge_id, u.axis ORDER BY u.as_of DESC, u.id DESC) AS rank
        FROM status_updates u WHERE ${NOT_RETRACTED}
      ) WHERE rank = 1;

      DELETE FROM current_outcome;
      INSERT INTO current_outcome (challenge_id, outcome_id)
      SELECT challenge_id, id FROM (
        SELECT o.*, row_number() OVER (PARTITION BY o.challenge_id ORDER BY o.as_of DESC, o.id DESC) AS rank FROM outcomes o
      ) WHERE rank = 1;

      DELETE FROM challenge_month_levels;
      INSERT INTO challenge_month_levels (challenge_id, axis, month, level)
      SELECT challenge_id, axis, month, level FROM (
        SELECT u.challenge_id, u.axis, ${MONTH} AS month, u.level,
               row_number() OVER (PARTITION BY u.challenge_id, u.axis, ${MONTH} ORDER BY u.as_of DESC, u.id DESC) AS rank
        FROM status_updates u
        JOIN challenges c ON c.id = u.challenge_id
        JOIN promotions p ON p.key = c.promotion_key
        WHERE ${NOT_RETRACTED}
      ) WHERE rank = 1;

      DELETE FROM trajectory_steps;
      INSERT INTO trajectory_steps (promotion_key, axis, month, level_delta, count_delta, reporters)
      SELECT c.promotion_key, l.axis, l.month, sum(l.level - coalesce(l.previous, 0)), sum(l.previous IS NULL), count(*)
      FROM (
        SELECT *, lag(level) OVER (PARTITION BY challenge_id, axis ORDER BY month) AS previous FROM challenge_month_levels
      ) l JOIN challenges c ON c.id = l.challenge_id
      GROUP BY c.promotion_key, l.axis, l.month;

      -- Cohort columns (migration 0004): bit i of outcome_mask is OUTCOME_CATEGORIES[i].
      UPDATE challenges SET
        production_level = (SELECT level FROM current_status WHERE challenge_id = challenges.id AND axis = 'production'),
        transmission_level = (SELECT level FROM current_status WHERE challenge_id = challenges.id AND axis = 'transmission'),
        reliability_level = (SELECT level FROM current_status WHERE challenge_id = challenges.id AND axis = 'reliability'),
        outcome_mask = (
          SELECT sum(DISTINCT CASE category.value
            WHEN 'maintained' THEN 1 WHEN 'evolving_in_production' THEN 2 WHEN 'production_after_end' THEN 4
            WHEN 'beyond_initial_scope' THEN 8 WHEN 'components_reused' THEN 16 WHEN 'discontinued' THEN 32 END)
          FROM current_outcome co JOIN outcomes o ON o.id = co.outcome_id, json_each(o.categories) AS category
          WHERE co.challenge_id = challenges.id
        );

      UPDATE challenges SET last_report_at = (
        SELECT max(at) FROM (
          SELECT max(recorded_at) AS at FROM status_updates WHERE challenge_id = challenges.id
          UNION ALL
          SELECT max(CASE WHEN author_id IS NULL THEN as_of || 'T00:00:00.000Z' ELSE recorded_at END)
          FROM outcomes WHERE challenge_id = challenges.id
        )
      );
    `);
    // After current_status and current_outcome: the validation columns read them (migration 0007).
    rebuildValidationColumns(db);
    db.exec(`
      DELETE FROM challenge_month_levels_by_view;
      INSERT INTO challenge_month_levels_by_view (challenge_id, view, axis, month, level) ${viewMonthLevelsSql(LIVE)};
      DELETE FROM trajectory_steps_by_view;
      INSERT INTO trajectory_steps_by_view (view, promotion_key, axis, month, level_delta, count_delta, reporters) ${viewStepsSql(LIVE)};
    `);
    markTrajectoryChanged(db, null);
  });
}

/**
 * A database migrated from before the trajectory tables (migration 0003, or 0010 for the data
 * views) has history but no steps yet; a snapshot taken before migration 0010 has no by-view
 * copies yet: they are computed once from its own history (status updates, retractions and
 * decisions as of the snapshot), which is what the live tables held when it was taken.
 */
export function ensureDerivedState(db: Db): boolean {
  const missing =
    db.get("SELECT 1 FROM status_updates LIMIT 1") !== undefined &&
    (db.get("SELECT 1 FROM challenge_month_levels LIMIT 1") === undefined ||
      db.get("SELECT 1 FROM challenge_month_levels_by_view LIMIT 1") === undefined);
  if (missing) rebuildDerivedState(db);
  // Any month level of the "all" view implies one of "validated" or "declared".
  const snapshots = db.all<{ id: number }>(
    `SELECT s.id FROM snapshots s
     WHERE EXISTS (SELECT 1 FROM snapshot_challenge_month_levels l WHERE l.snapshot_id = s.id)
       AND NOT EXISTS (SELECT 1 FROM snapshot_challenge_month_levels_by_view l WHERE l.snapshot_id = s.id)`,
  );
  for (const { id } of snapshots) completeSnapshotViews(db, snapshotSource(findSnapshot(db, id)!));
  return missing || snapshots.length > 0;
}

function completeSnapshotViews(db: Db, source: DataSource): void {
  db.transaction(() => {
    // Read again under the write lock: another process starting on the same file may have done it.
    if (db.get("SELECT 1 FROM snapshot_challenge_month_levels_by_view WHERE snapshot_id = @snapshotId LIMIT 1", source.params)) return;
    db.run(
      `INSERT INTO snapshot_challenge_month_levels_by_view (snapshot_id, challenge_id, view, axis, month, level)
       SELECT @snapshotId, * FROM (${viewMonthLevelsSql(source)})`,
      source.params,
    );
    db.run(
      `INSERT INTO snapshot_trajectory_steps_by_view (snapshot_id, view, promotion_key, axis, month, level_delta, count_delta, reporters)
       SELECT @snapshotId, * FROM (${viewStepsSql(source)})`,
      source.params,
    );
  });
}
