import { route, json, type Route } from "./route";
import type { Deps } from "../handlers/context";
import { challengeBySlug } from "../http/access";
import { patchChallenge, patchPromotion, postChallenge, postPromotion } from "../handlers/catalogue";
import {
  catalogueChallengeSchema,
  challengeCreatedSchema,
  challengePatchSchema,
  newChallengeSchema,
  newPromotionSchema,
  promotionKeyParamsSchema,
  promotionPatchSchema,
} from "@shared/catalogue";
import { promotionSchema } from "@shared/promotion";

/** Catalogue corrections and additions by the programme team. */
export function catalogueRoutes(deps: Deps): Route[] {
  return [
    route({
      method: "post",
      path: "/promotions",
      idempotent: true,
      summary: "Ajoute une promotion (EIG 5 et suivantes) : numéro ou code, nom, dates (409 si le code existe).",
      access: "admin",
      input: { body: newPromotionSchema },
      response: json(201, promotionSchema),
      handle: postPromotion(deps),
    }),
    route({
      method: "patch",
      path: "/promotions/:key",
      summary:
        "Corrige le nom ou les dates d'une promotion (la fin après le début) et lève la mention « dates approximatives » ; les trajectoires, comptées depuis son début, sont recalculées.",
      access: "admin",
      input: { params: promotionKeyParamsSchema, body: promotionPatchSchema },
      response: json(200, promotionSchema),
      handle: patchPromotion(deps),
    }),
    route({
      method: "post",
      path: "/promotions/:key/challenges",
      idempotent: true,
      summary: "Ajoute un défi à une promotion : champs publics et dates ; son identifiant d'adresse est tiré du titre.",
      access: "admin",
      input: { params: promotionKeyParamsSchema, body: newChallengeSchema },
      response: json(201, challengeCreatedSchema),
      handle: postChallenge(deps),
    }),
    route({
      method: "patch",
      path: "/challenges/:slug",
      summary:
        "Corrige les champs publics d'un défi (titre, administration, liens http ou https, ville) et ses dates ; son adresse ne change pas.",
      access: "admin",
      challenge: challengeBySlug,
      input: { body: challengePatchSchema },
      response: json(200, catalogueChallengeSchema),
      handle: patchChallenge(deps),
    }),
  ];
}
