import { z } from "zod";
import {
  ACTION_KINDS,
  ACTION_STATUSES,
  ALLY_KINDS,
  CHECKLIST_ITEMS,
  OUTCOME_CATEGORIES,
  RESOURCE_ARRANGEMENTS,
  SUSTAINABILITY_PATHS,
  TIME_SHARES,
} from "./domain";
import { axisSchema, isoDateSchema, levelSchema } from "./common";
import { warningSchema } from "./writes";
import { axesReviewSchema, entryReviewSchema } from "./review";

const axisStatusSchema = z.object({ level: levelSchema, asOf: isoDateSchema }).nullable();
export type AxisStatus = z.infer<typeof axisStatusSchema>;

const challengeStatusSchema = z.object({
  production: axisStatusSchema,
  transmission: axisStatusSchema,
  reliability: axisStatusSchema,
});
export type ChallengeStatus = z.infer<typeof challengeStatusSchema>;

const outcomeCategorySchema = z.enum(OUTCOME_CATEGORIES);
const sustainabilityPathSchema = z.enum(SUSTAINABILITY_PATHS);

/** One item of `GET /api/challenges`. */
export const challengeSummarySchema = z.object({
  slug: z.string(),
  title: z.string(),
  promotion: z.string(),
  administration: z.string(),
  status: challengeStatusSchema,
  outcome: z.object({ categories: z.array(outcomeCategorySchema), asOf: isoDateSchema }).nullable(),
  updatedAt: z.string(),
  version: z.number().int().positive(),
  /** When something was last reported (status, confirmation or outcome); null if never. */
  lastReportAt: z.string().nullable(),
  /** Nothing reported for 90 days, or never: "à actualiser". */
  stale: z.boolean(),
});
export type ChallengeSummary = z.infer<typeof challengeSummarySchema>;

const statusUpdateSchema = z.object({
  id: z.number().int(),
  axis: axisSchema,
  level: levelSchema,
  note: z.string().nullable(),
  evidenceUrl: z.string().nullable(),
  asOf: isoDateSchema,
  recordedAt: z.string(),
  authorName: z.string(),
  /** "confirmation": the mentor confirmed the level was still right ("Toujours exact"). */
  kind: z.enum(["update", "confirmation"]),
  retraction: z.object({ reason: z.string(), retractedAt: z.string(), authorName: z.string() }).nullable(),
  /** Declared, validated or sent back, with the admin's latest comment (docs/levels.md). */
  validation: entryReviewSchema,
});
export type StatusUpdate = z.infer<typeof statusUpdateSchema>;

const outcomeEntrySchema = z.object({
  id: z.number().int(),
  categories: z.array(outcomeCategorySchema),
  path: sustainabilityPathSchema.nullable(),
  note: z.string().nullable(),
  asOf: isoDateSchema,
  recordedAt: z.string(),
  authorName: z.string(),
  /** Declared, validated or sent back, with the admin's latest comment (docs/levels.md). */
  validation: entryReviewSchema,
});
export type OutcomeEntry = z.infer<typeof outcomeEntrySchema>;

const actionSchema = z.object({
  id: z.number().int(),
  kind: z.enum(ACTION_KINDS),
  title: z.string(),
  status: z.enum(ACTION_STATUSES),
  dueOn: isoDateSchema.nullable(),
  owner: z.string().nullable(),
  scenarioId: z.number().int().nullable(),
  asOf: isoDateSchema.nullable(),
  authorName: z.string(),
  /** Optimistic concurrency: PATCH and DELETE send it back as If-Match. */
  version: z.number().int(),
});
export type Action = z.infer<typeof actionSchema>;

const scenarioSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  needs: z.string().nullable(),
  resourcesNeeded: z.string().nullable(),
  governance: z.string().nullable(),
  calendar: z.string().nullable(),
  preferred: z.boolean(),
  isStop: z.boolean(),
  version: z.number().int(),
});
export type Scenario = z.infer<typeof scenarioSchema>;

const allySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: z.enum(ALLY_KINDS),
  role: z.string().nullable(),
  asOf: isoDateSchema.nullable(),
  authorName: z.string(),
  version: z.number().int(),
});
export type Ally = z.infer<typeof allySchema>;

const resourceSchema = z.object({
  id: z.number().int(),
  peopleKept: z.number().int(),
  arrangement: z.enum(RESOURCE_ARRANGEMENTS).nullable(),
  timeShare: z.enum(TIME_SHARES).nullable(),
  budgetSecured: z.boolean(),
  hosting: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
});
export type Resource = z.infer<typeof resourceSchema>;

const checklistItemSchema = z.object({
  key: z.enum(CHECKLIST_ITEMS as [string, ...string[]]),
  done: z.boolean(),
  link: z.string().nullable(),
});
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

/** `GET /api/challenges/:slug`: the summary plus everything the challenge page shows. */
export const challengeDetailSchema = challengeSummarySchema.extend({
  startsOn: isoDateSchema,
  endsOn: isoDateSchema,
  datesApproximate: z.boolean(),
  durationMonths: z.number().int(),
  year: z.number().int(),
  administrationWebsite: z.string().nullable(),
  website: z.string().nullable(),
  sourceCode: z.string().nullable(),
  city: z.string().nullable(),
  skills: z.array(z.string()),
  eigCount: z.number().int().nullable(),
  mentorCount: z.number().int().nullable(),
  predecessor: z.object({ slug: z.string(), title: z.string() }).nullable(),
  successors: z.array(z.object({ slug: z.string(), title: z.string() })),
  outcomeDetail: outcomeEntrySchema.nullable(),
  outcomeHistory: z.array(outcomeEntrySchema),
  history: z.array(statusUpdateSchema),
  scenarios: z.array(scenarioSchema),
  actions: z.array(actionSchema),
  allies: z.array(allySchema),
  resources: z.array(resourceSchema),
  checklist: z.array(checklistItemSchema),
  mentors: z.array(z.object({ id: z.number().int(), name: z.string() })),
  warnings: z.array(warningSchema),
});
export type ChallengeDetail = z.infer<typeof challengeDetailSchema>;

/** One of "Mes défis": what the mentor follows, and what is missing. */
const MISSING_ITEMS = ["production", "transmission", "reliability", "outcome", "checklist"] as const;
export const myChallengeSchema = challengeSummarySchema.extend({
  missing: z.array(z.enum(MISSING_ITEMS)),
  /** Whether each level in force is declared, validated or sent back (with the reviewer's comment). */
  validation: axesReviewSchema,
  warnings: z.array(warningSchema),
});
export type MyChallenge = z.infer<typeof myChallengeSchema>;
