// Statistics over the filtered set of challenges. Every function reads the derived tables
// or one ordered pass over history, and returns plain objects for the API.
import type { Db } from "../db/database";
import type { CohortStats, LevelDistribution } from "@shared/cohort-stats";
import { LIVE, type DataSource } from "./data-source";
import { filteredChallenge, filteredPromotions, filterParams } from "./stats-filters";
import { entryStateSql, levelExpression, outcomeMaskExpression } from "./review";
import { allSteps, filteredMonthLevels, trajectoryRevisions, type Step } from "./trajectory-steps";
import { ACTION_KINDS, ACTION_STATUSES, AXES, LEVELS, OUTCOME_CATEGORIES, type DataView, type OutcomeCategory } from "@shared/domain";
import { addMonths, parisDate } from "@shared/dates";
import {
  OUTCOME_OFFSETS,
  RISK_STALE_MONTHS,
  type AtRisk,
  type AtRiskChallenge,
  type Facets,
  type OutcomesAfterEnd,
  type RiskReason,
  type StatsFilters,
  type SustainabilityStats,
  type Trajectory,
  type TrajectoryPoint,
} from "@shared/stats";

/** Mean of an ordinal distribution over the challenges that reported, or null if none did. */
function meanLevel(distribution: LevelDistribution): number | null {
  const reported = LEVELS.reduce<number>((sum, level) => sum + distribution[level], 0);
  if (reported === 0) return null;
  return LEVELS.reduce<number>((sum, level) => sum + level * distribution[level], 0) / reported;
}

// One aggregate per outcome category and per axis × level, over the challenge rows, which
// carry their current levels and outcome mask (migration 0004) and their validated ones
// (migration 0007): one pass, no join, whichever data the view counts.
const aggregates = (data: StatsFilters["data"]) => {
  const mask = outcomeMaskExpression(data);
  return [
    "count(*) AS challengeCount",
    `sum(${mask} IS NULL) AS outcomesNotReported`,
    ...OUTCOME_CATEGORIES.map((category, bit) => `sum((${mask} & ${1 << bit}) != 0) AS "outcome_${category}"`),
    ...AXES.flatMap((axis) => LEVELS.map((level) => `sum(${levelExpression(axis, data)} = ${level}) AS "${axis}_${level}"`)),
  ].join(",\n  ");
};

/**
 * Current outcomes and levels per promotion, over the challenges the filters keep. Its cost
 * follows the number of challenges, never the length of their history.
 */
export function cohortStats(db: Db, filters: StatsFilters = {}, source: DataSource = LIVE): CohortStats[] {
  const rows = new Map(
    db
      .all<Record<string, number> & { promotion: string }>(
        `SELECT c.promotion_key AS promotion,
           ${aggregates(filters.data)}
         FROM ${source.table("challenges")} c
         WHERE ${filteredChallenge(source)}
         GROUP BY c.promotion_key`,
        filterParams(filters, source),
      )
      .map((row) => [row.promotion, row]),
  );

  return filteredPromotions(db, filters, source).map(({ key, label }) => {
    const row = rows.get(key);
    const count = (column: string) => row?.[column] ?? 0;
    const challengeCount = count("challengeCount");
    const levels = Object.fromEntries(
      AXES.map((axis) => {
        const distribution = { "0": 0, "1": 0, "2": 0, "3": 0, none: 0 } as LevelDistribution;
        for (const level of LEVELS) distribution[level] = count(`${axis}_${level}`);
        distribution.none = challengeCount - LEVELS.reduce<number>((sum, level) => sum + distribution[level], 0);
        return [axis, distribution];
      }),
    ) as CohortStats["levels"];
    return {
      key,
      label,
      challengeCount,
      outcomes: Object.fromEntries(OUTCOME_CATEGORIES.map((category) => [category, count(`outcome_${category}`)])) as Record<
        OutcomeCategory,
        number
      >,
      outcomesNotReported: challengeCount === 0 ? 0 : count("outcomesNotReported"),
      levels,
      meanLevels: { production: meanLevel(levels.production), transmission: meanLevel(levels.transmission), reliability: meanLevel(levels.reliability) },
    };
  });
}

/**
 * Cohort trajectories: at month m (whole months since the promotion's start), a challenge
 * counts with the level of its latest update dated in a month ≤ m (carried forward);
 * retracted updates do not count. Points run from the first month with a report to the last.
 * The data view (docs/methodology.md) applies as in trajectory-steps.ts: `validated` reads the validated
 * updates only; `declared` counts a challenge at m only while the update in force at m is not
 * validated. Read from the tables kept on write: the cost follows the number of months, not of
 * updates.
 */
export function trajectories(db: Db, filters: StatsFilters, source: DataSource = LIVE): Trajectory[] {
  const view = filters.data ?? "all";
  const promotions = filteredPromotions(db, filters, source);
  if (filters.administration !== undefined || filters.skill !== undefined) {
    const levels = filteredMonthLevels(db, filteredChallenge(source), filterParams(filters, source), view, source);
    return promotions.map((promotion) => ({
      key: promotion.key,
      label: promotion.label,
      challengeCount: promotion.challengeCount,
      axes: axesOf((axis) => stepsOf(levels.filter((row) => row.promotion === promotion.key && row.axis === axis))),
    }));
  }
  // A snapshot's steps never change: one revision for ever.
  const revisions = source.snapshot ? new Map<string, number>() : trajectoryRevisions(db);
  return promotions.map((promotion) => ({
    key: promotion.key,
    label: promotion.label,
    challengeCount: promotion.challengeCount,
    axes: promotionAxes(db, promotion.key, view, revisions.get(promotion.key) ?? 0, source),
  }));
}

// A promotion's points change only when one of its challenges reports or has an update
// validated, sent back or retracted: they are computed again only then, whatever the writes
// elsewhere (trajectory_revisions, migration 0005), once per data view.
const computedAxes = new WeakMap<Db, Map<string, { revision: number; axes: Trajectory["axes"] }>>();

function promotionAxes(db: Db, promotion: string, view: DataView, revision: number, source: DataSource): Trajectory["axes"] {
  let cache = computedAxes.get(db);
  if (!cache) computedAxes.set(db, (cache = new Map()));
  const key = `${source.key}:${view}:${promotion}`;
  const cached = cache.get(key);
  if (cached?.revision === revision) return cached.axes;
  const steps = allSteps(db, promotion, view, source);
  const axes = axesOf((axis) => steps.filter((step) => step.axis === axis));
  cache.set(key, { revision, axes });
  return axes;
}

function axesOf(stepsOfAxis: (axis: (typeof AXES)[number]) => Step[]): Trajectory["axes"] {
  return {
    production: runningMeans(stepsOfAxis("production")),
    transmission: runningMeans(stepsOfAxis("transmission")),
    reliability: runningMeans(stepsOfAxis("reliability")),
  };
}

/**
 * The difference array of some challenges' month levels (same shape as trajectory_steps); a
 * null level (declared view) takes the challenge out of the count from that month.
 */
function stepsOf(levels: { challengeId: number; month: number; level: number | null }[]): Step[] {
  const steps = new Map<number, Step>();
  const previous = new Map<number, number | null>();
  for (const { challengeId, month, level } of levels) {
    const before = previous.get(challengeId) ?? null;
    const step = steps.get(month) ?? { month, levelDelta: 0, countDelta: 0, reporters: 0 };
    step.levelDelta += (level ?? 0) - (before ?? 0);
    step.countDelta += Number(level !== null) - Number(before !== null);
    step.reporters += Number(level !== null);
    steps.set(month, step);
    previous.set(challengeId, level);
  }
  return [...steps.values()].sort((a, b) => a.month - b.month);
}

/** Running sums of the steps, one point per month from the first report to the last. */
function runningMeans(steps: Step[]): TrajectoryPoint[] {
  const reported = steps.filter((step) => step.reporters > 0);
  if (reported.length === 0) return [];
  const first = reported[0].month;
  const last = reported[reported.length - 1].month;
  const byMonth = new Map(steps.map((step) => [step.month, step]));
  let sum = 0;
  let count = 0;
  const points: TrajectoryPoint[] = [];
  for (const step of steps) {
    if (step.month >= first) break;
    sum += step.levelDelta;
    count += step.countDelta;
  }
  for (let month = first; month <= last; month += 1) {
    const step = byMonth.get(month);
    if (step) {
      sum += step.levelDelta;
      count += step.countDelta;
    }
    // Three decimals are more than a chart or a report needs, and keep the answer smaller.
    if (count > 0) points.push({ month, meanLevel: Math.round((sum / count) * 1000) / 1000, reported: count });
  }
  return points;
}

const zeroOutcomes = () =>
  Object.fromEntries(OUTCOME_CATEGORIES.map((category) => [category, 0])) as Record<OutcomeCategory, number>;

/** The outcome in force 6, 12 and 24 months after each challenge's own end date. */
export function outcomesAfterEnd(
  db: Db,
  filters: StatsFilters,
  todayOrNull: string | null = null,
  source: DataSource = LIVE,
): OutcomesAfterEnd[] {
  const today = todayOrNull ?? parisDate(source.now());
  const challenges = db.all<{ id: number; promotion: string; endsOn: string }>(
    `SELECT c.id, c.promotion_key AS promotion, c.ends_on AS endsOn FROM ${source.table("challenges")} c WHERE ${filteredChallenge(source)}`,
    filterParams(filters, source),
  );
  // Data views: `validated` reads only validated outcomes; `declared` counts the outcome in force
  // at the date only when it still awaits validation (or was sent back).
  const data = filters.data ?? "all";
  const outcomes = new Map<number, { asOf: string; categories: OutcomeCategory[]; validated: boolean }[]>();
  for (const row of db.all<{ challengeId: number; asOf: string; categories: string; validated: number }>(
    `SELECT o.challenge_id AS challengeId, o.as_of AS asOf, o.categories,
            ${data === "all" ? "1" : `${entryStateSql("outcome", "o", source.table("validation_decisions"))} = 'validated'`} AS validated
     FROM ${source.table("outcomes")} o JOIN ${source.table("challenges")} c ON c.id = o.challenge_id
     WHERE ${filteredChallenge(source)} ORDER BY o.as_of, o.id`,
    filterParams(filters, source),
  )) {
    if (data === "validated" && row.validated !== 1) continue;
    if (!outcomes.has(row.challengeId)) outcomes.set(row.challengeId, []);
    outcomes.get(row.challengeId)!.push({ asOf: row.asOf, categories: JSON.parse(row.categories), validated: row.validated === 1 });
  }

  const byPromotion = new Map<string, typeof challenges>();
  for (const challenge of challenges) byPromotion.set(challenge.promotion, [...(byPromotion.get(challenge.promotion) ?? []), challenge]);

  return filteredPromotions(db, filters, source).map((promotion) => ({
    key: promotion.key,
    label: promotion.label,
    challengeCount: promotion.challengeCount,
    offsets: OUTCOME_OFFSETS.map((months) => {
      const entry = { months, reached: 0, reported: 0, outcomes: zeroOutcomes() };
      for (const challenge of byPromotion.get(promotion.key) ?? []) {
        const date = addMonths(challenge.endsOn, months);
        if (date > today) continue;
        entry.reached += 1;
        const inForce = outcomes.get(challenge.id)?.filter((outcome) => outcome.asOf <= date).at(-1);
        if (!inForce || (data === "declared" && inForce.validated)) continue;
        entry.reported += 1;
        for (const category of inForce.categories) entry.outcomes[category] += 1;
      }
      return entry;
    }),
  }));
}

/** Actions by kind and status, and who kept people on the deliverables, per promotion. */
export function sustainabilityStats(db: Db, filters: StatsFilters, source: DataSource = LIVE): SustainabilityStats[] {
  const params = filterParams(filters, source);
  const actions = db.all<{ promotion: string; kind: (typeof ACTION_KINDS)[number]; status: (typeof ACTION_STATUSES)[number]; n: number }>(
    `SELECT c.promotion_key AS promotion, a.kind, a.status, count(*) AS n
     FROM ${source.table("actions")} a JOIN ${source.table("challenges")} c ON c.id = a.challenge_id
     WHERE ${filteredChallenge(source)} GROUP BY c.promotion_key, a.kind, a.status`,
    params,
  );
  const resources = db.all<{ promotion: string; reported: number; kept: number }>(
    `SELECT c.promotion_key AS promotion, count(*) AS reported, sum(r.kept) AS kept
     FROM (SELECT challenge_id, max(people_kept > 0) AS kept FROM ${source.table("resources")} GROUP BY challenge_id) r
     JOIN ${source.table("challenges")} c ON c.id = r.challenge_id
     WHERE ${filteredChallenge(source)} GROUP BY c.promotion_key`,
    params,
  );
  return filteredPromotions(db, filters, source).map((promotion) => {
    const byKind = Object.fromEntries(
      ACTION_KINDS.map((kind) => [kind, Object.fromEntries(ACTION_STATUSES.map((status) => [status, 0]))]),
    ) as SustainabilityStats["actions"];
    for (const row of actions) if (row.promotion === promotion.key) byKind[row.kind][row.status] = row.n;
    const kept = resources.find((row) => row.promotion === promotion.key);
    return {
      key: promotion.key,
      label: promotion.label,
      challengeCount: promotion.challengeCount,
      actions: byKind,
      resourcesReported: kept?.reported ?? 0,
      peopleKept: kept?.kept ?? 0,
    };
  });
}

/**
 * Challenges at risk, and apart, those that never reported. The rule, stated for readers in
 * AT_RISK_RULE (shared/stats.ts) and the methodology: a challenge whose programme has ended
 * and that has reported at least once is at risk when its production is below level 2
 * "Atteint", or nobody was kept on the deliverables, or nothing was reported for
 * RISK_STALE_MONTHS months. One that never reported is a gap in the follow-up, not a risk
 * measured: counting it at risk would put every unfollowed challenge on the list and hide the
 * ones that did report a problem. The data view (docs/methodology.md) applies to the production level,
 * the one reason that rests on a declared value: `validated` reads the latest validated level
 * (none validated counts as below "Atteint"); `declared` gives this reason only on a declared
 * level still awaiting validation. People kept and staleness are not subject to validation.
 */
export function atRiskChallenges(db: Db, filters: StatsFilters, nowOrNull: Date | null = null, source: DataSource = LIVE): AtRisk {
  const now = nowOrNull ?? source.now();
  const today = parisDate(now);
  const rows = db.all<Omit<AtRiskChallenge, "reasons"> & { kept: number }>(
    `SELECT c.slug, c.title, c.promotion_key AS promotion, c.administration, c.ends_on AS endsOn,
            c.last_report_at AS lastReportAt, ${levelExpression("production", filters.data)} AS productionLevel,
            EXISTS (SELECT 1 FROM ${source.table("resources")} r WHERE r.challenge_id = c.id AND r.people_kept > 0) AS kept
     FROM ${source.table("challenges")} c
     JOIN ${source.table("promotions")} p ON p.key = c.promotion_key
     WHERE ${filteredChallenge(source)}
     ORDER BY p.position, c.title COLLATE NOCASE, c.id`,
    filterParams(filters, source),
  );
  const atRisk: AtRiskChallenge[] = [];
  const neverReported: AtRisk["neverReported"] = [];
  for (const { kept, ...row } of rows) {
    if (row.lastReportAt === null) {
      neverReported.push(row);
      continue;
    }
    if (row.endsOn >= today) continue;
    const reasons: RiskReason[] = [];
    const productionCounts = filters.data !== "declared" || row.productionLevel !== null;
    if (productionCounts && (row.productionLevel ?? -1) < 2) reasons.push("production_below_achieved");
    if (!kept) reasons.push("nobody_kept");
    if (addMonths(parisDate(new Date(row.lastReportAt)), RISK_STALE_MONTHS) < today) reasons.push("stale");
    if (reasons.length > 0) atRisk.push({ ...row, reasons });
  }
  return { atRisk, neverReported };
}

export function facets(db: Db, source: DataSource = LIVE): Facets {
  return {
    administrations: db.all<{ name: string; count: number }>(
      `SELECT administration AS name, count(*) AS count FROM ${source.table("challenges")} GROUP BY administration ORDER BY administration COLLATE NOCASE`,
      source.params,
    ),
    skills: db.all<{ key: string; count: number }>(
      `SELECT skill AS key, count(*) AS count FROM ${source.table("challenge_skills")} GROUP BY skill ORDER BY count DESC, skill`,
      source.params,
    ),
  };
}
