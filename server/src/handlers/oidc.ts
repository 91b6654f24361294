import type { Request, Response } from "express";
import { homePathFor } from "@shared/auth";
import { parse as parseCookies } from "cookie";
import * as oidc from "openid-client";
import type { Config } from "../config";
import { providerConfiguration } from "../identity/oidc";
import { openSession, startPendingLogin } from "../identity/second-factor";
import { addMinutes, hashToken, newToken, OIDC_LOGIN_MINUTES } from "../identity/tokens";
import { recordAudit } from "../repositories/audit";
import { findOpenInvitationByEmail, insertOidcLogin, takeOidcLogin, totpState } from "../repositories/identity";
import { findOidcIdentity, findOidcIdentityOfUser, insertOidcIdentity } from "../repositories/oidc-identities";
import { findUser, findUserByEmail } from "../repositories/users";
import type { Db } from "../db/database";
import type { AuthUser } from "@shared/auth";
import type { AuthProviders } from "@shared/identity";
import { SIGN_IN_AUDIT } from "@shared/sign-in-audit";
import type { Ctx, Deps, Input } from "./context";
import { consumeInvitation } from "../domain/invitations";

const OIDC_COOKIE = "eig_oidc";

/** Why a ProConnect sign-in came back to /connexion: the page explains each (login messages). */
export type OidcFailure =
  | "indisponible"
  | "injoignable"
  | "session"
  | "refus"
  | "refus-fournisseur"
  | "compte-inconnu"
  | "adresse-non-verifiee"
  | "compte-deja-lie";

/** Why a ProConnect sign-in was refused: `after.reason` of `login.oidc_refused`, and the page's explanation. */
const REFUSALS = {
  /** No sign-in under way in this browser (no cookie, expired, or used already). */
  no_sign_in_under_way: "session",
  /** state, nonce, PKCE or ID token did not verify. */
  invalid_response: "refus",
  /** The provider answered with an error (the agent cancelled, or it could not authenticate them). */
  provider_error: "refus-fournisseur",
  /** Not linked yet, and the provider does not say the email is verified: no account is opened by it. */
  email_unverified: "adresse-non-verifiee",
  /** The account with that email is already linked to another identity of this provider. */
  linked_to_other_identity: "compte-deja-lie",
  /** No active account nor open invitation for that email. */
  unknown_account: "compte-inconnu",
  /** The linked account, or the account with that email, is deactivated (said like an unknown one). */
  inactive_account: "compte-inconnu",
} as const satisfies Record<string, OidcFailure>;
export type OidcRefusal = keyof typeof REFUSALS;

/** Where an admin goes when ProConnect did not prove two factors: the login page's step. */
const SECOND_STEP_PAGES = { totp: "/connexion?etape=code", enrolment: "/connexion?etape=enrolement" } as const;

const backToLogin = (res: Response, reason: OidcFailure) => res.redirect(302, `/connexion?proconnect=${reason}`);

const cookieOptions = (config: Config, req: Request) => ({
  httpOnly: true,
  // Lax: the cookie comes back on the provider's top-level redirect to the callback.
  sameSite: "lax" as const,
  secure: config.secureCookies || req.secure,
  path: "/api/auth/oidc",
});

export const getAuthProviders =
  ({ config, mailer }: Deps) =>
  () =>
    ({ proConnect: config.oidc !== undefined, emailEnabled: mailer.enabled }) satisfies AuthProviders;

/**
 * Leaves for the provider: authorization code flow with PKCE (S256), `state` and `nonce`,
 * all three kept server-side under a random id that only this browser's cookie holds.
 */
export const startOidcLogin =
  ({ db, config, logger }: Deps) =>
  async (_input: Input, { req, res }: Ctx) => {
    if (!config.oidc) return backToLogin(res, "indisponible");
    let configuration: oidc.Configuration;
    try {
      configuration = await providerConfiguration(config.oidc, logger);
    } catch {
      return backToLogin(res, "injoignable");
    }
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const id = newToken();
    const now = new Date();
    insertOidcLogin(db, { id: hashToken(id), state, nonce, codeVerifier, now: now.toISOString(), expiresAt: addMinutes(now, OIDC_LOGIN_MINUTES) });
    res.cookie(OIDC_COOKIE, id, { ...cookieOptions(config, req), maxAge: OIDC_LOGIN_MINUTES * 60_000 });
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: config.oidc.redirectUri,
      scope: config.oidc.scopes,
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: "S256",
      state,
      nonce,
      // ProConnect returns `amr` (how the agent authenticated) only when asked for it this way.
      // The multi-factor `acr` is asked for but not essential: agents without two factors at
      // their provider still sign in (an admin among them then gives the local TOTP code).
      claims: JSON.stringify({ id_token: { amr: { essential: true }, acr: { essential: false, values: config.oidc.mfaAcrValues } } }),
    });
    res.redirect(302, url.href);
  };

const text = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? value.trim() : undefined);

/**
 * The email and whether the provider says it is verified, from the ID token or else from
 * userinfo (where ProConnect puts it). Only `email_verified === true` counts, and only when
 * it comes with that same email; or, if the deployment trusts the federation
 * (`trustUnassertedEmails`), an email about which neither source says anything.
 */
async function verifiedEmail(
  configuration: oidc.Configuration,
  claims: oidc.IDToken,
  accessToken: string | undefined,
  trustUnassertedEmails: boolean,
  logger: Deps["logger"],
): Promise<{ email: string | undefined; verified: boolean }> {
  const fromToken = text(claims.email);
  if (fromToken && claims.email_verified === true) return { email: fromToken.toLowerCase(), verified: true };
  let info: oidc.UserInfoResponse | undefined;
  if (accessToken) {
    try {
      // openid-client checks that userinfo speaks of the ID token's `sub`.
      info = await oidc.fetchUserInfo(configuration, accessToken, claims.sub);
    } catch (error) {
      logger?.warn({ err: error }, "ProConnect : informations de l'utilisateur indisponibles.");
    }
  }
  const fromInfo = text(info?.email);
  const email = (fromToken ?? fromInfo)?.toLowerCase();
  const asserted = fromInfo?.toLowerCase() === email && info?.email_verified === true;
  const unasserted = claims.email_verified === undefined && info?.email_verified === undefined;
  return { email, verified: email !== undefined && (asserted || (trustUnassertedEmails && unasserted)) };
}

type Resolution = { user: AuthUser; linked?: "account" | "invitation" } | { refused: OidcRefusal };

/**
 * The account a ProConnect identity opens. A linked identity (issuer + `sub`) opens its
 * account whatever the email says now. An identity not linked yet is linked on its first
 * sign-in, only with a verified email, to the active account of that email (if no other
 * identity of this issuer holds it) or to the open invitation of that email (consumed).
 * Called inside the callback's transaction.
 */
function resolveAccount(db: Db, issuer: string, subject: string, email: string | undefined, verified: boolean, ip: string | undefined): Resolution {
  const now = new Date().toISOString();
  const link = findOidcIdentity(db, issuer, subject);
  if (link) {
    const linked = findUser(db, link.userId);
    if (!linked?.isActive) return { refused: "inactive_account" };
    return { user: { id: linked.id, email: linked.email, name: linked.name, role: linked.role } };
  }
  if (!email) return { refused: "unknown_account" };
  if (!verified) return { refused: "email_unverified" };
  const existing = findUserByEmail(db, email);
  let user: AuthUser;
  let linked: "account" | "invitation";
  if (existing) {
    if (!existing.isActive) return { refused: "inactive_account" };
    if (findOidcIdentityOfUser(db, issuer, existing.id)) return { refused: "linked_to_other_identity" };
    user = { id: existing.id, email: existing.email, name: existing.name, role: existing.role };
    linked = "account";
  } else {
    const invitation = findOpenInvitationByEmail(db, email, now);
    if (!invitation || invitation.expired) return { refused: "unknown_account" };
    user = consumeInvitation(db, invitation, null, "oidc", ip);
    linked = "invitation";
  }
  insertOidcIdentity(db, { issuer, subject, userId: user.id, linkedAt: now });
  recordAudit(db, { actor: user, action: "login.oidc_linked", targetType: "user", targetId: user.id, ip, after: { issuer, subject, via: linked } });
  return { user, linked };
}

/**
 * Back from the provider. openid-client checks the state, the PKCE verifier, the ID token's
 * signature, issuer, audience, expiry and nonce. Then the identity must be linked to an
 * account, or be linkable (see resolveAccount). Mentors and evaluators get their session;
 * an admin gets one only if the provider proved two factors (an `acr` asked for), else the
 * local TOTP code (or its enrolment) is due first, like after a password.
 */
export const finishOidcLogin =
  ({ db, config, logger }: Deps) =>
  async (_input: Input, { req, res }: Ctx) => {
    const refuse = (reason: OidcRefusal, after: Record<string, unknown> = {}, actorEmail?: string) => {
      db.transaction(() =>
        recordAudit(db, { actor: null, actorEmail, action: "login.oidc_refused", targetType: "user", ip: req.ip, after: { ...after, reason } }),
      );
      return backToLogin(res, REFUSALS[reason]);
    };
    const cookie = req.headers.cookie ? parseCookies(req.headers.cookie)[OIDC_COOKIE] : undefined;
    res.clearCookie(OIDC_COOKIE, cookieOptions(config, req));
    if (!config.oidc) return backToLogin(res, "indisponible");
    const started = cookie ? takeOidcLogin(db, hashToken(cookie), new Date().toISOString()) : undefined;
    if (!started) return refuse("no_sign_in_under_way");

    let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
    let configuration: oidc.Configuration;
    try {
      configuration = await providerConfiguration(config.oidc, logger);
      const currentUrl = new URL(config.oidc.redirectUri);
      currentUrl.search = new URL(req.originalUrl, "http://callback.invalid").search;
      tokens = await oidc.authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: started.codeVerifier,
        expectedState: started.state,
        expectedNonce: started.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      if (error instanceof oidc.AuthorizationResponseError) {
        logger?.warn({ error: error.error }, "ProConnect : le fournisseur a refusé l'authentification.");
        return refuse("provider_error", { error: error.error });
      }
      logger?.warn({ err: error }, "ProConnect : retour refusé (state, nonce, jeton ou code invalide).");
      return refuse("invalid_response");
    }
    const claims = tokens.claims()!;
    const { email, verified } = await verifiedEmail(configuration, claims, tokens.access_token, config.oidc.trustUnassertedEmails, logger);
    const acr = text(claims.acr) ?? null;
    const details = { idToken: tokens.id_token!, acr, amr: Array.isArray(claims.amr) ? JSON.stringify(claims.amr) : null };
    const said = { issuer: claims.iss, acr, amr: claims.amr ?? null };

    const outcome = db.transaction((): { refused: OidcRefusal } | { location: string } => {
      const resolved = resolveAccount(db, claims.iss, claims.sub, email, verified, req.ip);
      if ("refused" in resolved) {
        recordAudit(db, {
          actor: null,
          actorEmail: email ?? `sub:${claims.sub}`,
          action: "login.oidc_refused",
          targetType: "user",
          ip: req.ip,
          after: { ...said, emailVerified: verified, reason: resolved.refused },
        });
        return resolved;
      }
      const { user } = resolved;
      if (user.role !== "admin") {
        openSession(db, config, req, res, user, { method: "proconnect", details: said, oidc: details });
        return { location: homePathFor(user.role) };
      }
      if (acr !== null && config.oidc!.mfaAcrValues.includes(acr)) {
        openSession(db, config, req, res, user, { method: "proconnect+mfa", details: said, oidc: details });
        return { location: homePathFor(user.role) };
      }
      // One factor proved for an admin: no session, the local code (or its enrolment) first.
      const purpose = totpState(db, user.id).enabledAt ? "totp" : "enrolment";
      startPendingLogin(db, config, req, res, user.id, purpose, { kind: "proconnect", ...details });
      recordAudit(db, {
        actor: user,
        action: SIGN_IN_AUDIT.oidcAccepted,
        targetType: "user",
        targetId: user.id,
        ip: req.ip,
        after: { ...said, next: purpose === "totp" ? "totp" : "totp-enrolment" },
      });
      return { location: SECOND_STEP_PAGES[purpose] };
    });
    if ("refused" in outcome) return backToLogin(res, REFUSALS[outcome.refused]);
    res.redirect(302, outcome.location);
  };
