import { route, json, type Route } from "./route";
import { z } from "zod";
import type { Deps } from "../handlers/context";
import { getAudit } from "../handlers/audit";
import { challengeBySlug } from "../http/access";
import { createUser, getUsers, patchUser, putChallengeMentors } from "../handlers/users";
import { sendPasswordReset } from "../handlers/password-reset";
import { linkDeliverySchema } from "@shared/identity";
import { auditPageSchema, auditQuerySchema } from "@shared/audit";
import {
  challengeMentorsSchema,
  createUserSchema,
  userCreatedSchema,
  mentorAssignmentSchema,
  updateUserSchema,
  userIdParamsSchema,
  userSchema,
} from "@shared/user";

/** Administration: accounts, mentors of a challenge, the audit log. */
export function adminRoutes(deps: Deps): Route[] {
  return [
    route({
      method: "get",
      path: "/users",
      summary: "Les comptes, avec les défis de chaque mentor.",
      access: "admin",
      response: json(200, z.array(userSchema)),
      handle: getUsers(deps),
    }),
    route({
      method: "post",
      path: "/users",
      summary: "Crée un compte (mot de passe de 12 caractères au moins ; 409 si l'adresse existe).",
      access: "admin",
      idempotent: true,
      input: { body: createUserSchema },
      response: json(201, userCreatedSchema),
      handle: createUser(deps),
    }),
    route({
      method: "patch",
      path: "/users/:id",
      summary: "Renomme, change le rôle, désactive ou réactive un compte.",
      access: "admin",
      input: { params: userIdParamsSchema, body: updateUserSchema },
      response: json(200, userSchema),
      handle: patchUser(deps),
    }),
    route({
      method: "post",
      path: "/users/:id/password-reset",
      summary: "Envoie au compte un lien de réinitialisation du mot de passe (sans SMTP : le lien, affiché une fois).",
      access: "admin",
      input: { params: userIdParamsSchema },
      response: json(200, linkDeliverySchema),
      handle: sendPasswordReset(deps),
    }),
    route({
      method: "put",
      path: "/challenges/:slug/mentors",
      summary: "Remplace les mentors attribués au défi.",
      access: "admin",
      challenge: challengeBySlug,
      input: { body: mentorAssignmentSchema },
      response: json(200, challengeMentorsSchema),
      handle: putChallengeMentors(deps),
    }),
    route({
      method: "get",
      path: "/audit",
      summary: "Le journal d'audit, du plus récent au plus ancien, filtrable et paginé.",
      access: "admin",
      input: { query: auditQuerySchema },
      response: json(200, auditPageSchema),
      handle: getAudit(deps),
    }),
  ];
}
