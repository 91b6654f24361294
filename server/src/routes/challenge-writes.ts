import { route, json, type Route } from "./route";
import { z } from "zod";
import type { Deps } from "../handlers/context";
import { challengeByIdParam } from "../http/access";
import { challengeRefOfStatusUpdate } from "../repositories/challenge-refs";
import {
  createItem,
  patchItem,
  postConfirmation,
  postRetraction,
  postStatusUpdate,
  putChecklistItem,
  putOutcome,
  removeItem,
  type ItemFieldsSchema,
} from "../handlers/challenge-writes";
import { challengeOfItem, type ItemKind } from "../repositories/challenge-items";
import { challengeDetailSchema } from "@shared/challenge";
import {
  actionPatchSchema,
  allyPatchSchema,
  checklistItemParamsSchema,
  checklistItemUpdateSchema,
  confirmationSchema,
  itemIdParamsSchema,
  newActionSchema,
  newAllySchema,
  newResourceSchema,
  newScenarioSchema,
  newStatusUpdateSchema,
  outcomeUpdateSchema,
  resourcePatchSchema,
  retractionResultSchema,
  retractionSchema,
  scenarioPatchSchema,
} from "@shared/writes";

/** Create under a challenge, patch and delete by id: the same three routes for each kind of item. */
function itemRoutes(
  deps: Deps,
  kind: ItemKind,
  plural: string,
  label: string,
  schemas: { create: ItemFieldsSchema; patch: ItemFieldsSchema; item: z.ZodType },
): Route[] {
  const byItemId = challengeByIdParam((db, id) => challengeOfItem(db, kind, id));
  return [
    route({
      method: "post",
      path: `/challenges/:slug/${plural}`,
      summary: `Ajoute ${label} au défi.`,
      access: "challengeEditor",
      idempotent: true,
      input: { body: schemas.create },
      response: json(201, schemas.item),
      handle: createItem(kind, deps),
    }),
    route({
      method: "patch",
      path: `/${plural}/:id`,
      summary: `Modifie ${label} (champs donnés seulement) ; exige If-Match: <version> (409 avec l'état actuel si elle a changé, 428 sans).`,
      access: "challengeEditor",
      ifMatch: `Version de l'élément (champ version).`,
      challenge: byItemId,
      input: { params: itemIdParamsSchema, body: schemas.patch },
      response: json(200, schemas.item),
      handle: patchItem(kind, deps),
    }),
    route({
      method: "delete",
      path: `/${plural}/:id`,
      summary: `Supprime ${label} ; exige If-Match: <version> (409 avec l'état actuel si elle a changé, 428 sans).`,
      access: "challengeEditor",
      ifMatch: `Version de l'élément (champ version).`,
      challenge: byItemId,
      input: { params: itemIdParamsSchema },
      response: json(204),
      handle: removeItem(kind, deps),
    }),
  ];
}

/** Mentors' writes: admins, and the mentors assigned to the challenge. */
export function challengeWriteRoutes(deps: Deps): Route[] {
  const detail = challengeDetailSchema.shape;
  return [
    route({
      method: "post",
      path: "/challenges/:slug/status-updates",
      summary: "Enregistre le niveau d'un axe (ajouté à l'historique, jamais modifié).",
      access: "challengeEditor",
      idempotent: true,
      input: { body: newStatusUpdateSchema },
      response: json(201, detail.history.element),
      handle: postStatusUpdate(deps),
    }),
    route({
      method: "post",
      path: "/challenges/:slug/confirmations",
      summary: "« Toujours exact » : confirme le niveau actuel des axes donnés (par défaut, tous ceux renseignés).",
      access: "challengeEditor",
      idempotent: true,
      input: { body: confirmationSchema },
      response: json(201, z.object({ updates: detail.history })),
      handle: postConfirmation(deps),
    }),
    route({
      method: "post",
      path: "/status-updates/:id/retraction",
      summary: "Retire une mise à jour erronée, avec un motif : elle ne compte plus mais reste visible.",
      access: "challengeEditor",
      idempotent: true,
      challenge: challengeByIdParam(challengeRefOfStatusUpdate),
      input: { params: itemIdParamsSchema, body: retractionSchema },
      response: json(201, retractionResultSchema),
      handle: postRetraction(deps),
    }),
    route({
      method: "put",
      path: "/challenges/:slug/outcome",
      summary:
        "Enregistre le résultat du défi ; exige If-Match: <version> (409 si elle a changé, 428 sans). Identique au résultat en vigueur (catégories, voie, note) : rien n'est écrit et la réponse dit changed: false.",
      access: "challengeEditor",
      ifMatch: "Version du défi.",
      input: { body: outcomeUpdateSchema },
      response: json(200, z.object({ changed: z.boolean(), outcome: detail.outcomeHistory.element, version: z.number().int() })),
      handle: putOutcome(deps),
    }),
    route({
      method: "put",
      path: "/challenges/:slug/checklist/:item",
      summary: "Coche ou décoche un élément de la liste de passation, avec un lien.",
      access: "challengeEditor",
      input: { params: checklistItemParamsSchema, body: checklistItemUpdateSchema },
      response: json(200, detail.checklist.element),
      handle: putChecklistItem(deps),
    }),
    ...itemRoutes(deps, "action", "actions", "une action", {
      create: newActionSchema,
      patch: actionPatchSchema,
      item: detail.actions.element,
    }),
    ...itemRoutes(deps, "scenario", "scenarios", "un scénario", {
      create: newScenarioSchema,
      patch: scenarioPatchSchema,
      item: detail.scenarios.element,
    }),
    ...itemRoutes(deps, "ally", "allies", "un allié", { create: newAllySchema, patch: allyPatchSchema, item: detail.allies.element }),
    ...itemRoutes(deps, "resource", "resources", "une ressource après le programme", {
      create: newResourceSchema,
      patch: resourcePatchSchema,
      item: detail.resources.element,
    }),
  ];
}
