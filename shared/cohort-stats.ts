import { z } from "zod";
import { OUTCOME_CATEGORIES } from "./domain";

const countSchema = z.number().int().nonnegative();

const levelDistributionSchema = z.object({
  "0": countSchema,
  "1": countSchema,
  "2": countSchema,
  "3": countSchema,
  none: countSchema,
});
export type LevelDistribution = z.infer<typeof levelDistributionSchema>;

/** One promotion in `GET /api/stats/cohorts`. */
const cohortStatsSchema = z.object({
  key: z.string(),
  label: z.string(),
  challengeCount: countSchema,
  /** Challenges per outcome category; a challenge can count in several. */
  outcomes: z.record(z.enum(OUTCOME_CATEGORIES), countSchema),
  /** Challenges with no outcome recorded. */
  outcomesNotReported: countSchema,
  levels: z.object({
    production: levelDistributionSchema,
    transmission: levelDistributionSchema,
    reliability: levelDistributionSchema,
  }),
  meanLevels: z.object({
    production: z.number().nullable(),
    transmission: z.number().nullable(),
    reliability: z.number().nullable(),
  }),
});
export type CohortStats = z.infer<typeof cohortStatsSchema>;
export const cohortStatsListSchema = z.array(cohortStatsSchema);
