import type { Db } from "../db/database";
import type { CohortStats, LevelDistribution } from "@shared/cohort-stats";
import { AXES, LEVELS, OUTCOME_CATEGORIES, type Axis, type OutcomeCategory } from "@shared/domain";
import type { StatsFilters } from "@shared/stats";
import { filteredPromotions, filterParams, FILTERED_CHALLENGE } from "./analytics";

const emptyDistribution = (): LevelDistribution => ({ "0": 0, "1": 0, "2": 0, "3": 0, none: 0 });

/** Mean of an ordinal distribution over the challenges that reported, or null if none did. */
function meanLevel(distribution: LevelDistribution): number | null {
  const reported = LEVELS.reduce<number>((sum, level) => sum + distribution[level], 0);
  if (reported === 0) return null;
  return LEVELS.reduce<number>((sum, level) => sum + level * distribution[level], 0) / reported;
}

/**
 * Current outcomes and levels per promotion. Reads only the derived tables (current status,
 * current outcome), so its cost does not grow with the length of the history.
 */
export function cohortStats(db: Db, filters: StatsFilters = {}): CohortStats[] {
  const filter = filterParams(filters);
  const promotions = filteredPromotions(db, filters).map(({ key, label, challengeCount }) => ({ key, label, challengeCount }));

  const byKey = new Map<string, CohortStats>(
    promotions.map((p) => [
      p.key,
      {
        ...p,
        outcomes: Object.fromEntries(OUTCOME_CATEGORIES.map((category) => [category, 0])) as Record<OutcomeCategory, number>,
        outcomesNotReported: p.challengeCount,
        levels: { production: emptyDistribution(), transmission: emptyDistribution(), reliability: emptyDistribution() },
        meanLevels: { production: null, transmission: null, reliability: null },
      },
    ]),
  );

  const outcomeCounts = db.all<{ promotion: string; category: OutcomeCategory; count: number }>(
    `SELECT c.promotion_key AS promotion, category.value AS category, count(*) AS count
     FROM current_outcome co
     JOIN challenges c ON c.id = co.challenge_id
     JOIN outcomes o ON o.id = co.outcome_id, json_each(o.categories) AS category
     WHERE ${FILTERED_CHALLENGE}
     GROUP BY c.promotion_key, category.value`,
    filter,
  );
  for (const { promotion: key, category, count } of outcomeCounts) {
    const stats = byKey.get(key);
    if (stats && category in stats.outcomes) stats.outcomes[category] = count;
  }

  const reportedOutcomes = db.all<{ promotion: string; count: number }>(
    `SELECT c.promotion_key AS promotion, count(*) AS count
     FROM current_outcome co JOIN challenges c ON c.id = co.challenge_id
     WHERE ${FILTERED_CHALLENGE}
     GROUP BY c.promotion_key`,
    filter,
  );
  for (const { promotion: key, count } of reportedOutcomes) {
    const stats = byKey.get(key);
    if (stats) stats.outcomesNotReported = stats.challengeCount - count;
  }

  const levelCounts = db.all<{ promotion: string; axis: Axis; level: 0 | 1 | 2 | 3; count: number }>(
    `SELECT c.promotion_key AS promotion, s.axis, s.level, count(*) AS count
     FROM current_status s JOIN challenges c ON c.id = s.challenge_id
     WHERE ${FILTERED_CHALLENGE}
     GROUP BY c.promotion_key, s.axis, s.level`,
    filter,
  );
  for (const { promotion: key, axis, level, count } of levelCounts) {
    const stats = byKey.get(key);
    if (stats) stats.levels[axis][level] = count;
  }

  for (const stats of byKey.values()) {
    for (const axis of AXES) {
      const distribution = stats.levels[axis];
      distribution.none = stats.challengeCount - LEVELS.reduce<number>((sum, level) => sum + distribution[level], 0);
      stats.meanLevels[axis] = meanLevel(distribution);
    }
  }
  return [...byKey.values()];
}
