// Statistics beyond the cohort counts (issue «Cohort analytics…»): filters, trajectories,
// outcomes at fixed offsets after the end, sustainability work, challenges at risk.
import { z } from "zod";
import { ACTION_KINDS, ACTION_STATUSES, DATA_VIEWS, OUTCOME_CATEGORIES } from "./domain";
import { snapshotIdSchema } from "./snapshot";

/** Filters every statistic accepts; they are kept in the dashboard's URL. */
export const statsFiltersSchema = z.strictObject({
  promotion: z
    .string()
    .regex(/^[a-z0-9-]{1,20}$/, { error: "Clé de promotion invalide." })
    .optional(),
  administration: z.string().trim().min(1).max(300).optional(),
  skill: z.string().trim().regex(/^[a-z0-9_-]{1,40}$/, { error: "Compétence invalide." }).optional(),
  /** Which values count (issue 9): all (default), validated only, or declared and not yet validated only. */
  data: z.enum(DATA_VIEWS, { error: "Données attendues : « all », « validated » ou « declared »." }).optional(),
  /** Read "as of" this snapshot instead of the live data (issue 9). */
  snapshot: snapshotIdSchema.optional(),
});
export type StatsFilters = z.infer<typeof statsFiltersSchema>;

const count = z.number().int().nonnegative();

export const trajectoryPointSchema = z.object({
  month: z.number().int().nonnegative(),
  meanLevel: z.number(),
  reported: count,
});
export type TrajectoryPoint = z.infer<typeof trajectoryPointSchema>;

/** `GET /api/stats/trajectories`: mean level by whole months since the promotion started. */
export const trajectorySchema = z.object({
  key: z.string(),
  label: z.string(),
  challengeCount: count,
  axes: z.object({
    production: z.array(trajectoryPointSchema),
    transmission: z.array(trajectoryPointSchema),
    reliability: z.array(trajectoryPointSchema),
  }),
});
export type Trajectory = z.infer<typeof trajectorySchema>;

export const OUTCOME_OFFSETS = [6, 12, 24] as const;

/** `GET /api/stats/outcomes-after-end`: the outcome in force N months after each challenge's own end. */
export const outcomesAfterEndSchema = z.object({
  key: z.string(),
  label: z.string(),
  challengeCount: count,
  offsets: z.array(
    z.object({
      months: z.number().int(),
      /** Challenges whose end + N months is already past: the denominator. */
      reached: count,
      /** Among them, those with an outcome recorded at that date. */
      reported: count,
      outcomes: z.record(z.enum(OUTCOME_CATEGORIES), count),
    }),
  ),
});
export type OutcomesAfterEnd = z.infer<typeof outcomesAfterEndSchema>;

const statusCounts = z.record(z.enum(ACTION_STATUSES), count);

/** `GET /api/stats/sustainability`: actions by kind and status; people kept after the programme. */
export const sustainabilityStatsSchema = z.object({
  key: z.string(),
  label: z.string(),
  challengeCount: count,
  actions: z.record(z.enum(ACTION_KINDS), statusCounts),
  /** Challenges with at least one post-programme resource recorded. */
  resourcesReported: count,
  /** Challenges with at least one person kept on the deliverables. */
  peopleKept: count,
});
export type SustainabilityStats = z.infer<typeof sustainabilityStatsSchema>;

export const RISK_REASONS = ["production_below_achieved", "nobody_kept", "stale"] as const;
export type RiskReason = (typeof RISK_REASONS)[number];

/** `GET /api/stats/at-risk`. */
export const atRiskChallengeSchema = z.object({
  slug: z.string(),
  title: z.string(),
  promotion: z.string(),
  administration: z.string(),
  endsOn: z.string(),
  lastReportAt: z.string().nullable(),
  productionLevel: z.number().int().nullable(),
  reasons: z.array(z.enum(RISK_REASONS)),
});
export type AtRiskChallenge = z.infer<typeof atRiskChallengeSchema>;

/** `GET /api/stats/facets`: the values the filters offer. */
export const facetsSchema = z.object({
  administrations: z.array(z.object({ name: z.string(), count })),
  skills: z.array(z.object({ key: z.string(), count })),
});
export type Facets = z.infer<typeof facetsSchema>;

/** `GET /api/meta`: what captions and banners say about the data. */
export const metaSchema = z.object({
  revision: z.number().int(),
  isSynthetic: z.boolean(),
  generatedAt: z.string(),
});
export type Meta = z.infer<typeof metaSchema>;
