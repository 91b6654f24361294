// Statistics beyond the cohort counts (docs/methodology.md): filters, trajectories,
// outcomes at fixed offsets after the end, sustainability work, challenges at risk.
import { z } from "zod";
import { ACTION_KINDS, ACTION_STATUSES, DATA_VIEWS, OUTCOME_CATEGORIES } from "./domain";
import { snapshotIdSchema } from "./snapshot";
import { sm } from "./i18n/schema-messages";

/** Filters every statistic accepts; they are kept in the dashboard's URL. */
export const statsFiltersSchema = z.strictObject({
  /**
   * One promotion, or several: `?promotion=1&promotion=2` or `?promotion=1,2` (the dashboard
   * compares promotions side by side). Kept as a comma list so that one-promotion links stay valid.
   */
  promotion: z
    .preprocess(
      (value) => (Array.isArray(value) ? value.join(",") : value),
      z.string().regex(/^[a-z0-9-]{1,20}(,[a-z0-9-]{1,20}){0,49}$/, { error: sm("campaign.promotionKey") }),
    )
    .optional(),
  administration: z.string().trim().min(1).max(300).optional(),
  skill: z.string().trim().regex(/^[a-z0-9_-]{1,40}$/, { error: sm("stats.skill") }).optional(),
  /**
   * Which values count (docs/methodology.md, « Data views »): all (default), validated only, or
   * declared and not yet validated only.
   */
  data: z.enum(DATA_VIEWS, { error: sm("data.view") }).optional(),
  /** Read "as of" this snapshot instead of the live data (docs/decisions/0005-citable-snapshots.md). */
  snapshot: snapshotIdSchema.optional(),
});
export type StatsFilters = z.infer<typeof statsFiltersSchema>;

/** The promotion keys a filter names, without repeats; null for every promotion. */
export function promotionKeys(promotion: string | undefined): string[] | null {
  if (!promotion) return null;
  return [...new Set(promotion.split(",").filter(Boolean))];
}

const count = z.number().int().nonnegative();

const trajectoryPointSchema = z.object({
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

/** A challenge that reported is "stale", for the at-risk list, after this many months without a report. */
export const RISK_STALE_MONTHS = 6;

/**
 * The at-risk rule in words, as the methodology states it (shared/methodology.ts) and the
 * dashboard shows it next to the list. Written here, beside the reasons it explains.
 */
export const AT_RISK_RULE =
  "Un défi est à risque quand son programme est terminé, qu'il a remonté au moins une fois, et que : " +
  "sa mise en production n'atteint pas le niveau 2 « Atteint », ou personne n'a été gardé sur les livrables " +
  `(aucune ressource après le programme avec une personne gardée), ou rien n'a été remonté depuis ${RISK_STALE_MONTHS} mois. ` +
  "Un défi qui n'a jamais rien remonté n'est pas compté à risque : c'est un manque de suivi, compté à part.";

const riskChallengeFields = {
  slug: z.string(),
  title: z.string(),
  promotion: z.string(),
  administration: z.string(),
  endsOn: z.string(),
  lastReportAt: z.string().nullable(),
  productionLevel: z.number().int().nullable(),
};

const atRiskChallengeSchema = z.object({ ...riskChallengeFields, reasons: z.array(z.enum(RISK_REASONS)) });
export type AtRiskChallenge = z.infer<typeof atRiskChallengeSchema>;

/** A challenge that never reported anything: a gap in the follow-up, not a risk measured. */
const unreportedChallengeSchema = z.object(riskChallengeFields);
export type UnreportedChallenge = z.infer<typeof unreportedChallengeSchema>;

/** `GET /api/stats/at-risk`: the challenges at risk, and apart, those that never reported. */
export const atRiskSchema = z.object({
  atRisk: z.array(atRiskChallengeSchema),
  neverReported: z.array(unreportedChallengeSchema),
});
export type AtRisk = z.infer<typeof atRiskSchema>;

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
