// ProConnect must not take over accounts nor bypass the admins' second factor
// (docs/decisions/0008-sign-in-hardening.md): a real OpenID Connect provider on loopback says,
// per sign-in, which `sub`, email, `email_verified`, `acr` and `amr` it vouches for.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_MFA_ACR_VALUES } from "../../server/src/config";
import { createAccount, nextSecondFactorCode, SessionClient, signedInClient, totpCodeNow, type Answer } from "../support/session-client";
import { followProvider, startServerWithProvider, type ProviderIdentity, type TestOidcProvider } from "../support/oidc-provider";
import type { TestServer } from "../support/test-server";
import { runUserCli } from "../support/user-cli";

let server: TestServer;
let provider: TestOidcProvider;
let admin: SessionClient;

beforeAll(async () => {
  ({ server, provider } = await startServerWithProvider());
  admin = (await signedInClient(server.baseUrl, server.db, "admin")).client;
});
afterAll(async () => {
  await server.close();
  await provider.close();
});

const SELF_ASSERTED_2FA = "https://proconnect.gouv.fr/assurance/self-asserted-2fa";
const unique = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 8)}@test.gouv.fr`;
const userCount = () => server.db.get<{ n: number }>("SELECT count(*) AS n FROM users")!.n;

/** A browser that leaves for the provider as `who` and comes back: the callback's answer. */
async function signInWithProConnect(who: ProviderIdentity, client = new SessionClient(server.baseUrl)): Promise<{ client: SessionClient; back: Answer; authorize: URL }> {
  provider.signInAs(who);
  const leave = await client.get("/api/auth/oidc/login");
  expect(leave.status).toBe(302);
  const authorize = new URL(leave.headers.get("location")!);
  const callback = await followProvider(provider, authorize.href);
  const back = await client.get(callback.pathname + callback.search);
  expect(back.status).toBe(302);
  return { client, back, authorize };
}

/** The session the browser has, if any (and its CSRF token kept for writes). */
async function sessionOf(client: SessionClient) {
  const me = await client.get("/api/auth/me");
  if (me.status !== 200) return undefined;
  client.csrfToken = me.body.csrfToken;
  return me.body.user as { id: number; email: string; role: string };
}

interface AuditItem {
  id: number;
  action: string;
  actorEmail: string | null;
  targetId: number | null;
  after: Record<string, unknown> | null;
}
const audit = async (query: string): Promise<AuditItem[]> => (await admin.get(`/api/audit?${query}`)).body.items;
/** The newest `login.oidc_refused` entry. */
const lastRefusal = async () => (await audit("action=login.oidc_refused"))[0];

describe("linking a ProConnect identity to an account", () => {
  it("an unverified email opens no existing account and consumes no invitation", async () => {
    const mentor = await createAccount(server.db, "mentor");
    for (const emailVerified of [false, null]) {
      const { client, back } = await signInWithProConnect({ sub: `imposteur-${Math.random()}`, email: mentor.email, emailVerified });
      expect(back.headers.get("location")).toBe("/connexion?proconnect=adresse-non-verifiee");
      expect(await sessionOf(client)).toBeUndefined();
      expect(await lastRefusal()).toMatchObject({ actorEmail: mentor.email, after: { reason: "email_unverified", emailVerified: false } });
    }

    const invited = unique("invitee");
    expect((await admin.post("/api/invitations", { email: invited, name: "Invitée Non Vérifiée", role: "evaluator" })).status).toBe(201);
    const before = userCount();
    const { client, back } = await signInWithProConnect({ sub: "sub-invitee-unverified", email: invited, emailVerified: false });
    expect(back.headers.get("location")).toBe("/connexion?proconnect=adresse-non-verifiee");
    expect(await sessionOf(client)).toBeUndefined();
    expect(userCount()).toBe(before);
    expect((await admin.get("/api/invitations")).body.map((item: { email: string }) => item.email)).toContain(invited);

    // With a verified email the same invitation is consumed, and the identity linked.
    const accepted = await signInWithProConnect({ sub: "sub-invitee-verified", email: invited });
    expect(accepted.back.headers.get("location")).toBe("/");
    expect(await sessionOf(accepted.client)).toMatchObject({ email: invited, role: "evaluator" });
    expect((await admin.get("/api/invitations")).body.map((item: { email: string }) => item.email)).not.toContain(invited);
    expect((await audit(`action=login.oidc_linked&actor=${invited}`))[0].after).toMatchObject({ subject: "sub-invitee-verified", via: "invitation" });
  });

  it("after linking, another sub with the same email is refused; the same sub with a changed email opens the right account", async () => {
    const mentor = await createAccount(server.db, "mentor");
    const other = await createAccount(server.db, "mentor");
    const sub = `sub-${mentor.id}`;

    const first = await signInWithProConnect({ sub, email: mentor.email });
    expect(first.back.headers.get("location")).toBe("/mes-defis");
    expect(await sessionOf(first.client)).toMatchObject({ id: mentor.id });
    const linked = await audit(`action=login.oidc_linked&actor=${mentor.email}`);
    expect(linked).toHaveLength(1);
    expect(linked[0]).toMatchObject({ targetId: String(mentor.id), after: { issuer: provider.issuer, subject: sub, via: "account" } });

    // Another identity at the provider claiming the same (verified) email.
    const intruder = await signInWithProConnect({ sub: "sub-intrus", email: mentor.email });
    expect(intruder.back.headers.get("location")).toBe("/connexion?proconnect=compte-deja-lie");
    expect(await sessionOf(intruder.client)).toBeUndefined();
    expect(await lastRefusal()).toMatchObject({ actorEmail: mentor.email, after: { reason: "linked_to_other_identity" } });

    // The agent's email changed at the provider, even to another account's: still their own account.
    const renamed = await signInWithProConnect({ sub, email: unique("nouvelle-adresse") });
    expect(renamed.back.headers.get("location")).toBe("/mes-defis");
    expect(await sessionOf(renamed.client)).toMatchObject({ id: mentor.id, email: mentor.email });
    const taken = await signInWithProConnect({ sub, email: other.email });
    expect(await sessionOf(taken.client)).toMatchObject({ id: mentor.id });
    expect(await audit(`action=login.oidc_linked&actor=${mentor.email}`)).toHaveLength(1);
    expect(await audit(`action=login.oidc_linked&actor=${other.email}`)).toHaveLength(0);
  });
});

describe("a deployment that trusts the federation's emails (OIDC_TRUST_UNASSERTED_EMAILS)", () => {
  it("links on an email that comes without email_verified, never on one the provider says is unverified", async () => {
    const trusting = await startServerWithProvider({}, { trustUnassertedEmails: true });
    try {
      const mentor = await createAccount(trusting.server.db, "mentor");
      const signIn = async (who: ProviderIdentity) => {
        trusting.provider.signInAs(who);
        const client = new SessionClient(trusting.server.baseUrl);
        const leave = await client.get("/api/auth/oidc/login");
        const callback = await followProvider(trusting.provider, leave.headers.get("location")!);
        const back = await client.get(callback.pathname + callback.search);
        return { location: back.headers.get("location"), me: await client.get("/api/auth/me") };
      };
      const refused = await signIn({ sub: "sub-dit-non-verifie", email: mentor.email, emailVerified: false });
      expect(refused.location).toBe("/connexion?proconnect=adresse-non-verifiee");
      expect(refused.me.status).toBe(401);

      const linked = await signIn({ sub: "sub-sans-affirmation", email: mentor.email, emailVerified: null });
      expect(linked.location).toBe("/mes-defis");
      expect(linked.me.status).toBe(200);
      expect(linked.me.body.user).toMatchObject({ id: mentor.id, email: mentor.email });
    } finally {
      await trusting.server.close();
      await trusting.provider.close();
    }
  });
});

describe("npm run user -- unlink-proconnect", () => {
  it("unlinks the account's identity and closes its sessions: the next verified identity is linked", async () => {
    const mentor = await createAccount(server.db, "mentor");
    const before = await signInWithProConnect({ sub: "ancienne-identite", email: mentor.email });
    expect(await sessionOf(before.client)).toMatchObject({ id: mentor.id });
    expect((await signInWithProConnect({ sub: "nouvelle-identite", email: mentor.email })).back.headers.get("location")).toBe(
      "/connexion?proconnect=compte-deja-lie",
    );

    const cli = runUserCli(server.file, ["unlink-proconnect", "--email", mentor.email]);
    expect(cli.status).toBe(0);
    expect(cli.stdout).toContain("déliée");
    expect(await sessionOf(before.client)).toBeUndefined();
    expect(await audit(`action=login.oidc_unlinked&targetId=${mentor.id}`)).toHaveLength(1);

    const after = await signInWithProConnect({ sub: "nouvelle-identite", email: mentor.email });
    expect(after.back.headers.get("location")).toBe("/mes-defis");
    expect(await sessionOf(after.client)).toMatchObject({ id: mentor.id });
    expect((await signInWithProConnect({ sub: "ancienne-identite", email: mentor.email })).back.headers.get("location")).toBe(
      "/connexion?proconnect=compte-deja-lie",
    );
  }, 30_000);
});

describe("admins signing in with ProConnect", () => {
  it("asks the provider for a multi-factor acr, without making it essential", async () => {
    const { authorize } = await signInWithProConnect({ email: unique("quiconque") });
    const claims = JSON.parse(authorize.searchParams.get("claims")!);
    expect(claims.id_token.acr).toEqual({ essential: false, values: DEFAULT_MFA_ACR_VALUES });
  });

  it("acr eidas1: no session; the local TOTP code then opens it (proconnect+totp) and admin routes work", async () => {
    const account = await createAccount(server.db, "admin");
    const { client, back } = await signInWithProConnect({ sub: `sub-${account.id}`, email: account.email, acr: "eidas1" });
    expect(back.headers.get("location")).toBe("/connexion?etape=code");
    expect(await sessionOf(client)).toBeUndefined();
    expect((await client.get("/api/users")).status).toBe(401);
    expect(await audit(`action=login.succeeded&targetId=${account.id}`)).toHaveLength(0);
    expect((await audit(`action=login.oidc_accepted&targetId=${account.id}`))[0].after).toMatchObject({ next: "totp", acr: "eidas1" });

    // Without the pending-login cookie of this browser, a code opens nothing.
    const stranger = new SessionClient(server.baseUrl);
    expect((await stranger.post("/api/auth/login/totp", { code: await nextSecondFactorCode(account.email) })).status).toBe(401);

    const code = await client.post("/api/auth/login/totp", { code: await nextSecondFactorCode(account.email) });
    expect(code.status).toBe(200);
    expect(await sessionOf(client)).toMatchObject({ id: account.id, role: "admin" });
    expect((await client.get("/api/users")).status).toBe(200);
    expect((await client.get("/api/account")).body).toMatchObject({ authMethod: "oidc", signInMethod: "proconnect+totp", totpRequired: true });
    const succeeded = await audit(`action=login.succeeded&targetId=${account.id}`);
    expect(succeeded).toHaveLength(1);
    expect(succeeded[0].after).toMatchObject({ method: "proconnect+totp" });
    expect(server.db.get("SELECT acr, amr FROM sessions WHERE user_id = ?", [account.id])).toEqual({ acr: "eidas1", amr: '["pwd"]' });

    // The session keeps the ID token: logout ends the provider's session too.
    const logout = await client.post("/api/auth/logout");
    expect(logout.status).toBe(200);
    expect(new URL(logout.body.endSessionUrl).searchParams.get("id_token_hint")).toMatch(/^ey/);
  });

  it("a multi-factor acr that was asked for opens the session at once (proconnect+mfa)", async () => {
    const account = await createAccount(server.db, "admin");
    const { client, back } = await signInWithProConnect({ sub: `sub-${account.id}`, email: account.email, acr: SELF_ASSERTED_2FA, amr: ["pwd", "totp"] });
    expect(back.headers.get("location")).toBe("/");
    expect(await sessionOf(client)).toMatchObject({ id: account.id });
    expect((await client.get("/api/users")).status).toBe(200);
    expect((await client.get("/api/account")).body).toMatchObject({ signInMethod: "proconnect+mfa" });
    expect((await audit(`action=login.succeeded&targetId=${account.id}`))[0].after).toMatchObject({ method: "proconnect+mfa", acr: SELF_ASSERTED_2FA });
  });

  it("an admin not enrolled gets the enrolment step, then a session with proconnect+totp", async () => {
    const account = await createAccount(server.db, "admin", { totp: false });
    const { client, back } = await signInWithProConnect({ sub: `sub-${account.id}`, email: account.email });
    expect(back.headers.get("location")).toBe("/connexion?etape=enrolement");
    expect(await sessionOf(client)).toBeUndefined();
    expect((await client.post("/api/auth/login/totp", { code: "123456" })).status).toBe(401);

    const enrolment = await client.post("/api/auth/login/totp-enrolment", {});
    expect(enrolment.status).toBe(200);
    const confirmed = await client.post("/api/auth/login/totp-enrolment/confirm", { code: totpCodeNow(enrolment.body.secret) });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.recoveryCodes).toHaveLength(10);
    expect(await sessionOf(client)).toMatchObject({ id: account.id });
    expect((await client.get("/api/account")).body).toMatchObject({ signInMethod: "proconnect+totp", totpEnabled: true, totpRequired: true });
    expect((await audit(`action=login.succeeded&targetId=${account.id}`))[0].after).toMatchObject({ method: "proconnect+totp", totpEnrolled: true });
  });

  it("an admin invited and accepting with ProConnect (no password) must enrol too; « Mon compte » says TOTP is required", async () => {
    const email = unique("admin-invite");
    expect((await admin.post("/api/invitations", { email, name: "Admin Invitée", role: "admin" })).status).toBe(201);
    const { client, back } = await signInWithProConnect({ sub: "sub-admin-invitee", email });
    expect(back.headers.get("location")).toBe("/connexion?etape=enrolement");
    expect(await sessionOf(client)).toBeUndefined();
    const enrolment = await client.post("/api/auth/login/totp-enrolment", {});
    expect((await client.post("/api/auth/login/totp-enrolment/confirm", { code: totpCodeNow(enrolment.body.secret) })).status).toBe(200);
    expect((await client.get("/api/account")).body).toMatchObject({ hasPassword: false, totpRequired: true, signInMethod: "proconnect+totp" });
  });

  it("mentors and evaluators keep signing in with ProConnect alone", async () => {
    for (const role of ["mentor", "evaluator"] as const) {
      const account = await createAccount(server.db, role);
      const { client, back } = await signInWithProConnect({ sub: `sub-${account.id}`, email: account.email });
      // Each role's home: « Mes défis » for a mentor, the dashboard for the others.
      expect(back.headers.get("location")).toBe(role === "mentor" ? "/mes-defis" : "/");
      expect((await client.get("/api/account")).body).toMatchObject({ signInMethod: "proconnect", totpRequired: false });
    }
  });
});

describe("refusals", () => {
  it("each goes back to /connexion?proconnect=<reason> and writes login.oidc_refused with its reason", async () => {
    // Unknown account.
    const stranger = unique("inconnu");
    const unknown = await signInWithProConnect({ email: stranger });
    expect(unknown.back.headers.get("location")).toBe("/connexion?proconnect=compte-inconnu");
    expect(await lastRefusal()).toMatchObject({ actorEmail: stranger, after: { reason: "unknown_account" } });

    // A deactivated account, linked or not: said like an unknown one.
    const gone = await createAccount(server.db, "mentor");
    expect((await signInWithProConnect({ sub: `sub-${gone.id}`, email: gone.email })).back.headers.get("location")).toBe("/mes-defis");
    expect((await admin.patch(`/api/users/${gone.id}`, { isActive: false })).status).toBe(200);
    const deactivated = await signInWithProConnect({ sub: `sub-${gone.id}`, email: gone.email });
    expect(deactivated.back.headers.get("location")).toBe("/connexion?proconnect=compte-inconnu");
    expect(await sessionOf(deactivated.client)).toBeUndefined();
    expect(await lastRefusal()).toMatchObject({ after: { reason: "inactive_account" } });

    // The provider refused to authenticate the agent (e.g. a second factor not given there).
    const client = new SessionClient(server.baseUrl);
    const leave = await client.get("/api/auth/oidc/login");
    const state = new URL(leave.headers.get("location")!).searchParams.get("state")!;
    const answer = new URLSearchParams({ error: "access_denied", state, iss: provider.issuer });
    const refused = await client.get(`/api/auth/oidc/callback?${answer}`);
    expect(refused.headers.get("location")).toBe("/connexion?proconnect=refus-fournisseur");
    expect(await sessionOf(client)).toBeUndefined();
    expect(await lastRefusal()).toMatchObject({ after: { reason: "provider_error", error: "access_denied" } });

    // A callback with no sign-in under way in this browser.
    const nobody = await new SessionClient(server.baseUrl).get("/api/auth/oidc/callback?code=x&state=y");
    expect(nobody.headers.get("location")).toBe("/connexion?proconnect=session");
    expect(await lastRefusal()).toMatchObject({ after: { reason: "no_sign_in_under_way" } });
  });
});
