// The permission rules and sample requests of the identity routes (invitations, password reset, TOTP, ProConnect), for tests/api/permissions.test.ts
// (kept here so that the matrix file only gains two lines).
import type { Access } from "../../server/src/http/access";
import { hashToken, newToken } from "../../server/src/identity/tokens";
import {
  enableTotp,
  insertInvitation,
  insertPasswordReset,
  insertPendingLogin,
  setPendingEnrolSecret,
  setPendingTotpSecret,
} from "../../server/src/repositories/identity";
import { newTotpSecret } from "../../server/src/identity/totp";
import type { TestServer } from "./test-server";
import type { createAccount as CreateAccount } from "./session-client";

export const identityRules: Record<string, Access> = {
  "get /auth/providers": "public",
  "get /auth/oidc/login": "public",
  "get /auth/oidc/callback": "public",
  "post /auth/login/totp": "public",
  "post /auth/login/totp-enrolment": "public",
  "post /auth/login/totp-enrolment/confirm": "public",
  "post /auth/password-reset/request": "public",
  "post /auth/password-reset/check": "public",
  "post /auth/password-reset": "public",
  "get /invitations": "admin",
  "post /invitations": "admin",
  "post /invitations/:id/resend": "admin",
  "delete /invitations/:id": "admin",
  "post /invitations/check": "public",
  "post /invitations/accept": "public",
  "get /account": "signedIn",
  "post /account/totp": "signedIn",
  "post /account/totp/confirm": "signedIn",
  "post /account/totp/disable": "signedIn",
};

interface Context {
  server: TestServer;
  adminId: number;
  createAccount: typeof CreateAccount;
  nextSecondFactorCode: (email: string) => Promise<string>;
  totpCodeNow: (secret: string) => string;
}

const later = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
const uniqueEmail = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2)}@test.gouv.fr`;

export function identitySamples(context: () => Context) {
  /** A password step done for a new account: the pending-login cookie to send. */
  async function pending(purpose: "totp" | "enrolment") {
    const { server, createAccount } = context();
    const account = await createAccount(server.db, "admin", { totp: purpose === "totp" });
    const token = newToken();
    insertPendingLogin(server.db, { id: hashToken(token), userId: account.id, purpose, now: new Date().toISOString(), expiresAt: later(10) });
    return { account, token, headers: { Cookie: `eig_pending=${token}` } };
  }
  function invitation() {
    const { server, adminId } = context();
    const token = newToken();
    const id = insertInvitation(server.db, {
      email: uniqueEmail("invite"),
      name: "Invitée",
      role: "evaluator",
      challenges: [],
      tokenHash: hashToken(token),
      invitedBy: adminId,
      now: new Date().toISOString(),
      expiresAt: later(60),
    });
    return { id, token };
  }
  async function reset() {
    const { server, createAccount } = context();
    const account = await createAccount(server.db, "evaluator");
    const token = newToken();
    insertPasswordReset(server.db, { userId: account.id, tokenHash: hashToken(token), now: new Date().toISOString(), expiresAt: later(60) });
    return token;
  }
  /** Every account gets the same TOTP secret (pending or enabled), whoever the caller is. */
  function sharedSecret(column: "pending" | "enabled") {
    const { server } = context();
    const secret = newTotpSecret();
    // Through the repository: each account's copy is encrypted for its own row.
    for (const { id } of server.db.all<{ id: number }>("SELECT id FROM users")) {
      if (column === "pending") setPendingTotpSecret(server.db, id, secret);
      else enableTotp(server.db, id, secret, 0, "2024-01-01T00:00:00.000Z");
    }
    return context().totpCodeNow(secret);
  }

  return {
    "get /auth/providers": () => ({ path: "/api/auth/providers" }),
    "get /auth/oidc/login": () => ({ path: "/api/auth/oidc/login", expect: 302 }),
    "get /auth/oidc/callback": () => ({ path: "/api/auth/oidc/callback?code=x&state=y", expect: 302 }),
    "post /auth/login/totp": async () => {
      const { account, headers } = await pending("totp");
      return { path: "/api/auth/login/totp", body: { code: await context().nextSecondFactorCode(account.email) }, headers };
    },
    "post /auth/login/totp-enrolment": async () => ({ path: "/api/auth/login/totp-enrolment", body: {}, headers: (await pending("enrolment")).headers }),
    "post /auth/login/totp-enrolment/confirm": async () => {
      const { token, headers } = await pending("enrolment");
      const secret = newTotpSecret();
      setPendingEnrolSecret(context().server.db, hashToken(token), secret);
      return { path: "/api/auth/login/totp-enrolment/confirm", body: { code: context().totpCodeNow(secret) }, headers };
    },
    "post /auth/password-reset/request": () => ({ path: "/api/auth/password-reset/request", body: { email: uniqueEmail("oubli") } }),
    "post /auth/password-reset/check": async () => ({ path: "/api/auth/password-reset/check", body: { token: await reset() } }),
    "post /auth/password-reset": async () => ({ path: "/api/auth/password-reset", body: { token: await reset(), password: "une phrase de passe neuve" } }),
    "get /invitations": () => ({ path: "/api/invitations" }),
    "post /invitations": () => ({ path: "/api/invitations", body: { email: uniqueEmail("nouvelle"), name: "Nouvelle", role: "mentor" } }),
    "post /invitations/:id/resend": () => ({ path: `/api/invitations/${invitation().id}/resend`, body: {} }),
    "delete /invitations/:id": () => ({ path: `/api/invitations/${invitation().id}` }),
    "post /invitations/check": () => ({ path: "/api/invitations/check", body: { token: invitation().token } }),
    "post /invitations/accept": () => ({ path: "/api/invitations/accept", body: { token: invitation().token, password: "une phrase de passe neuve" } }),
    "get /account": () => ({ path: "/api/account" }),
    // With TOTP on, a new key replaces it and needs a current code.
    "post /account/totp": () => ({ path: "/api/account/totp", body: { code: sharedSecret("enabled") } }),
    "post /account/totp/confirm": () => ({ path: "/api/account/totp/confirm", body: { code: sharedSecret("pending") } }),
    "post /account/totp/disable": () => ({ path: "/api/account/totp/disable", body: { code: sharedSecret("enabled") } }),
  };
}
