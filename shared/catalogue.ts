// The programme team's corrections and additions to the catalogue of promotions and challenges.
import { z } from "zod";
import { isoDateSchema, textSchema } from "./common";
import { fieldLabel, schemaMessage, sm } from "./i18n/schema-messages";

/**
 * A public link of the catalogue: http or https, as the public catalogue holds both (many
 * administrations' sites are still served over http).
 */
const catalogueUrlSchema = z
  .url({ protocol: /^https?$/, error: sm("url.httpOrHttps") })
  .max(500, { error: sm("url.tooLong", { max: 500 }) });

const optionalLink = catalogueUrlSchema
  .or(z.literal("").transform(() => null))
  .nullable()
  .optional();
const optionalText = (max: number, label: string) =>
  textSchema(max, label)
    .transform((value) => (value === "" ? null : value))
    .nullable()
    .optional();
const requiredText = (max: number, label: string) => textSchema(max, label).min(1, { error: () => schemaMessage("text.required", { label: fieldLabel(label) }) });

/** Also raised by the server when a patch gives one date and the stored other one is out of order. */
const END_BEFORE_START = sm("catalogue.endBeforeStart");

/** Zod check shared by every schema that carries both dates. */
const datesInOrder = (value: { startsOn?: string; endsOn?: string }) =>
  value.startsOn === undefined || value.endsOn === undefined || value.endsOn >= value.startsOn;
const datesIssue = { error: END_BEFORE_START, path: ["endsOn"] };

/** Dates of a promotion or a challenge; "approximate" is unticked once the dates are confirmed. */
const dateFields = {
  startsOn: isoDateSchema,
  endsOn: isoDateSchema,
  datesApproximate: z.boolean(),
};

/** `POST /api/promotions`: EIG 5 onwards. The key is the number ("5") or a short code ("dig"). */
export const newPromotionSchema = z
  .strictObject({
    key: z
      .string()
      .trim()
      .regex(/^[a-z0-9][a-z0-9-]{0,19}$/, { error: sm("catalogue.promotionKey") }),
    label: requiredText(80, "Nom"),
    ...dateFields,
  })
  .refine(datesInOrder, datesIssue);
export type NewPromotion = z.input<typeof newPromotionSchema>;

/** `PATCH /api/promotions/:key`: the fields given change. */
export const promotionPatchSchema = z
  .strictObject({
    label: requiredText(80, "Nom").optional(),
    startsOn: isoDateSchema.optional(),
    endsOn: isoDateSchema.optional(),
    datesApproximate: z.boolean().optional(),
  })
  .refine(datesInOrder, datesIssue);
export type PromotionPatch = z.input<typeof promotionPatchSchema>;

export const promotionKeyParamsSchema = z.object({ key: z.string().min(1).max(20) });

/** The public fields of a challenge that the programme team edits. */
const publicFields = {
  title: requiredText(200, "Titre"),
  administration: requiredText(300, "Administration"),
  administrationWebsite: optionalLink,
  website: optionalLink,
  sourceCode: optionalLink,
  city: optionalText(100, "Ville"),
};

/** `POST /api/promotions/:key/challenges`: a new challenge of the promotion; its slug is made from the title. */
export const newChallengeSchema = z
  .strictObject({ ...publicFields, ...dateFields })
  .refine(datesInOrder, datesIssue);
export type NewChallenge = z.input<typeof newChallengeSchema>;

/** `PATCH /api/challenges/:slug`: the fields given change; the slug never does (links stay valid). */
export const challengePatchSchema = z
  .strictObject({
    title: publicFields.title.optional(),
    administration: publicFields.administration.optional(),
    administrationWebsite: optionalLink,
    website: optionalLink,
    sourceCode: optionalLink,
    city: optionalText(100, "Ville"),
    startsOn: isoDateSchema.optional(),
    endsOn: isoDateSchema.optional(),
    datesApproximate: z.boolean().optional(),
  })
  .refine(datesInOrder, datesIssue);
export type ChallengePatch = z.input<typeof challengePatchSchema>;

export const challengeCreatedSchema = z.object({ slug: z.string(), title: z.string(), promotion: z.string() });

export { END_BEFORE_START };

/** `PATCH /api/challenges/:slug`'s answer: the challenge's catalogue fields as now stored. */
export const catalogueChallengeSchema = z.object({
  slug: z.string(),
  title: z.string(),
  promotion: z.string(),
  administration: z.string(),
  administrationWebsite: z.string().nullable(),
  website: z.string().nullable(),
  sourceCode: z.string().nullable(),
  city: z.string().nullable(),
  startsOn: isoDateSchema,
  endsOn: isoDateSchema,
  datesApproximate: z.boolean(),
});
export type CatalogueChallenge = z.infer<typeof catalogueChallengeSchema>;
