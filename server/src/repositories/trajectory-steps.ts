// Cohort trajectories kept on write: each challenge's level at the end of every month it
// reported in, and per promotion a difference array of those levels; for the "all" data view
// in the tables of migration 0003, for "validated" and "declared" in those of migration 0010.
//
// What the views count at month m (consistent with levelExpression, validation.ts, which is
// what they count at the last month): `all`, the level of the latest counting update dated in a
// month ≤ m; `validated`, the same over the validated updates only (an update counts from its
// own month once validated, whatever the date of the decision); `declared`, the level in force
// at m when that update is not validated (awaiting or sent back), nothing otherwise.
import type { Db } from "../db/database";
import { LIVE, type DataSource } from "./data-source";
import { entryStateSql } from "./entry-state";
import { DATA_VIEWS, type Axis, type DataView } from "@shared/domain";
import { wholeMonthsBetween } from "@shared/dates";

/** Month and level from that month on; a null level: the challenge stops counting (declared view). */
type MonthLevels = [month: number, level: number | null][];

/** Where a view's month levels and steps are kept; the by-view tables carry a `view` column. */
const KEPT = {
  all: { levels: "challenge_month_levels", steps: "trajectory_steps", byView: false },
  validated: { levels: "challenge_month_levels_by_view", steps: "trajectory_steps_by_view", byView: true },
  declared: { levels: "challenge_month_levels_by_view", steps: "trajectory_steps_by_view", byView: true },
} as const satisfies Record<DataView, { levels: string; steps: string; byView: boolean }>;

/** SQL condition selecting the view's rows in its tables (none needed for "all"), alias with its dot. */
const ofView = (view: DataView, alias = "") => (KEPT[view].byView ? `${alias}view = @view` : "1");

/** The month levels of every view from one axis's counting history (retracted updates excluded). */
function monthLevelsFromHistory(db: Db, challengeId: number, axis: Axis): Record<DataView, MonthLevels> {
  const rows = db.all<{ level: number; asOf: string; startsOn: string; validated: number }>(
    `SELECT u.level, u.as_of AS asOf, p.starts_on AS startsOn, ${entryStateSql("status_update", "u")} = 'validated' AS validated
     FROM status_updates u
     JOIN challenges c ON c.id = u.challenge_id
     JOIN promotions p ON p.key = c.promotion_key
     WHERE u.challenge_id = ? AND u.axis = ?
       AND NOT EXISTS (SELECT 1 FROM status_update_retractions r WHERE r.status_update_id = u.id)
     ORDER BY u.as_of, u.id`,
    [challengeId, axis],
  );
  // The last update of each month is the one in force at its end.
  const inForce = new Map<number, { level: number; validated: boolean }>();
  const validated = new Map<number, number>();
  for (const row of rows) {
    const month = wholeMonthsBetween(row.startsOn, row.asOf);
    inForce.set(month, { level: row.level, validated: row.validated === 1 });
    if (row.validated === 1) validated.set(month, row.level);
  }
  const byMonth = <T>(map: Map<number, T>) => [...map].sort(([a], [b]) => a - b);
  const declared: MonthLevels = [];
  let previousValidated = true;
  for (const [month, update] of byMonth(inForce)) {
    if (!update.validated) declared.push([month, update.level]);
    else if (!previousValidated) declared.push([month, null]);
    previousValidated = update.validated;
  }
  return {
    all: byMonth(inForce).map(([month, update]) => [month, update.level]),
    validated: byMonth(validated),
    declared,
  };
}

type Contribution = [levelDelta: number, countDelta: number, reporters: number];

/** What one challenge's month levels add to each month of the difference array. */
function contributions(levels: MonthLevels): Map<number, Contribution> {
  const byMonth = new Map<number, Contribution>();
  let previous: number | null = null;
  for (const [month, level] of levels) {
    byMonth.set(month, [(level ?? 0) - (previous ?? 0), Number(level !== null) - Number(previous !== null), Number(level !== null)]);
    previous = level;
  }
  return byMonth;
}

function keptMonthLevels(db: Db, challengeId: number, view: DataView, axis: Axis): MonthLevels {
  return db
    .all<{ month: number; level: number | null }>(
      `SELECT month, level FROM ${KEPT[view].levels} WHERE challenge_id = @challengeId AND ${ofView(view)} AND axis = @axis ORDER BY month`,
      { challengeId, view, axis },
    )
    .map((row) => [row.month, row.level]);
}

/**
 * Brings one challenge's trajectory contribution, in every data view, in line with its
 * history; call in the transaction of a status update, retraction or validation decision.
 * Writes only the months that change: a new report usually touches one or two.
 */
export function refreshTrajectory(db: Db, challengeId: number, axis: Axis): void {
  const after = monthLevelsFromHistory(db, challengeId, axis);
  let promotion: string | undefined;
  for (const view of DATA_VIEWS) {
    const before = keptMonthLevels(db, challengeId, view, axis);
    const { levels, steps, byView } = KEPT[view];
    const keys = { challengeId, view, axis };

    // Month levels: delete the months gone, write the months new or changed.
    const afterByMonth = new Map(after[view]);
    const beforeByMonth = new Map(before);
    for (const [month] of before) {
      if (!afterByMonth.has(month)) db.run(`DELETE FROM ${levels} WHERE challenge_id = @challengeId AND ${ofView(view)} AND axis = @axis AND month = @month`, { ...keys, month });
    }
    for (const [month, level] of after[view]) {
      if (beforeByMonth.has(month) && beforeByMonth.get(month) === level) continue;
      db.run(
        `INSERT INTO ${levels} (challenge_id, ${byView ? "view, " : ""}axis, month, level) VALUES (@challengeId, ${byView ? "@view, " : ""}@axis, @month, @level)
         ON CONFLICT (challenge_id, ${byView ? "view, " : ""}axis, month) DO UPDATE SET level = excluded.level`,
        { challengeId, ...(byView ? { view } : {}), axis, month, level },
      );
    }

    // Steps: add the difference of the contributions, month by month; drop a step that cancels out.
    const added = contributions(after[view]);
    const removed = contributions(before);
    for (const month of new Set([...added.keys(), ...removed.keys()])) {
      const [levelDelta, countDelta, reporters] = (added.get(month) ?? [0, 0, 0]).map((value, i) => value - (removed.get(month)?.[i] ?? 0));
      if (levelDelta === 0 && countDelta === 0 && reporters === 0) continue;
      promotion ??= db.get<{ promotion: string }>("SELECT promotion_key AS promotion FROM challenges WHERE id = ?", [challengeId])!.promotion;
      const step = { ...(byView ? { view } : {}), promotion, axis, month, levelDelta, countDelta, reporters };
      db.run(
        `INSERT INTO ${steps} (${byView ? "view, " : ""}promotion_key, axis, month, level_delta, count_delta, reporters)
         VALUES (${byView ? "@view, " : ""}@promotion, @axis, @month, @levelDelta, @countDelta, @reporters)
         ON CONFLICT (${byView ? "view, " : ""}promotion_key, axis, month) DO UPDATE SET
           level_delta = level_delta + excluded.level_delta,
           count_delta = count_delta + excluded.count_delta,
           reporters = reporters + excluded.reporters`,
        step,
      );
      db.run(
        `DELETE FROM ${steps}
         WHERE ${ofView(view)} AND promotion_key = @promotion AND axis = @axis AND month = @month
           AND level_delta = 0 AND count_delta = 0 AND reporters = 0`,
        { view, promotion, axis, month },
      );
    }
  }
  // The steps are what readers read: their revision changes when one of them does.
  if (promotion !== undefined) markTrajectoryChanged(db, promotion);
}

export interface Step {
  month: number;
  levelDelta: number;
  countDelta: number;
  reporters: number;
}

/** A promotion's steps in a data view (or every promotion's), in month order: a few rows per axis and month. */
export function allSteps(
  db: Db,
  promotion: string | null,
  view: DataView = "all",
  source: DataSource = LIVE,
): (Step & { promotion: string; axis: Axis })[] {
  return db.all(
    `SELECT promotion_key AS promotion, axis, month, level_delta AS levelDelta, count_delta AS countDelta, reporters
     FROM ${source.table(KEPT[view].steps)} WHERE ${ofView(view)} AND (@promotion IS NULL OR promotion_key = @promotion)
     ORDER BY promotion_key, axis, month`,
    { ...source.params, view, promotion },
  );
}

/**
 * Month levels of the challenges a filter keeps, in a data view (for filtered trajectories).
 * CROSS JOIN keeps the challenges as the outer loop, over live tables and a snapshot's copies alike.
 */
export function filteredMonthLevels(db: Db, where: string, params: Record<string, unknown>, view: DataView = "all", source: DataSource = LIVE) {
  return db.all<{ promotion: string; challengeId: number; axis: Axis; month: number; level: number | null }>(
    `SELECT c.promotion_key AS promotion, l.challenge_id AS challengeId, l.axis, l.month, l.level
     FROM ${source.table("challenges")} c CROSS JOIN ${source.table(KEPT[view].levels)} l ON l.challenge_id = c.id AND ${ofView(view, "l.")}
     WHERE ${where} ORDER BY l.month`,
    { ...params, view },
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
