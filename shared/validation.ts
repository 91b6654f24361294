// Validation of mentors' declarations (issue 9): the admin's decision on a status update or
// an outcome, the state every entry shows, and the queue of declarations to review.
import { z } from "zod";
import { DATA_VIEWS, OUTCOME_CATEGORIES, VALIDATION_DECISIONS, VALIDATION_STATES } from "./domain";
import { axisSchema, isoDateSchema, levelSchema, textSchema } from "./common";
import { schemaMessage, sm } from "./i18n/schema-messages";

export const validationStateSchema = z.enum(VALIDATION_STATES);
export const dataViewSchema = z.enum(DATA_VIEWS, { error: sm("data.view") });

/** `POST /api/status-updates/:id/validation` and `POST /api/outcomes/:id/validation`. */
export const validationDecisionSchema = z
  .strictObject({
    decision: z.enum(VALIDATION_DECISIONS, { error: sm("validation.decision") }),
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
        message: schemaMessage("validation.commentRequired"),
      });
    }
  });
export type ValidationDecisionInput = z.input<typeof validationDecisionSchema>;

/** What every status update and outcome says about its validation. */
export const entryValidationSchema = z.object({
  state: validationStateSchema,
  /** The latest comment an admin wrote on it (why it was sent back, most often). */
  comment: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
});
export type EntryValidation = z.infer<typeof entryValidationSchema>;

/** Answer of a decision: the entry's new state. */
export const validationResultSchema = z.object({
  kind: z.enum(["status_update", "outcome"]),
  id: z.number().int(),
  challenge: z.string(),
  validation: entryValidationSchema,
});
export type ValidationResult = z.infer<typeof validationResultSchema>;

/** `GET /api/validations`: the queue, declared (default) or sent back, oldest first. */
export const validationQueueQuerySchema = z.strictObject({
  state: z.enum(["declared", "sent_back"], { error: sm("validation.state") }).default("declared"),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ValidationQueueQuery = z.infer<typeof validationQueueQuerySchema>;

export const validationQueueItemSchema = z.object({
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
  asOf: isoDateSchema,
  recordedAt: z.string(),
  authorName: z.string(),
  /** Whether it is the value in force (the one the charts count now). */
  current: z.boolean(),
  validation: entryValidationSchema,
});
export type ValidationQueueItem = z.infer<typeof validationQueueItemSchema>;

export const validationQueuePageSchema = z.object({
  items: z.array(validationQueueItemSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type ValidationQueuePage = z.infer<typeof validationQueuePageSchema>;

/** `GET /api/me/sent-back`: the mentor's entries sent back that are still in force. */
export const sentBackEntrySchema = validationQueueItemSchema;
export type SentBackEntry = ValidationQueueItem;
