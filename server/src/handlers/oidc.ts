import type { Request, RequestHandler, Response } from "express";
import { parse as parseCookies } from "cookie";
import * as oidc from "openid-client";
import type { Config } from "../config";
import { providerConfiguration } from "../identity/oidc";
import { openSession } from "../identity/second-factor";
import { addMinutes, hashToken, newToken, OIDC_LOGIN_MINUTES } from "../identity/tokens";
import { recordAudit } from "../repositories/audit";
import { findOpenInvitationByEmail, insertOidcLogin, takeOidcLogin } from "../repositories/identity";
import { findUserByEmail } from "../repositories/users";
import type { AuthProviders } from "@shared/identity";
import type { Deps } from "./context";
import { consumeInvitation } from "./invitations";

export const OIDC_COOKIE = "eig_oidc";

/** Why a ProConnect sign-in came back to /connexion: the page explains each (login messages). */
export type OidcFailure = "indisponible" | "injoignable" | "session" | "refus" | "compte-inconnu";

const backToLogin = (res: Response, reason: OidcFailure) => res.redirect(302, `/connexion?proconnect=${reason}`);

const cookieOptions = (config: Config, req: Request) => ({
  httpOnly: true,
  // Lax: the cookie comes back on the provider's top-level redirect to the callback.
  sameSite: "lax" as const,
  secure: config.secureCookies || req.secure,
  path: "/api/auth/oidc",
});

export const getAuthProviders =
  ({ config, mailer }: Deps): RequestHandler =>
  (_req, res) =>
    void res.json({ proConnect: config.oidc !== undefined, emailEnabled: mailer.enabled } satisfies AuthProviders);

/**
 * Leaves for the provider: authorization code flow with PKCE (S256), `state` and `nonce`,
 * all three kept server-side under a random id that only this browser's cookie holds.
 */
export const startOidcLogin =
  ({ db, config, logger }: Deps): RequestHandler =>
  async (req, res) => {
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
      claims: JSON.stringify({ id_token: { amr: { essential: true }, acr: { essential: false } } }),
    });
    res.redirect(302, url.href);
  };

const text = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? value.trim() : undefined);

/**
 * Back from the provider. openid-client checks the state, the PKCE verifier, the ID token's
 * signature, issuer, audience, expiry and nonce. Then the email must belong to an active
 * account, or to an open invitation (consumed: the account is created without a password).
 */
export const finishOidcLogin =
  ({ db, config, logger }: Deps): RequestHandler =>
  async (req, res) => {
    const cookie = req.headers.cookie ? parseCookies(req.headers.cookie)[OIDC_COOKIE] : undefined;
    res.clearCookie(OIDC_COOKIE, cookieOptions(config, req));
    if (!config.oidc) return backToLogin(res, "indisponible");
    const started = cookie ? takeOidcLogin(db, hashToken(cookie), new Date().toISOString()) : undefined;
    if (!started) return backToLogin(res, "session");

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
      logger?.warn({ err: error }, "ProConnect : retour refusé (state, nonce, jeton ou code invalide).");
      db.transaction(() => recordAudit(db, { actor: null, action: "login.oidc_refused", targetType: "user", ip: req.ip, after: { reason: "invalid_response" } }));
      return backToLogin(res, "refus");
    }
    const claims = tokens.claims()!;
    let email = text(claims.email);
    if (!email && tokens.access_token) {
      try {
        email = text((await oidc.fetchUserInfo(configuration, tokens.access_token, claims.sub)).email);
      } catch (error) {
        logger?.warn({ err: error }, "ProConnect : informations de l'utilisateur indisponibles.");
      }
    }
    email = email?.toLowerCase();
    const details = {
      idToken: tokens.id_token!,
      acr: text(claims.acr) ?? null,
      amr: Array.isArray(claims.amr) ? JSON.stringify(claims.amr) : null,
    };
    const outcome = db.transaction(() => {
      const now = new Date().toISOString();
      const existing = email ? findUserByEmail(db, email) : undefined;
      let user = existing?.isActive ? { id: existing.id, email: existing.email, name: existing.name, role: existing.role } : undefined;
      if (!existing && email) {
        const invitation = findOpenInvitationByEmail(db, email, now);
        if (invitation && !invitation.expired) user = consumeInvitation(db, invitation, null, "oidc", req.ip);
      }
      const said = { issuer: claims.iss, acr: details.acr, amr: claims.amr ?? null };
      if (!user) {
        recordAudit(db, {
          actor: null,
          actorEmail: email ?? `sub:${claims.sub}`,
          action: "login.oidc_refused",
          targetType: "user",
          ip: req.ip,
          after: { ...said, reason: "unknown_account" },
        });
        return undefined;
      }
      openSession(db, config, req, res, user, { method: "proconnect", details: said, oidc: details });
      return user;
    });
    if (!outcome) return backToLogin(res, "compte-inconnu");
    res.redirect(302, "/");
  };
