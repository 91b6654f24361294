import { emptyBody, route, json, type Route } from "./route";
import { z } from "zod";
import type { Deps } from "../handlers/context";
import { sessionResponseSchema } from "@shared/auth";
import { acceptInvitation, checkInvitation, deleteInvitation, getInvitations, postInvitation, resendInvitation } from "../handlers/invitations";
import {
  acceptInvitationSchema,
  createInvitationSchema,
  invitationCreatedSchema,
  invitationIdParamsSchema,
  invitationPreviewSchema,
  invitationSchema,
  tokenRequestSchema,
} from "@shared/identity";

/** Invitations: the admin invites, the invitee accepts with the emailed link. */
export function invitationRoutes(deps: Deps): Route[] {
  return [
    route({
      method: "get",
      path: "/invitations",
      summary: "Les invitations en attente.",
      access: "admin",
      response: json(200, z.array(invitationSchema)),
      handle: getInvitations(deps),
    }),
    route({
      method: "post",
      path: "/invitations",
      summary: "Invite une personne (adresse, nom, rôle, défis d'un mentor) : lien à usage unique envoyé par courriel, valable 7 jours.",
      access: "admin",
      idempotent: true,
      input: { body: createInvitationSchema },
      response: json(201, invitationCreatedSchema),
      handle: postInvitation(deps),
    }),
    route({
      method: "post",
      path: "/invitations/:id/resend",
      summary: "Renvoie l'invitation avec un nouveau lien (l'ancien ne fonctionne plus).",
      access: "admin",
      input: { params: invitationIdParamsSchema, body: emptyBody },
      response: json(200, invitationCreatedSchema),
      handle: resendInvitation(deps),
    }),
    route({
      method: "delete",
      path: "/invitations/:id",
      summary: "Annule une invitation en attente (son lien ne fonctionne plus).",
      access: "admin",
      input: { params: invitationIdParamsSchema },
      response: json(204),
      handle: deleteInvitation(deps),
    }),
    route({
      method: "post",
      path: "/invitations/check",
      summary: "Dit si un lien d'invitation est utilisable, et pour qui (404 inconnu, 410 utilisé, expiré ou annulé).",
      access: "public",
      csrf: false,
      input: { body: tokenRequestSchema },
      response: json(200, invitationPreviewSchema),
      handle: checkInvitation(deps),
    }),
    route({
      method: "post",
      path: "/invitations/accept",
      summary:
        "Accepte l'invitation en choisissant son mot de passe : crée le compte et ouvre la session (202 : double authentification d'abord).",
      access: "public",
      csrf: false,
      input: { body: acceptInvitationSchema },
      response: json(200, sessionResponseSchema),
      handle: acceptInvitation(deps),
    }),
  ];
}
