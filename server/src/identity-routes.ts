import { z } from "zod";
import type { Deps } from "./handlers/context";
import type { Route } from "./routes";
import { acceptInvitation, checkInvitation, deleteInvitation, getInvitations, postInvitation, resendInvitation } from "./handlers/invitations";
import { finishOidcLogin, getAuthProviders, startOidcLogin } from "./handlers/oidc";
import { checkPasswordReset, completePasswordReset, requestPasswordReset } from "./handlers/password-reset";
import {
  confirmAccountEnrolment,
  confirmLoginEnrolment,
  disableAccountTotp,
  getAccount,
  loginWithCode,
  startAccountEnrolment,
  startLoginEnrolment,
} from "./handlers/second-factor";
import { sessionResponseSchema } from "@shared/auth";
import {
  acceptInvitationSchema,
  accountEnrolmentRequestSchema,
  accountSchema,
  authProvidersSchema,
  codeRequestSchema,
  createInvitationSchema,
  enrolledSessionSchema,
  invitationCreatedSchema,
  invitationIdParamsSchema,
  invitationPreviewSchema,
  invitationSchema,
  newPasswordSchema,
  passwordResetPreviewSchema,
  passwordResetRequestSchema,
  recoveryCodesSchema,
  tokenRequestSchema,
  totpEnrolmentSchema,
} from "@shared/identity";

const json = (status: number, schema?: z.ZodType) => ({ status, schema });
const empty = z.strictObject({});

/** The routes of issue 10, kept apart from routes.ts (which lists them with the others). */
export function identityRoutes(deps: Deps): Route[] {
  return [
    // ProConnect (OpenID Connect): browser navigations, answered with redirects
    {
      method: "get",
      path: "/auth/providers",
      summary: "Les moyens de connexion proposés (ProConnect s'il est configuré).",
      access: "public",
      response: json(200, authProvidersSchema),
      handlers: [getAuthProviders(deps)],
    },
    {
      method: "get",
      path: "/auth/oidc/login",
      summary: "Part vers ProConnect (code d'autorisation avec PKCE, state et nonce) ; 302.",
      access: "public",
      response: json(302),
      handlers: [startOidcLogin(deps)],
    },
    {
      method: "get",
      path: "/auth/oidc/callback",
      summary:
        "Retour de ProConnect : vérifie state, nonce et jeton ; trouve le compte par l'identité reliée (émetteur + sub), ou la relie à la première connexion d'un compte ou d'une invitation dont l'adresse est vérifiée ; un administrateur sans acr à double facteur passe par le code TOTP (/connexion?etape=code) ; 302.",
      access: "public",
      response: json(302),
      handlers: [finishOidcLogin(deps)],
    },

    // Second step of a password login (no session yet: the pending-login cookie)
    {
      method: "post",
      path: "/auth/login/totp",
      summary: "Deuxième étape de connexion : code à 6 chiffres (TOTP) ou code de secours ; ouvre la session.",
      access: "public",
      csrf: false,
      input: { body: codeRequestSchema },
      response: json(200, sessionResponseSchema),
      handlers: [loginWithCode(deps)],
    },
    {
      method: "post",
      path: "/auth/login/totp-enrolment",
      summary: "Administrateur sans double authentification : la clé TOTP à enregistrer (base32 et URI otpauth).",
      access: "public",
      csrf: false,
      input: { body: empty },
      response: json(200, totpEnrolmentSchema),
      handlers: [startLoginEnrolment(deps)],
    },
    {
      method: "post",
      path: "/auth/login/totp-enrolment/confirm",
      summary: "Confirme la clé par un premier code ; ouvre la session et renvoie 10 codes de secours, affichés une fois.",
      access: "public",
      csrf: false,
      input: { body: codeRequestSchema },
      response: json(200, enrolledSessionSchema),
      handlers: [confirmLoginEnrolment(deps)],
    },

    // Password reset by emailed link
    {
      method: "post",
      path: "/auth/password-reset/request",
      summary: "« Mot de passe oublié ? » : envoie un lien s'il existe un compte ; la réponse est la même dans tous les cas (202).",
      access: "public",
      csrf: false,
      input: { body: passwordResetRequestSchema },
      response: json(202),
      handlers: [requestPasswordReset(deps)],
    },
    {
      method: "post",
      path: "/auth/password-reset/check",
      summary: "Dit si un lien de réinitialisation est utilisable (404 inconnu, 410 utilisé ou expiré).",
      access: "public",
      csrf: false,
      input: { body: tokenRequestSchema },
      response: json(200, passwordResetPreviewSchema),
      handlers: [checkPasswordReset(deps)],
    },
    {
      method: "post",
      path: "/auth/password-reset",
      summary: "Choisit un nouveau mot de passe avec le lien (une seule fois) ; ferme toutes les sessions du compte.",
      access: "public",
      csrf: false,
      input: { body: newPasswordSchema },
      response: json(204),
      handlers: [completePasswordReset(deps)],
    },

    // Invitations: the admin invites, the invitee accepts with the emailed link
    {
      method: "get",
      path: "/invitations",
      summary: "Les invitations en attente.",
      access: "admin",
      response: json(200, z.array(invitationSchema)),
      handlers: [getInvitations(deps)],
    },
    {
      method: "post",
      path: "/invitations",
      summary: "Invite une personne (adresse, nom, rôle, défis d'un mentor) : lien à usage unique envoyé par courriel, valable 7 jours.",
      access: "admin",
      idempotent: true,
      input: { body: createInvitationSchema },
      response: json(201, invitationCreatedSchema),
      handlers: [postInvitation(deps)],
    },
    {
      method: "post",
      path: "/invitations/:id/resend",
      summary: "Renvoie l'invitation avec un nouveau lien (l'ancien ne fonctionne plus).",
      access: "admin",
      input: { params: invitationIdParamsSchema, body: empty },
      response: json(200, invitationCreatedSchema),
      handlers: [resendInvitation(deps)],
    },
    {
      method: "delete",
      path: "/invitations/:id",
      summary: "Annule une invitation en attente (son lien ne fonctionne plus).",
      access: "admin",
      input: { params: invitationIdParamsSchema },
      response: json(204),
      handlers: [deleteInvitation(deps)],
    },
    {
      method: "post",
      path: "/invitations/check",
      summary: "Dit si un lien d'invitation est utilisable, et pour qui (404 inconnu, 410 utilisé, expiré ou annulé).",
      access: "public",
      csrf: false,
      input: { body: tokenRequestSchema },
      response: json(200, invitationPreviewSchema),
      handlers: [checkInvitation(deps)],
    },
    {
      method: "post",
      path: "/invitations/accept",
      summary: "Accepte l'invitation en choisissant son mot de passe : crée le compte et ouvre la session (202 : double authentification d'abord).",
      access: "public",
      csrf: false,
      input: { body: acceptInvitationSchema },
      response: json(200, sessionResponseSchema),
      handlers: [acceptInvitation(deps)],
    },

    // "Mon compte": the signed-in account's own two-factor authentication
    {
      method: "get",
      path: "/account",
      summary: "Mon compte : double authentification, codes de secours restants, mode de connexion.",
      access: "signedIn",
      response: json(200, accountSchema),
      handlers: [getAccount(deps)],
    },
    {
      method: "post",
      path: "/account/totp",
      summary:
        "Commence l'activation de la double authentification : la clé TOTP à enregistrer. Déjà activée : la remplace, code actuel ou code de secours exigé (400 sans code ou code faux).",
      access: "signedIn",
      input: { body: accountEnrolmentRequestSchema },
      response: json(200, totpEnrolmentSchema),
      handlers: [startAccountEnrolment(deps)],
    },
    {
      method: "post",
      path: "/account/totp/confirm",
      summary:
        "Active la double authentification avec un premier code ; renvoie 10 codes de secours, affichés une fois. Un remplacement ferme les autres sessions du compte.",
      access: "signedIn",
      input: { body: codeRequestSchema },
      response: json(200, recoveryCodesSchema),
      handlers: [confirmAccountEnrolment(deps)],
    },
    {
      method: "post",
      path: "/account/totp/disable",
      summary: "Désactive la double authentification (code actuel ou code de secours exigé).",
      access: "signedIn",
      input: { body: codeRequestSchema },
      response: json(204),
      handlers: [disableAccountTotp(deps)],
    },
  ];
}
