import type { Db } from "../db/database";
import type { CohortStats, LevelDistribution } from "@shared/cohort-stats";
import { AXES, LEVELS, OUTCOME_CATEGORIES, type OutcomeCategory } from "@shared/domain";
import type { StatsFilters } from "@shared/stats";
import { filteredChallenge, filteredPromotions, filterParams } from "./analytics";
import { LIVE, type DataSource } from "./data-source";
import { levelExpression, outcomeMaskExpression } from "./review";

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
