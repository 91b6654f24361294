// Rebuilds, in bulk, every table derived from history: for a generated dataset, or a database
// from before the trajectory tables existed. Writes keep them up to date one by one afterwards.
import type { Db } from "./database";
import { markTrajectoryChanged } from "../repositories/trajectory-steps";
import { rebuildValidationColumns } from "../repositories/validation";

const NOT_RETRACTED = "NOT EXISTS (SELECT 1 FROM status_update_retractions r WHERE r.status_update_id = u.id)";

// Whole months from the promotion's start to the update's date, 0 when before (shared/dates.ts).
const MONTH = `max(0,
  (CAST(strftime('%Y', u.as_of) AS INTEGER) - CAST(strftime('%Y', p.starts_on) AS INTEGER)) * 12
  + CAST(strftime('%m', u.as_of) AS INTEGER) - CAST(strftime('%m', p.starts_on) AS INTEGER)
  - (CAST(strftime('%d', u.as_of) AS INTEGER) < CAST(strftime('%d', p.starts_on) AS INTEGER)))`;

export function rebuildDerivedState(db: Db): void {
  db.transaction(() => {
    db.raw.exec(`
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
    markTrajectoryChanged(db, null);
  });
}

/** A database migrated from before the trajectory tables has history but no steps yet. */
export function ensureDerivedState(db: Db): boolean {
  const missing =
    db.get("SELECT 1 FROM status_updates LIMIT 1") !== undefined && db.get("SELECT 1 FROM challenge_month_levels LIMIT 1") === undefined;
  if (missing) rebuildDerivedState(db);
  return missing;
}
