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

function applySteps(db: Db, promotion: string, view: DataView, axis: Axis, levels: MonthLevels, sign: 1 | -1): void {
  const { steps, byView } = KEPT[view];
  let previous: number | null = null;
  for (const [month, level] of levels) {
    db.run(
      `INSERT INTO ${steps} (${byView ? "view, " : ""}promotion_key, axis, month, level_delta, count_delta, reporters)
       VALUES (${byView ? "@view, " : ""}@promotion, @axis, @month, @levelDelta, @countDelta, @reporters)
       ON CONFLICT (${byView ? "view, " : ""}promotion_key, axis, month) DO UPDATE SET
         level_delta = level_delta + excluded.level_delta,
         count_delta = count_delta + excluded.count_delta,
         reporters = reporters + excluded.reporters`,
      {
        ...(byView ? { view } : {}),
        promotion,
        axis,
        month,
        levelDelta: sign * ((level ?? 0) - (previous ?? 0)),
        countDelta: sign * (Number(level !== null) - Number(previous !== null)),
        reporters: sign * Number(level !== null),
      },
    );
    previous = level;
  }
}

function keptMonthLevels(db: Db, challengeId: number, view: DataView, axis: Axis): MonthLevels {
  return db
    .all<{ month: number; level: number | null }>(
      `SELECT month, level FROM ${KEPT[view].levels} WHERE challenge_id = @challengeId AND ${ofView(view)} AND axis = @axis ORDER BY month`,
      { challengeId, view, axis },
    )
    .map((row) => [row.month, row.level]);
}

const sameLevels = (a: MonthLevels, b: MonthLevels) => a.length === b.length && a.every(([month, level], i) => month === b[i][0] && level === b[i][1]);

/**
 * Brings one challenge's trajectory contribution, in every data view, in line with its
 * history; call in the transaction of a status update, retraction or validation decision.
 */
export function refreshTrajectory(db: Db, challengeId: number, axis: Axis): void {
  const after = monthLevelsFromHistory(db, challengeId, axis);
  let promotion: string | undefined;
  for (const view of DATA_VIEWS) {
    const before = keptMonthLevels(db, challengeId, view, axis);
    if (sameLevels(before, after[view])) continue;
    promotion ??= db.get<{ promotion: string }>("SELECT promotion_key AS promotion FROM challenges WHERE id = ?", [challengeId])!.promotion;
    const { levels, steps, byView } = KEPT[view];
    applySteps(db, promotion, view, axis, before, -1);
    applySteps(db, promotion, view, axis, after[view], 1);
    // Steps that cancelled out; scoped to the key prefix so that it is an index lookup.
    db.run(
      `DELETE FROM ${steps}
       WHERE ${ofView(view)} AND promotion_key = @promotion AND axis = @axis AND level_delta = 0 AND count_delta = 0 AND reporters = 0`,
      { view, promotion, axis },
    );
    db.run(`DELETE FROM ${levels} WHERE challenge_id = @challengeId AND ${ofView(view)} AND axis = @axis`, { challengeId, view, axis });
    for (const [month, level] of after[view]) {
      db.run(
        `INSERT INTO ${levels} (challenge_id, ${byView ? "view, " : ""}axis, month, level) VALUES (@challengeId, ${byView ? "@view, " : ""}@axis, @month, @level)`,
        { challengeId, ...(byView ? { view } : {}), axis, month, level },
      );
    }
  }
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
