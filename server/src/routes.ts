import type { RequestHandler } from "express";
import { validate } from "./http/validate";
import { challengeBySlug, type Access, type ChallengeResolver } from "./http/access";
import type { Deps } from "./handlers/context";
import { login, logout, me } from "./handlers/auth";
import {
  getAudit,
  getChallenge,
  getChallenges,
  getCohortStats,
  getPromotions,
  health,
  knownPromotion,
} from "./handlers/reads";
import { createUser, getUsers, patchUser, putChallengeMentors, resetUserPassword } from "./handlers/users";
import {
  createItem,
  patchItem,
  postConfirmation,
  postRetraction,
  postStatusUpdate,
  putChecklistItem,
  putOutcome,
  removeItem,
  statusUpdateChallenge,
} from "./handlers/challenge-writes";
import { getMyChallenges } from "./handlers/reads";
import { challengeOfItem, type ItemKind } from "./repositories/challenge-items";
import { auditQuerySchema } from "@shared/audit";
import { loginRequestSchema } from "@shared/auth";
import { challengeFiltersSchema, promotionFilterSchema } from "@shared/challenge-filters";
import { createUserSchema, mentorAssignmentSchema, updateUserSchema, userIdParamsSchema } from "@shared/user";
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
  retractionSchema,
  scenarioPatchSchema,
} from "@shared/writes";
import type { z } from "zod";

export type Method = "get" | "post" | "put" | "patch" | "delete";

export interface Route {
  method: Method;
  path: string;
  /** Who may call it; the session, CSRF and role checks are derived from it (http/access.ts). */
  access: Access;
  /** Writes need the session's CSRF token, except login (there is no session yet). */
  csrf?: boolean;
  /** For challenge-scoped routes: how to find the challenge, for ownership and 404. */
  challenge?: ChallengeResolver;
  /** Validation, then the handler. */
  handlers: RequestHandler[];
}

/** Create under a challenge, patch and delete by id: the same three routes for each kind of item. */
function itemRoutes(deps: Deps, kind: ItemKind, plural: string, schemas: { create: z.ZodType; patch: z.ZodType }): Route[] {
  const byItemId: ChallengeResolver = (db, req) => {
    const id = Number(req.params.id);
    return Number.isInteger(id) && id > 0 ? challengeOfItem(db, kind, id) : undefined;
  };
  return [
    {
      method: "post",
      path: `/challenges/:slug/${plural}`,
      access: "challengeEditor",
      handlers: [validate({ body: schemas.create }), createItem(kind, deps)],
    },
    {
      method: "patch",
      path: `/${plural}/:id`,
      access: "challengeEditor",
      challenge: byItemId,
      handlers: [validate({ params: itemIdParamsSchema, body: schemas.patch }), patchItem(kind, deps)],
    },
    {
      method: "delete",
      path: `/${plural}/:id`,
      access: "challengeEditor",
      challenge: byItemId,
      handlers: [validate({ params: itemIdParamsSchema }), removeItem(kind, deps)],
    },
  ];
}

/** The API's index: every route, who may call it, and its chain. Mounted under /api. */
export function apiRoutes(deps: Deps): Route[] {
  return [
    { method: "get", path: "/health", access: "public", handlers: [health(deps)] },

    // Accounts and sessions
    {
      method: "post",
      path: "/auth/login",
      access: "public",
      csrf: false,
      handlers: [validate({ body: loginRequestSchema }), login(deps)],
    },
    { method: "get", path: "/auth/me", access: "signedIn", handlers: [me] },
    { method: "post", path: "/auth/logout", access: "signedIn", handlers: [logout(deps)] },

    // Catalogue and statistics: any signed-in account reads everything
    { method: "get", path: "/promotions", access: "signedIn", handlers: [getPromotions(deps)] },
    {
      method: "get",
      path: "/challenges",
      access: "signedIn",
      handlers: [validate({ query: challengeFiltersSchema }), knownPromotion(deps), getChallenges(deps)],
    },
    { method: "get", path: "/challenges/:slug", access: "signedIn", handlers: [getChallenge(deps)] },
    {
      method: "get",
      path: "/stats/cohorts",
      access: "signedIn",
      handlers: [validate({ query: promotionFilterSchema.strict() }), knownPromotion(deps), getCohortStats(deps)],
    },

    { method: "get", path: "/me/challenges", access: "signedIn", handlers: [getMyChallenges(deps)] },

    // Mentors' writes: admins, and the mentors assigned to the challenge
    {
      method: "post",
      path: "/challenges/:slug/status-updates",
      access: "challengeEditor",
      handlers: [validate({ body: newStatusUpdateSchema }), postStatusUpdate(deps)],
    },
    {
      method: "post",
      path: "/challenges/:slug/confirmations",
      access: "challengeEditor",
      handlers: [validate({ body: confirmationSchema }), postConfirmation(deps)],
    },
    {
      method: "post",
      path: "/status-updates/:id/retraction",
      access: "challengeEditor",
      challenge: statusUpdateChallenge,
      handlers: [validate({ params: itemIdParamsSchema, body: retractionSchema }), postRetraction(deps)],
    },
    {
      method: "put",
      path: "/challenges/:slug/outcome",
      access: "challengeEditor",
      handlers: [validate({ body: outcomeUpdateSchema }), putOutcome(deps)],
    },
    {
      method: "put",
      path: "/challenges/:slug/checklist/:item",
      access: "challengeEditor",
      handlers: [validate({ params: checklistItemParamsSchema, body: checklistItemUpdateSchema }), putChecklistItem(deps)],
    },
    ...itemRoutes(deps, "action", "actions", { create: newActionSchema, patch: actionPatchSchema }),
    ...itemRoutes(deps, "scenario", "scenarios", { create: newScenarioSchema, patch: scenarioPatchSchema }),
    ...itemRoutes(deps, "ally", "allies", { create: newAllySchema, patch: allyPatchSchema }),
    ...itemRoutes(deps, "resource", "resources", { create: newResourceSchema, patch: resourcePatchSchema }),

    // Administration
    { method: "get", path: "/users", access: "admin", handlers: [getUsers(deps)] },
    { method: "post", path: "/users", access: "admin", handlers: [validate({ body: createUserSchema }), createUser(deps)] },
    {
      method: "patch",
      path: "/users/:id",
      access: "admin",
      handlers: [validate({ params: userIdParamsSchema, body: updateUserSchema }), patchUser(deps)],
    },
    {
      method: "post",
      path: "/users/:id/password-reset",
      access: "admin",
      handlers: [validate({ params: userIdParamsSchema }), resetUserPassword(deps)],
    },
    {
      method: "put",
      path: "/challenges/:slug/mentors",
      access: "admin",
      challenge: challengeBySlug,
      handlers: [validate({ body: mentorAssignmentSchema }), putChallengeMentors(deps)],
    },
    { method: "get", path: "/audit", access: "admin", handlers: [validate({ query: auditQuerySchema }), getAudit(deps)] },
  ];
}
