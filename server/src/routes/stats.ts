import { route, json, type Route } from "./route";
import { z } from "zod";
import type { Deps } from "../handlers/context";
import { withKnownPromotions } from "../handlers/promotions";
import {
  getAtRisk,
  getCohortStats,
  getFacets,
  getHeadline,
  getOutcomesAfterEnd,
  getSustainabilityStats,
  getTrajectories,
} from "../handlers/stats";
import { snapshotQuerySchema } from "@shared/snapshot";
import { cohortStatsListSchema } from "@shared/cohort-stats";
import { headlineSchema } from "@shared/headline";
import {
  atRiskSchema,
  facetsSchema,
  outcomesAfterEndSchema,
  statsFiltersSchema,
  sustainabilityStatsSchema,
  trajectorySchema,
} from "@shared/stats";

/** Statistics over the filtered challenges, live or as of a snapshot (`?snapshot=ID`). */
export function statsRoutes(deps: Deps): Route[] {
  return [
    route({
      method: "get",
      path: "/stats/cohorts",
      cache: "revision",
      summary: "Par promotion : résultats et répartition des niveaux actuels par axe.",
      access: "signedIn",
      input: { query: statsFiltersSchema },
      response: json(200, cohortStatsListSchema),
      handle: withKnownPromotions(deps, getCohortStats(deps)),
    }),
    route({
      method: "get",
      path: "/stats/headline",
      cache: "revision",
      summary:
        "Chiffres clés des promotions choisies, par promotion et ensemble : défis, part avec un résultat, part au niveau 2 ou plus sur chaque axe, part ayant remonté depuis 6 mois.",
      access: "signedIn",
      input: { query: statsFiltersSchema },
      response: json(200, headlineSchema),
      handle: withKnownPromotions(deps, getHeadline(deps)),
    }),
    route({
      method: "get",
      path: "/stats/trajectories",
      cache: "revision",
      summary: "Par promotion et par axe : niveau moyen par mois depuis le début de la promotion (report du dernier niveau).",
      access: "signedIn",
      input: { query: statsFiltersSchema },
      response: json(200, z.array(trajectorySchema)),
      handle: withKnownPromotions(deps, getTrajectories(deps)),
    }),
    route({
      method: "get",
      path: "/stats/outcomes-after-end",
      cache: "revision",
      summary: "Résultats en vigueur 6, 12 et 24 mois après la fin de chaque défi.",
      access: "signedIn",
      input: { query: statsFiltersSchema },
      response: json(200, z.array(outcomesAfterEndSchema)),
      handle: withKnownPromotions(deps, getOutcomesAfterEnd(deps)),
    }),
    route({
      method: "get",
      path: "/stats/sustainability",
      cache: "revision",
      summary: "Actions par nature et par état ; défis ayant gardé des personnes après le programme.",
      access: "signedIn",
      input: { query: statsFiltersSchema },
      response: json(200, z.array(sustainabilityStatsSchema)),
      handle: withKnownPromotions(deps, getSustainabilityStats(deps)),
    }),
    route({
      method: "get",
      path: "/stats/at-risk",
      cache: "revision",
      summary:
        "Défis à risque (programme terminé, au moins une remontée, et mise en production sous le niveau 2, personne de gardé ou rien remonté depuis 6 mois) ; à part, les défis qui n'ont jamais rien remonté.",
      access: "signedIn",
      input: { query: statsFiltersSchema },
      response: json(200, atRiskSchema),
      handle: withKnownPromotions(deps, getAtRisk(deps)),
    }),
    route({
      method: "get",
      path: "/stats/facets",
      cache: "revision",
      summary: "Les administrations et compétences proposées par les filtres.",
      access: "signedIn",
      input: { query: snapshotQuerySchema },
      response: json(200, facetsSchema),
      handle: getFacets(deps),
    }),
  ];
}
