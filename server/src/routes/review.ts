import { route, json, type Route } from "./route";
import { z } from "zod";
import type { Deps } from "../handlers/context";
import { challengeBySlug, challengeByIdParam } from "../http/access";
import { challengeRefOfOutcome, challengeRefOfStatusUpdate } from "../repositories/challenge-refs";
import {
  getMySentBack,
  getReviewQueue,
  postChallengeReviewDecisions,
  postDismissals,
  postReviewDecision,
} from "../handlers/review";
import {
  sentBackEntrySchema,
  reviewDecisionSchema,
  reviewQueuePageSchema,
  reviewQueueQuerySchema,
  bulkReviewSchema,
  bulkReviewResultSchema,
  dismissalSchema,
  dismissalResultSchema,
  reviewResultSchema,
} from "@shared/review";
import { itemIdParamsSchema } from "@shared/writes";

/** Review of mentors' declarations by the programme team, and what a mentor sees sent back. */
export function reviewRoutes(deps: Deps): Route[] {
  return [
    route({
      method: "get",
      path: "/validations",
      summary: "Les déclarations à valider (ou renvoyées), des plus anciennes aux plus récentes, paginées.",
      access: "admin",
      input: { query: reviewQueueQuerySchema },
      response: json(200, reviewQueuePageSchema),
      handle: getReviewQueue(deps),
    }),
    route({
      method: "post",
      path: "/status-updates/:id/validation",
      summary: "Valide une mise à jour de statut, ou la renvoie au mentor avec un commentaire (409 si c'est déjà son état).",
      access: "admin",
      idempotent: true,
      challenge: challengeByIdParam(challengeRefOfStatusUpdate),
      input: { params: itemIdParamsSchema, body: reviewDecisionSchema },
      response: json(201, reviewResultSchema),
      handle: postReviewDecision("status_update", deps),
    }),
    route({
      method: "post",
      path: "/outcomes/:id/validation",
      summary: "Valide un résultat, ou le renvoie au mentor avec un commentaire (409 si c'est déjà son état).",
      access: "admin",
      idempotent: true,
      challenge: challengeByIdParam(challengeRefOfOutcome),
      input: { params: itemIdParamsSchema, body: reviewDecisionSchema },
      response: json(201, reviewResultSchema),
      handle: postReviewDecision("outcome", deps),
    }),
    route({
      method: "post",
      path: "/challenges/:slug/validations",
      idempotent: true,
      summary: "Valide en une fois les déclarations données d'un défi (tout ou rien ; chacune auditée comme une validation seule).",
      access: "admin",
      challenge: challengeBySlug,
      input: { body: bulkReviewSchema },
      response: json(201, bulkReviewResultSchema),
      handle: postChallengeReviewDecisions(deps),
    }),
    route({
      method: "post",
      path: "/validations/dismissals",
      idempotent: true,
      summary: "Écarte des déclarations remplacées par une plus récente : elles quittent la file sans décision (tout ou rien).",
      access: "admin",
      input: { body: dismissalSchema },
      response: json(201, dismissalResultSchema),
      handle: postDismissals(deps),
    }),
    route({
      method: "get",
      path: "/me/sent-back",
      summary: "Les déclarations du compte renvoyées par l'équipe du programme et toujours en vigueur, avec le commentaire.",
      access: "signedIn",
      response: json(200, z.array(sentBackEntrySchema)),
      handle: getMySentBack(deps),
    }),
  ];
}
