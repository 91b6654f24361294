import { z } from "zod";

/** Query of `GET /api/challenges`: both filters optional, nothing else accepted. */
export const challengeFiltersSchema = z.strictObject({
  promotion: z
    .string()
    .regex(/^[a-z0-9-]{1,20}$/, { error: "Clé de promotion invalide." })
    .optional(),
  q: z.string().trim().max(200, { error: "Recherche limitée à 200 caractères." }).optional(),
});
export type ChallengeFilters = z.infer<typeof challengeFiltersSchema>;

export const promotionFilterSchema = challengeFiltersSchema.pick({ promotion: true });
