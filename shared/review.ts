// Review of mentors' declarations (docs/decisions/0004-validation-of-declarations.md): the admin's decision on a status update or
// an outcome, the state every entry shows, and the queue of declarations to review.
import { z } from "zod";
import { OUTCOME_CATEGORIES, VALIDATION_DECISIONS, VALIDATION_STATES } from "./domain";
import { axisSchema, isoDateSchema, levelSchema, textSchema } from "./common";
import { schemaMessage, sm } from "./i18n/schema-messages";

const validationStateSchema = z.enum(VALIDATION_STATES);

/** `POST /api/status-updates/:id/validation` and `POST /api/outcomes/:id/validation`. */
export const reviewDecisionSchema = z
  .strictObject({
    decision: z.enum(VALIDATION_DECISIONS, { error: sm("review.decision") }),
    comment: textSchema(2000, "Commentaire")
      .transform((value) => (value === "" ? null : value))
      .nullable()
      .optional(),
  })
  .superRefine((body, context) => {
    if (body.decision === "sent_back" && !body.comment) {
      context.addIssue({
        code: "custom",
        path: ["comment"],
        message: schemaMessage("review.commentRequired"),
      });
    }
  });

/** What every status update and outcome says about its validation. */
export const entryReviewSchema = z.object({
  state: validationStateSchema,
  /** The latest comment an admin wrote on it (why it was sent back, most often). */
  comment: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
});
export type EntryReview = z.infer<typeof entryReviewSchema>;

/** Per axis, the validation of the level in force (null: the axis was never reported). */
export const axesReviewSchema = z.object({
  production: entryReviewSchema.nullable(),
  transmission: entryReviewSchema.nullable(),
  reliability: entryReviewSchema.nullable(),
});
export type AxesReview = z.infer<typeof axesReviewSchema>;

/** Answer of a decision: the entry's new state. */
export const reviewResultSchema = z.object({
  kind: z.enum(["status_update", "outcome"]),
  id: z.number().int(),
  challenge: z.string(),
  validation: entryReviewSchema,
});
export type ReviewResult = z.infer<typeof reviewResultSchema>;

/** `GET /api/validations`: the queue, declared (default) or sent back, oldest first. */
export const reviewQueueQuerySchema = z.strictObject({
  state: z.enum(["declared", "sent_back"], { error: sm("review.state") }).default("declared"),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ReviewQueueQuery = z.infer<typeof reviewQueueQuerySchema>;

const reviewQueueItemSchema = z.object({
  kind: z.enum(["status_update", "outcome"]),
  id: z.number().int(),
  challenge: z.object({ slug: z.string(), title: z.string(), promotion: z.string() }),
  /** Status updates: the axis, the level and whether it was a "Toujours exact". */
  axis: axisSchema.nullable(),
  level: levelSchema.nullable(),
  confirmation: z.boolean(),
  /** Outcomes: the categories. */
  categories: z.array(z.enum(OUTCOME_CATEGORIES)).nullable(),
  note: z.string().nullable(),
  /** Status updates: the link to what shows the level, if the mentor gave one. */
  evidenceUrl: z.string().nullable(),
  /** Status updates: the axis's level validated so far (null: none validated yet). */
  previousValidatedLevel: levelSchema.nullable(),
  asOf: isoDateSchema,
  recordedAt: z.string(),
  authorName: z.string(),
  /** Whether it is the value in force (the one the charts count now). */
  current: z.boolean(),
  /** Replaced by a newer declaration on the same axis (or a newer outcome): it can be dismissed. */
  superseded: z.boolean(),
  validation: entryReviewSchema,
});
export type ReviewQueueItem = z.infer<typeof reviewQueueItemSchema>;

export const reviewQueuePageSchema = z.object({
  items: z.array(reviewQueueItemSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type ReviewQueuePage = z.infer<typeof reviewQueuePageSchema>;

const entryRefSchema = z.strictObject({
  kind: z.enum(["status_update", "outcome"], { error: sm("bulk.kind") }),
  id: z.number().int().positive(),
});
export type EntryRef = z.infer<typeof entryRefSchema>;
const entryRefsSchema = z
  .array(entryRefSchema)
  .min(1, { error: sm("bulk.empty") })
  .max(200, { error: sm("bulk.tooMany") });

/**
 * `POST /api/challenges/:slug/validations`: validates the listed declarations of one challenge
 * in one step (the ones the reviewer saw: nothing else is validated). All or nothing.
 */
export const bulkReviewSchema = z.strictObject({ entries: entryRefsSchema });
export const bulkReviewResultSchema = z.object({ results: z.array(reviewResultSchema) });
export type BulkReviewResult = z.infer<typeof bulkReviewResultSchema>;

/**
 * `POST /api/validations/dismissals`: sets aside superseded declarations without reviewing
 * them (docs/decisions/0004-validation-of-declarations.md). All or nothing.
 */
export const dismissalSchema = z.strictObject({ entries: entryRefsSchema });
export const dismissalResultSchema = z.object({ dismissed: z.number().int() });
export type DismissalResult = z.infer<typeof dismissalResultSchema>;

/** `GET /api/me/sent-back`: the mentor's entries sent back that are still in force. */
export const sentBackEntrySchema = reviewQueueItemSchema;
export type SentBackEntry = ReviewQueueItem;
