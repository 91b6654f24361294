import { route, json, type Route } from "./route";
import { z } from "zod";
import type { Deps } from "../handlers/context";
import { withKnownPromotions, getPromotions } from "../handlers/promotions";
import { getChallenges, getChallenge } from "../handlers/challenges";
import { getMyChallenges } from "../handlers/me";
import { challengeDetailSchema, challengeSummarySchema, myChallengeSchema } from "@shared/challenge";
import { challengeFiltersSchema } from "@shared/challenge-filters";
import { promotionSchema } from "@shared/promotion";

/** The catalogue as any signed-in account reads it, and « Mes défis ». */
export function challengeRoutes(deps: Deps): Route[] {
  return [
    route({
      method: "get",
      path: "/promotions",
      cache: "revision",
      summary: "Les promotions, dans l'ordre, avec leur nombre de défis.",
      access: "signedIn",
      response: json(200, z.array(promotionSchema)),
      handle: getPromotions(deps),
    }),
    route({
      method: "get",
      path: "/challenges",
      cache: "revision",
      summary: "Les défis, filtrés par promotion et par recherche (sans tenir compte des accents).",
      access: "signedIn",
      input: { query: challengeFiltersSchema },
      response: json(200, z.array(challengeSummarySchema)),
      handle: withKnownPromotions(deps, getChallenges(deps)),
    }),
    route({
      method: "get",
      path: "/challenges/:slug",
      cache: "revision",
      summary: "Un défi : statuts, historique, résultat, actions, scénarios, alliés, ressources, passation, mentors.",
      access: "signedIn",
      response: json(200, challengeDetailSchema),
      handle: getChallenge(deps),
    }),
    route({
      method: "get",
      path: "/me/challenges",
      summary: "« Mes défis » : les défis attribués au compte, avec ce qui manque.",
      access: "signedIn",
      response: json(200, z.array(myChallengeSchema)),
      handle: getMyChallenges(deps),
    }),
  ];
}
