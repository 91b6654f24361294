// Cohort trajectories kept on write (db/migrations/0003): each challenge's level at the end of
// every month it reported in, and per promotion a difference array of those levels.
import type { Db } from "../db/database";
import { LIVE, type DataSource } from "./data-source";
import type { Axis } from "@shared/domain";
import { wholeMonthsBetween } from "@shared/dates";

type MonthLevels = [month: number, level: number][];

/** The level at the end of each month the challenge reported in, from its counting history. */
function monthLevelsFromHistory(db: Db, challengeId: number, axis: Axis): MonthLevels {
  const rows = db.all<{ level: number; asOf: string; startsOn: string }>(
    `SELECT u.level, u.as_of AS asOf, p.starts_on AS startsOn
     FROM status_updates u
     JOIN challenges c ON c.id = u.challenge_id
     JOIN promotions p ON p.key = c.promotion_key
     WHERE u.challenge_id = ? AND u.axis = ?
       AND NOT EXISTS (SELECT 1 FROM status_update_retractions r WHERE r.status_update_id = u.id)
     ORDER BY u.as_of, u.id`,
    [challengeId, axis],
  );
  const byMonth = new Map<number, number>();
  for (const row of rows) byMonth.set(wholeMonthsBetween(row.startsOn, row.asOf), row.level);
  return [...byMonth].sort(([a], [b]) => a - b);
}

function applySteps(db: Db, promotion: string, axis: Axis, levels: MonthLevels, sign: 1 | -1): void {
  let previous: number | null = null;
  for (const [month, level] of levels) {
    db.run(
      `INSERT INTO trajectory_steps (promotion_key, axis, month, level_delta, count_delta, reporters)
       VALUES (@promotion, @axis, @month, @levelDelta, @countDelta, @reporters)
       ON CONFLICT (promotion_key, axis, month) DO UPDATE SET
         level_delta = level_delta + excluded.level_delta,
         count_delta = count_delta + excluded.count_delta,
         reporters = reporters + excluded.reporters`,
      {
        promotion,
        axis,
        month,
        levelDelta: sign * (previous === null ? level : level - previous),
        countDelta: sign * (previous === null ? 1 : 0),
        reporters: sign,
      },
    );
    previous = level;
  }
}

/** Brings one challenge's trajectory contribution in line with its history; call in the write's transaction. */
export function refreshTrajectory(db: Db, challengeId: number, axis: Axis): void {
  const before = db.all<{ month: number; level: number }>(
    "SELECT month, level FROM challenge_month_levels WHERE challenge_id = ? AND axis = ? ORDER BY month",
    [challengeId, axis],
  );
  const after = monthLevelsFromHistory(db, challengeId, axis);
  if (before.length === after.length && before.every((row, i) => row.month === after[i][0] && row.level === after[i][1])) return;

  const { promotion } = db.get<{ promotion: string }>("SELECT promotion_key AS promotion FROM challenges WHERE id = ?", [challengeId])!;
  applySteps(db, promotion, axis, before.map((row) => [row.month, row.level]), -1);
  applySteps(db, promotion, axis, after, 1);
  markTrajectoryChanged(db, promotion);
  // Steps that cancelled out; scoped to the key prefix so that it is an index lookup.
  db.run(
    `DELETE FROM trajectory_steps
     WHERE promotion_key = ? AND axis = ? AND level_delta = 0 AND count_delta = 0 AND reporters = 0`,
    [promotion, axis],
  );
  db.run("DELETE FROM challenge_month_levels WHERE challenge_id = ? AND axis = ?", [challengeId, axis]);
  for (const [month, level] of after) {
    db.run("INSERT INTO challenge_month_levels (challenge_id, axis, month, level) VALUES (?, ?, ?, ?)", [challengeId, axis, month, level]);
  }
}

export interface Step {
  month: number;
  levelDelta: number;
  countDelta: number;
  reporters: number;
}

/** Every promotion's steps (or one's), in month order: a few rows per promotion, axis and month. */
export function allSteps(db: Db, promotion: string | null, source: DataSource = LIVE): (Step & { promotion: string; axis: Axis })[] {
  return db.all(
    `SELECT promotion_key AS promotion, axis, month, level_delta AS levelDelta, count_delta AS countDelta, reporters
     FROM ${source.table("trajectory_steps")} WHERE @promotion IS NULL OR promotion_key = @promotion
     ORDER BY promotion_key, axis, month`,
    { ...source.params, promotion },
  );
}

/**
 * Month levels of the challenges a filter keeps (for filtered trajectories). CROSS JOIN keeps
 * the challenges as the outer loop, over live tables and a snapshot's copies alike.
 */
export function filteredMonthLevels(db: Db, where: string, params: Record<string, unknown>, source: DataSource = LIVE) {
  return db.all<{ promotion: string; challengeId: number; axis: Axis; month: number; level: number }>(
    `SELECT c.promotion_key AS promotion, l.challenge_id AS challengeId, l.axis, l.month, l.level
     FROM ${source.table("challenges")} c CROSS JOIN ${source.table("challenge_month_levels")} l ON l.challenge_id = c.id
     WHERE ${where} ORDER BY l.month`,
    params,
  );
}

/** Records that a promotion's steps changed, with a number no earlier change had. */
export function markTrajectoryChanged(db: Db, promotion: string | null): void {
  db.run(
    `INSERT INTO trajectory_revisions (promotion_key, revision)
     SELECT key, (SELECT revision FROM data_revision) + 1 FROM promotions WHERE @promotion IS NULL OR key = @promotion
     ON CONFLICT (promotion_key) DO UPDATE SET revision = excluded.revision`,
    { promotion },
  );
}

export function trajectoryRevisions(db: Db): Map<string, number> {
  return new Map(
    db.all<{ key: string; revision: number }>("SELECT promotion_key AS key, revision FROM trajectory_revisions").map((row) => [row.key, row.revision]),
  );
}
