import { z } from "zod";
import { statsFiltersSchema } from "./stats";
import { sm } from "./i18n/schema-messages";

/** Query of `GET /api/challenges`: the statistics' filters plus a search, nothing else accepted. */
export const challengeFiltersSchema = statsFiltersSchema.extend({
  q: z.string().trim().max(200, { error: sm("search.tooLong") }).optional(),
});
export type ChallengeFilters = z.infer<typeof challengeFiltersSchema>;
