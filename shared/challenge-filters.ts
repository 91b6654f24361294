import { z } from "zod";
import { statsFiltersSchema } from "./stats";
import { sm } from "./i18n/schema-messages";

export const CHALLENGE_SORTS = ["name", "promotion", "lastReport", "production", "transmission", "reliability"] as const;
export type ChallengeSort = (typeof CHALLENGE_SORTS)[number];

const levelFilter = z.enum(["0", "1", "2", "3", "none"], { error: sm("list.level") }).optional();
const flag = z.enum(["true"], { error: sm("list.flag") }).optional();

/**
 * Query of `GET /api/challenges`: the statistics' filters plus a search, a level per axis
 * (`none`: not reported), « à mettre à jour » (the list's `stale`: nothing reported for 90 days,
 * or never), at risk (the dashboard's rule), a mentor (admins only), and a sort; nothing else.
 */
export const challengeFiltersSchema = statsFiltersSchema.extend({
  q: z.string().trim().max(200, { error: sm("search.tooLong") }).optional(),
  production: levelFilter,
  transmission: levelFilter,
  reliability: levelFilter,
  toUpdate: flag,
  atRisk: flag,
  mentor: z.coerce.number().int().positive({ error: sm("list.mentor") }).optional(),
  sort: z.enum(CHALLENGE_SORTS, { error: sm("list.sort") }).optional(),
  order: z.enum(["asc", "desc"], { error: sm("list.order") }).optional(),
});
export type ChallengeFilters = z.infer<typeof challengeFiltersSchema>;
