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
import { auditQuerySchema } from "@shared/audit";
import { loginRequestSchema } from "@shared/auth";
import { challengeFiltersSchema, promotionFilterSchema } from "@shared/challenge-filters";
import { createUserSchema, mentorAssignmentSchema, updateUserSchema, userIdParamsSchema } from "@shared/user";

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
