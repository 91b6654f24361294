import { emptyBody, route, json, type Route } from "./route";
import type { Deps } from "../handlers/context";
import { login, logout, me } from "../handlers/auth";
import { loginRequestSchema, sessionResponseSchema } from "@shared/auth";
import { finishOidcLogin, getAuthProviders, startOidcLogin } from "../handlers/oidc";
import { checkPasswordReset, completePasswordReset, requestPasswordReset } from "../handlers/password-reset";
import { confirmLoginEnrolment, loginWithCode, startLoginEnrolment } from "../handlers/second-factor";
import {
  authProvidersSchema,
  codeRequestSchema,
  enrolledSessionSchema,
  newPasswordSchema,
  passwordResetPreviewSchema,
  passwordResetRequestSchema,
  passwordResetRequestedSchema,
  tokenRequestSchema,
  totpEnrolmentSchema,
} from "@shared/identity";

/** Sessions: password login, the session's account, logout. */
export function sessionRoutes(deps: Deps): Route[] {
  return [
    route({
      method: "post",
      path: "/auth/login",
      summary: "Ouvre une session ; renvoie le compte et le jeton anti-CSRF (202 {next} : code TOTP ou enrôlement dû d'abord, sans session).",
      access: "public",
      csrf: false,
      input: { body: loginRequestSchema },
      response: json(200, sessionResponseSchema),
      handle: login(deps),
    }),
    route({
      method: "get",
      path: "/auth/me",
      summary: "Le compte de la session et son jeton anti-CSRF.",
      access: "signedIn",
      response: json(200, sessionResponseSchema),
      handle: me,
    }),
    route({
      method: "post",
      path: "/auth/logout",
      summary:
        "Ferme la session (aussi sur le serveur) ; une session ProConnect répond 200 {endSessionUrl}, où aller pour la fermer chez le fournisseur.",
      access: "signedIn",
      response: json(204),
      handle: logout(deps),
    }),
  ];
}

/** The other ways in: ProConnect, the second step of a password login, password reset by emailed link. */
export function signInRoutes(deps: Deps): Route[] {
  return [
    // ProConnect (OpenID Connect): browser navigations, answered with redirects
    route({
      method: "get",
      path: "/auth/providers",
      summary: "Les moyens de connexion proposés (ProConnect s'il est configuré).",
      access: "public",
      response: json(200, authProvidersSchema),
      handle: getAuthProviders(deps),
    }),
    route({
      method: "get",
      path: "/auth/oidc/login",
      summary: "Part vers ProConnect (code d'autorisation avec PKCE, state et nonce) ; 302.",
      access: "public",
      response: json(302),
      handle: startOidcLogin(deps),
    }),
    route({
      method: "get",
      path: "/auth/oidc/callback",
      summary:
        "Retour de ProConnect : vérifie state, nonce et jeton ; trouve le compte par l'identité reliée (émetteur + sub), ou la relie à la première connexion d'un compte ou d'une invitation dont l'adresse est vérifiée ; un administrateur sans acr à double facteur passe par le code TOTP (/connexion?etape=code) ; 302.",
      access: "public",
      response: json(302),
      handle: finishOidcLogin(deps),
    }),

    // Second step of a password login (no session yet: the pending-login cookie)
    route({
      method: "post",
      path: "/auth/login/totp",
      summary: "Deuxième étape de connexion : code à 6 chiffres (TOTP) ou code de secours ; ouvre la session.",
      access: "public",
      csrf: false,
      input: { body: codeRequestSchema },
      response: json(200, sessionResponseSchema),
      handle: loginWithCode(deps),
    }),
    route({
      method: "post",
      path: "/auth/login/totp-enrolment",
      summary: "Administrateur sans double authentification : la clé TOTP à enregistrer (base32 et URI otpauth).",
      access: "public",
      csrf: false,
      input: { body: emptyBody },
      response: json(200, totpEnrolmentSchema),
      handle: startLoginEnrolment(deps),
    }),
    route({
      method: "post",
      path: "/auth/login/totp-enrolment/confirm",
      summary: "Confirme la clé par un premier code ; ouvre la session et renvoie 10 codes de secours, affichés une fois.",
      access: "public",
      csrf: false,
      input: { body: codeRequestSchema },
      response: json(200, enrolledSessionSchema),
      handle: confirmLoginEnrolment(deps),
    }),

    // Password reset by emailed link
    route({
      method: "post",
      path: "/auth/password-reset/request",
      summary: "« Mot de passe oublié ? » : envoie un lien s'il existe un compte ; la réponse est la même dans tous les cas (202).",
      access: "public",
      csrf: false,
      input: { body: passwordResetRequestSchema },
      response: json(202, passwordResetRequestedSchema),
      handle: requestPasswordReset(deps),
    }),
    route({
      method: "post",
      path: "/auth/password-reset/check",
      summary: "Dit si un lien de réinitialisation est utilisable (404 inconnu, 410 utilisé ou expiré).",
      access: "public",
      csrf: false,
      input: { body: tokenRequestSchema },
      response: json(200, passwordResetPreviewSchema),
      handle: checkPasswordReset(deps),
    }),
    route({
      method: "post",
      path: "/auth/password-reset",
      summary: "Choisit un nouveau mot de passe avec le lien (une seule fois) ; ferme toutes les sessions du compte.",
      access: "public",
      csrf: false,
      input: { body: newPasswordSchema },
      response: json(204),
      handle: completePasswordReset(deps),
    }),
  ];
}
