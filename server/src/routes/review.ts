import { route, json, type Route } from "./route";
import { z } from "zod";
import type { Deps } from "../handlers/context";
import { challengeBySlug } from "../http/access";
import { statusUpdateChallenge } from "../handlers/challenge-writes";
import {
  getMySentBack,
  getValidationQueue,
  outcomeChallenge,
  postChallengeValidations,
  postDismissals,
  postValidation,
} from "../handlers/validation";
import {
  sentBackEntrySchema,
  validationDecisionSchema,
  validationQueuePageSchema,
  validationQueueQuerySchema,
  bulkValidationSchema,
  bulkValidationResultSchema,
  dismissalSchema,
  dismissalResultSchema,
  validationResultSchema,
} from "@shared/validation";
import { itemIdParamsSchema } from "@shared/writes";

/** Review of mentors' declarations by the programme team, and what a mentor sees sent back. */
export function reviewRoutes(deps: Deps): Route[] {
  return [
    route({
      method: "get",
      path: "/validations",
      summary: "Les déclarations à valider (ou renvoyées), des plus anciennes aux plus récentes, paginées.",
      access: "admin",
      input: { query: validationQueueQuerySchema },
      response: json(200, validationQueuePageSchema),
      handle: getValidationQueue(deps),
    }),
    route({
      method: "post",
      path: "/status-updates/:id/validation",
      summary: "Valide une mise à jour de statut, ou la renvoie au mentor avec un commentaire (409 si c'est déjà son état).",
      access: "admin",
      idempotent: true,
      challenge: statusUpdateChallenge,
      input: { params: itemIdParamsSchema, body: validationDecisionSchema },
      response: json(201, validationResultSchema),
      handle: postValidation("status_update", deps),
    }),
    route({
      method: "post",
      path: "/outcomes/:id/validation",
      summary: "Valide un résultat, ou le renvoie au mentor avec un commentaire (409 si c'est déjà son état).",
      access: "admin",
      idempotent: true,
      challenge: outcomeChallenge,
      input: { params: itemIdParamsSchema, body: validationDecisionSchema },
      response: json(201, validationResultSchema),
      handle: postValidation("outcome", deps),
    }),
    route({
      method: "post",
      path: "/challenges/:slug/validations",
      idempotent: true,
      summary: "Valide en une fois les déclarations données d'un défi (tout ou rien ; chacune auditée comme une validation seule).",
      access: "admin",
      challenge: challengeBySlug,
      input: { body: bulkValidationSchema },
      response: json(201, bulkValidationResultSchema),
      handle: postChallengeValidations(deps),
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
