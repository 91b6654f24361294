// Update campaigns (docs/domain.md, docs/decisions/0007-campaign-edits-and-email-outbox.md): the
// programme team asks the mentors of a set of challenges to bring them up to date by a deadline;
// reminders go out by email before it.
import { z } from "zod";
import { axesReviewSchema } from "./review";
import { addDays, parisDate } from "./dates";
import { isoDateSchema, levelSchema, slugSchema, textSchema } from "./common";
import { sm } from "./i18n/schema-messages";

/** Reminders go out when the deadline is this many days away or fewer (and not yet past). */
export const REMINDER_DAYS_BEFORE_DEADLINE = 3;

/** A deadline further away than this is a typing error, not a campaign. */
export const MAX_CAMPAIGN_DAYS = 366;

/** Hand-picked challenges per campaign; whole promotions are chosen by key instead. */
const MAX_PICKED_CHALLENGES = 200;

/** Attempts at one email before it is recorded as failed (the day is then free for a later run). */
export const MAX_EMAIL_ATTEMPTS = 3;

const promotionKeySchema = z.string().regex(/^[a-z0-9-]{1,20}$/, { error: sm("campaign.promotionKey") });

const campaignNameSchema = textSchema(200, "Nom de la campagne")
  .pipe(z.string().min(1, { error: sm("campaign.nameRequired") }))
  // It becomes an email subject: one line.
  .refine((name) => !/[\r\n]/.test(name), { error: sm("campaign.nameOneLine") });

// Checked against the Paris day when the request arrives, on both sides.
const campaignDeadlineSchema = isoDateSchema
  .refine((date) => date >= parisDate(), { error: sm("campaign.deadlinePast") })
  .refine((date) => date <= addDays(parisDate(), MAX_CAMPAIGN_DAYS), {
    error: sm("campaign.deadlineTooFar", { days: MAX_CAMPAIGN_DAYS }),
  });

const promotionKeysSchema = z.array(promotionKeySchema).max(50, { error: sm("campaign.tooManyPromotions") }).default([]);
const pickedChallengesSchema = z
  .array(slugSchema)
  .max(MAX_PICKED_CHALLENGES, { error: sm("campaign.tooManyChallenges", { max: MAX_PICKED_CHALLENGES }) })
  .default([]);

/** `POST /api/campaigns` (admin): promotions and hand-picked challenges are joined together. */
export const newCampaignSchema = z
  .strictObject({
    name: campaignNameSchema,
    deadline: campaignDeadlineSchema,
    promotions: promotionKeysSchema,
    challenges: pickedChallengesSchema,
  })
  .refine((body) => body.promotions.length + body.challenges.length > 0, {
    error: sm("campaign.emptyScope"),
    path: ["challenges"],
  });
export type NewCampaign = z.input<typeof newCampaignSchema>;
export type NewCampaignParsed = z.output<typeof newCampaignSchema>;

/**
 * `PATCH /api/campaigns/:id` (admin, open campaigns only): rename, move the deadline, add
 * challenges (whole promotions or hand-picked). Challenges are never removed: see
 * server/src/handlers/campaign-edits.ts for why.
 */
export const campaignEditSchema = z
  .strictObject({
    name: campaignNameSchema.optional(),
    deadline: campaignDeadlineSchema.optional(),
    addPromotions: promotionKeysSchema,
    addChallenges: pickedChallengesSchema,
  })
  .refine((body) => body.name !== undefined || body.deadline !== undefined || body.addPromotions.length + body.addChallenges.length > 0, {
    error: sm("campaign.nothingToEdit"),
  });
export type CampaignEdit = z.input<typeof campaignEditSchema>;
export type CampaignEditParsed = z.output<typeof campaignEditSchema>;

export const campaignIdParamsSchema = z.strictObject({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

/** Whether each axis has been answered (a counting update or "Toujours exact") since the campaign opened. */
const axesAnsweredSchema = z.object({ production: z.boolean(), transmission: z.boolean(), reliability: z.boolean() });
export type AxesAnswered = z.infer<typeof axesAnsweredSchema>;

export const campaignSummarySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  deadline: isoDateSchema,
  openedAt: z.string(),
  openedByName: z.string(),
  closedAt: z.string().nullable(),
  challengeCount: z.number().int(),
  answeredCount: z.number().int(),
});
export type CampaignSummary = z.infer<typeof campaignSummarySchema>;

const campaignChallengeSchema = z.object({
  slug: z.string(),
  title: z.string(),
  promotion: z.string(),
  axes: axesAnsweredSchema,
  answered: z.boolean(),
  mentors: z.array(z.object({ id: z.number().int(), name: z.string() })),
});
export type CampaignChallenge = z.infer<typeof campaignChallengeSchema>;

const campaignEmailStatsSchema = z.object({
  /** False when no SMTP server is configured: nothing is sent, the page offers mailto links. */
  enabled: z.boolean(),
  /** Recorded and waiting for the sender (including failed attempts that will be retried). */
  pending: z.number().int(),
  sent: z.number().int(),
  failed: z.number().int(),
  lastSentAt: z.string().nullable(),
  recent: z.array(
    z.object({
      recipientName: z.string(),
      recipient: z.string(),
      kind: z.enum(["opening", "reminder"]),
      status: z.enum(["pending", "sending", "sent", "failed"]),
      challengeCount: z.number().int(),
      /** Sending attempts so far (a pending email with attempts > 0 is waiting for a retry). */
      attempts: z.number().int(),
      /** The last SMTP error, if any. */
      error: z.string().nullable(),
      at: z.string(),
    }),
  ),
});

/** `GET /api/campaigns/:id`: completion per promotion and per challenge, and whom to chase. */
export const campaignDetailSchema = campaignSummarySchema.extend({
  closedByName: z.string().nullable(),
  promotions: z.array(z.object({ key: z.string(), label: z.string(), challengeCount: z.number().int(), answeredCount: z.number().int() })),
  challenges: z.array(campaignChallengeSchema),
  /** Active mentors with at least one unanswered challenge of the campaign. */
  toChase: z.array(
    z.object({ id: z.number().int(), name: z.string(), email: z.string(), challenges: z.array(z.object({ slug: z.string(), title: z.string() })) }),
  ),
  emails: campaignEmailStatsSchema,
  /** Nobody has answered through it yet (no counting update since it opened): an admin may delete it. */
  deletable: z.boolean(),
});
export type CampaignDetail = z.infer<typeof campaignDetailSchema>;

/**
 * What a request put in the email queue: emails recorded to be sent right after the answer,
 * and recipients already written to today (never twice a day). Sending happens outside the
 * request; the campaign page shows each email's state.
 */
export const emailRunSchema = z.object({
  enabled: z.boolean(),
  queued: z.number().int(),
  alreadyToday: z.number().int(),
});
export type EmailRun = z.infer<typeof emailRunSchema>;

export const campaignCreatedSchema = z.object({ campaign: campaignSummarySchema, emails: emailRunSchema });

/** `GET /api/me/campaigns`: the signed-in mentor's to-do in each open campaign. */
export const myCampaignSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  deadline: isoDateSchema,
  openedAt: z.string(),
  challenges: z.array(
    campaignChallengeSchema.omit({ mentors: true }).extend({
      /** The current level per axis (null: never reported): only a reported axis can be confirmed "Toujours exact". */
      levels: z.object({ production: levelSchema.nullable(), transmission: levelSchema.nullable(), reliability: levelSchema.nullable() }),
      /** Whether each level in force is declared, validated or sent back (with the reviewer's comment). */
      validation: axesReviewSchema,
    }),
  ),
});
export type MyCampaign = z.infer<typeof myCampaignSchema>;
