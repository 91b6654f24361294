// The dashboard's headline figures, from the per-promotion aggregates (stats.ts) and one
// count over the challenge rows: the cost follows the number of challenges, never history.
import type { Db } from "../db/database";
import { AXES } from "@shared/domain";
import { addMonths, parisDate, parisMidnight } from "@shared/dates";
import { RECENT_REPORT_MONTHS, type Headline, type HeadlineRow } from "@shared/headline";
import type { StatsFilters } from "@shared/stats";
import { filteredChallenge, filterParams } from "./stats-filters";
import { LIVE, type DataSource } from "./data-source";
import { cohortStats } from "./stats";

const byAxis = (value: (axis: (typeof AXES)[number]) => number) =>
  Object.fromEntries(AXES.map((axis) => [axis, value(axis)])) as HeadlineRow["achieved"];

export function headline(db: Db, filters: StatsFilters, source: DataSource = LIVE): Headline {
  // Reports are dated by the instant they were recorded; "the last 6 months" starts at
  // midnight in Paris, six calendar months before today (or the snapshot's day).
  const since = addMonths(parisDate(source.now()), -RECENT_REPORT_MONTHS);
  const reports = new Map(
    db
      .all<{ promotion: string; recent: number; never: number }>(
        `SELECT c.promotion_key AS promotion, sum(c.last_report_at >= @since) AS recent, sum(c.last_report_at IS NULL) AS never
         FROM ${source.table("challenges")} c WHERE ${filteredChallenge(source)} GROUP BY c.promotion_key`,
        { ...filterParams(filters, source), since: parisMidnight(since) },
      )
      .map((row) => [row.promotion, row]),
  );
  const promotions: HeadlineRow[] = cohortStats(db, filters, source).map((cohort) => ({
    key: cohort.key,
    label: cohort.label,
    challengeCount: cohort.challengeCount,
    outcomeReported: cohort.challengeCount - cohort.outcomesNotReported,
    achieved: byAxis((axis) => cohort.levels[axis]["2"] + cohort.levels[axis]["3"]),
    levelNotReported: byAxis((axis) => cohort.levels[axis].none),
    reportedRecently: reports.get(cohort.key)?.recent ?? 0,
    neverReported: reports.get(cohort.key)?.never ?? 0,
  }));
  const sum = (value: (row: HeadlineRow) => number) => promotions.reduce((total, row) => total + value(row), 0);
  return {
    since,
    promotions,
    total: {
      key: "total",
      label: "Total",
      challengeCount: sum((row) => row.challengeCount),
      outcomeReported: sum((row) => row.outcomeReported),
      achieved: byAxis((axis) => sum((row) => row.achieved[axis])),
      levelNotReported: byAxis((axis) => sum((row) => row.levelNotReported[axis])),
      reportedRecently: sum((row) => row.reportedRecently),
      neverReported: sum((row) => row.neverReported),
    },
  };
}
