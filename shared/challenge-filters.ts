import { z } from "zod";
import { statsFiltersSchema } from "./stats";

/** Query of `GET /api/challenges`: the statistics' filters plus a search, nothing else accepted. */
export const challengeFiltersSchema = statsFiltersSchema.extend({
  q: z.string().trim().max(200, { error: "Recherche limitée à 200 caractères." }).optional(),
});
export type ChallengeFilters = z.infer<typeof challengeFiltersSchema>;
