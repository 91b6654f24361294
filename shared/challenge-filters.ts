import { z } from "zod";
import { statsFiltersSchema } from "./stats";

export const CHALLENGE_SORTS = ["name", "promotion", "lastReport", "production", "transmission", "reliability"] as const;
export type ChallengeSort = (typeof CHALLENGE_SORTS)[number];

const levelFilter = z.enum(["0", "1", "2", "3", "none"], { error: "Niveau attendu : 0, 1, 2, 3 ou « none »." }).optional();
const flag = z.enum(["true"], { error: "Valeur attendue : « true »." }).optional();

/**
 * Query of `GET /api/challenges`: the statistics' filters plus a search, a level per axis
 * (`none`: not reported), « à mettre à jour » (the list's `stale`: nothing reported for 90 days,
 * or never), at risk (the dashboard's rule), a mentor (admins only), and a sort; nothing else.
 */
export const challengeFiltersSchema = statsFiltersSchema.extend({
  q: z.string().trim().max(200, { error: "Recherche limitée à 200 caractères." }).optional(),
  production: levelFilter,
  transmission: levelFilter,
  reliability: levelFilter,
  toUpdate: flag,
  atRisk: flag,
  mentor: z.coerce.number().int().positive({ error: "Identifiant de mentor invalide." }).optional(),
  sort: z.enum(CHALLENGE_SORTS, { error: "Tri attendu : name, promotion, lastReport, production, transmission ou reliability." }).optional(),
  order: z.enum(["asc", "desc"], { error: "Ordre attendu : « asc » ou « desc »." }).optional(),
});
export type ChallengeFilters = z.infer<typeof challengeFiltersSchema>;
