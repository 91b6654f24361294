// Identity (docs/decisions/0006-identity-links-and-second-factor.md): invitations and password reset by email (a real SMTP server on loopback), TOTP
// for admins, and ProConnect sign-in against a real OpenID Connect provider on loopback.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TOTP_PERIOD_SECONDS } from "../../server/src/identity/totp";
import { createAccount, nextSecondFactorCode, SessionClient, signedInClient, totpCodeNow, TEST_PASSWORD } from "../support/session-client";
import { startSmtpSink, type SmtpSink } from "../support/smtp-sink";
import { followProvider, startServerWithProvider, type TestOidcProvider } from "../support/oidc-provider";
import type { TestServer } from "../support/test-server";

let sink: SmtpSink;
let server: TestServer;
let provider: TestOidcProvider;
let admin: SessionClient;

beforeAll(async () => {
  sink = await startSmtpSink();
  ({ server, provider } = await startServerWithProvider({ env: { SMTP_URL: sink.url, PUBLIC_URL: "https://suivi-eig.example.gouv.fr" } }));
  admin = (await signedInClient(server.baseUrl, server.db, "admin")).client;
});
afterAll(async () => {
  await server.close();
  await provider.close();
  await sink.close();
});

const userCount = () => server.db.get<{ n: number }>("SELECT count(*) AS n FROM users")!.n;
const unique = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 8)}@test.gouv.fr`;
/** The token of the link in an email (after `#`). */
const tokenIn = (text: string, path: string) => {
  const match = new RegExp(`https://suivi-eig\\.example\\.gouv\\.fr${path}#([A-Za-z0-9_-]{43})`).exec(text);
  if (!match) throw new Error(`No ${path} link in: ${text}`);
  return match[1];
};
/** The first email to `email`, received already or to come. */
const mailTo = (email: string) => sink.waitForMail(`to ${email}`, (message) => message.to.includes(email));

describe("invitations", () => {
  it("emails a single-use link; the invitee sets their password, gets their challenges; the admin never sees it", async () => {
    const email = unique("mentore");
    const answer = await admin.post("/api/invitations", { email, name: "Maëlle Mentore", role: "mentor", challenges: ["cartobio"] });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ emailSent: true, invitation: { email, name: "Maëlle Mentore", role: "mentor", challenges: ["cartobio"] } });
    expect(answer.body.link).toBeUndefined();
    expect((await admin.get("/api/invitations")).body.map((item: { email: string }) => item.email)).toContain(email);

    const mail = await mailTo(email);
    expect(mail.subject).toContain("Invitation");
    expect(mail.text).toContain("Bonjour Maëlle Mentore");
    expect(mail.text).toContain("7 jours");
    const token = tokenIn(mail.text, "/invitation");
    // Only the hash is stored.
    expect(JSON.stringify(server.db.all("SELECT * FROM invitations"))).not.toContain(token);

    const invitee = new SessionClient(server.baseUrl);
    expect((await invitee.post("/api/invitations/check", { token })).body).toEqual({ email, name: "Maëlle Mentore", role: "mentor" });
    const accepted = await invitee.post("/api/invitations/accept", { token, password: "ma propre phrase de passe" });
    expect(accepted.status).toBe(200);
    expect(accepted.body.user).toMatchObject({ email, role: "mentor" });
    invitee.csrfToken = accepted.body.csrfToken;
    expect((await invitee.get("/api/me/challenges")).body.map((c: { slug: string }) => c.slug)).toEqual(["cartobio"]);
    expect((await new SessionClient(server.baseUrl).login(email, "ma propre phrase de passe")).status).toBe(200);

    // Single use: the same link is refused with a clear message, nothing changes.
    const before = userCount();
    const again = await new SessionClient(server.baseUrl).post("/api/invitations/accept", { token, password: "une autre phrase de passe" });
    expect(again.status).toBe(410);
    expect(again.body.detail).toContain("Ce lien a déjà été utilisé");
    expect(userCount()).toBe(before);
    expect((await admin.get("/api/invitations")).body.map((item: { email: string }) => item.email)).not.toContain(email);
    const audit = (await admin.get("/api/audit?action=invitation.accepted")).body.items;
    expect(audit.some((entry: { actorEmail: string }) => entry.actorEmail === email)).toBe(true);
  });

  it("refuses an expired link and an unknown one, changing nothing", async () => {
    const email = unique("tardif");
    await admin.post("/api/invitations", { email, name: "Tardif", role: "evaluator" });
    const token = tokenIn((await mailTo(email)).text, "/invitation");
    server.db.run("UPDATE invitations SET expires_at = '2000-01-01T00:00:00.000Z' WHERE email = ?", [email]);
    const before = userCount();
    const expired = await new SessionClient(server.baseUrl).post("/api/invitations/accept", { token, password: "une phrase de passe longue" });
    expect(expired.status).toBe(410);
    expect(expired.body.detail).toContain("Ce lien a expiré");
    const unknown = await new SessionClient(server.baseUrl).post("/api/invitations/check", { token: "A".repeat(43) });
    expect(unknown.status).toBe(404);
    expect(unknown.body.detail).toContain("Ce lien n'est pas valide");
    expect(userCount()).toBe(before);
  });

  it("resend kills the old link; revoke kills the invitation", async () => {
    const email = unique("relance");
    const created = await admin.post("/api/invitations", { email, name: "Relancé", role: "evaluator" });
    const first = tokenIn((await mailTo(email)).text, "/invitation");
    expect((await admin.post(`/api/invitations/${created.body.invitation.id}/resend`, {})).status).toBe(200);
    const resent = await sink.waitForMail(`with a new link to ${email}`, (message) => message.to.includes(email) && !message.text.includes(first));
    const second = tokenIn(resent.text, "/invitation");
    expect(second).not.toBe(first);
    expect((await new SessionClient(server.baseUrl).post("/api/invitations/check", { token: first })).status).toBe(404);
    expect((await new SessionClient(server.baseUrl).post("/api/invitations/check", { token: second })).status).toBe(200);
    expect((await admin.delete(`/api/invitations/${created.body.invitation.id}`)).status).toBe(204);
    const revoked = await new SessionClient(server.baseUrl).post("/api/invitations/check", { token: second });
    expect(revoked.status).toBe(410);
    expect(revoked.body.detail).toContain("annulée");
  });

  it("refuses to invite an existing account's address (409)", async () => {
    const existing = await createAccount(server.db, "mentor");
    expect((await admin.post("/api/invitations", { email: existing.email, name: "Doublon", role: "mentor" })).status).toBe(409);
  });
});

describe("password reset by email", () => {
  it("answers the same for a known and an unknown address; the link works once and closes the other sessions", async () => {
    const { client: session, account } = await signedInClient(server.baseUrl, server.db, "mentor");
    const anonymous = new SessionClient(server.baseUrl);
    const known = await anonymous.post("/api/auth/password-reset/request", { email: account.email });
    const unknown = await anonymous.post("/api/auth/password-reset/request", { email: unique("personne") });
    expect([known.status, unknown.status]).toEqual([202, 202]);
    expect(known.body).toEqual(unknown.body);
    const mail = await mailTo(account.email);
    expect(mail.text).toContain("60 minutes");
    const token = tokenIn(mail.text, "/mot-de-passe/nouveau");

    expect((await anonymous.post("/api/auth/password-reset/check", { token })).body).toEqual({ email: account.email });
    expect((await anonymous.post("/api/auth/password-reset", { token, password: "court" })).status).toBe(400);
    expect((await anonymous.post("/api/auth/password-reset", { token, password: "la nouvelle phrase de passe" })).status).toBe(204);
    expect((await session.get("/api/auth/me")).status).toBe(401);
    expect((await new SessionClient(server.baseUrl).login(account.email, TEST_PASSWORD)).status).toBe(401);
    expect((await new SessionClient(server.baseUrl).login(account.email, "la nouvelle phrase de passe")).status).toBe(200);
    const used = await anonymous.post("/api/auth/password-reset", { token, password: "encore une autre phrase" });
    expect(used.status).toBe(410);
    expect(used.body.detail).toContain("Ce lien a déjà été utilisé");
  });

  it("refuses an expired link", async () => {
    const account = await createAccount(server.db, "evaluator");
    await new SessionClient(server.baseUrl).post("/api/auth/password-reset/request", { email: account.email });
    const token = tokenIn((await mailTo(account.email)).text, "/mot-de-passe/nouveau");
    server.db.run("UPDATE password_resets SET expires_at = '2000-01-01T00:00:00.000Z' WHERE user_id = ?", [account.id]);
    const expired = await new SessionClient(server.baseUrl).post("/api/auth/password-reset", { token, password: "une phrase de passe longue" });
    expect(expired.status).toBe(410);
    expect(expired.body.detail).toContain("Ce lien a expiré");
    expect((await new SessionClient(server.baseUrl).login(account.email, TEST_PASSWORD)).status).toBe(200);
  });
});

describe("TOTP", () => {
  it("an admin with TOTP gets no session from the password alone; a code opens it once (replay refused)", async () => {
    const account = await createAccount(server.db, "admin");
    const client = new SessionClient(server.baseUrl);
    const first = await client.login(account.email, TEST_PASSWORD, { passwordOnly: true });
    expect(first.status).toBe(202);
    expect(first.body).toEqual({ next: "totp" });
    expect(first.body.csrfToken).toBeUndefined();
    expect((await client.get("/api/auth/me")).status).toBe(401);
    expect((await client.post("/api/auth/login/totp", { code: "000000" })).status).toBe(401);
    const code = await nextSecondFactorCode(account.email);
    const opened = await client.post("/api/auth/login/totp", { code });
    expect(opened.status).toBe(200);
    client.csrfToken = opened.body.csrfToken;
    expect((await client.get("/api/users")).status).toBe(200);

    // The same code again, on a new password step: refused.
    const other = new SessionClient(server.baseUrl);
    expect((await other.login(account.email, TEST_PASSWORD, { passwordOnly: true })).status).toBe(202);
    const replay = await other.post("/api/auth/login/totp", { code });
    expect(replay.status).toBe(401);
    expect(replay.body.detail).toContain("déjà utilisé");
  });

  it("an admin without TOTP (the bootstrap one) must enrol before any session; recovery codes work once", async () => {
    const account = await createAccount(server.db, "admin", { totp: false });
    const client = new SessionClient(server.baseUrl);
    expect((await client.login(account.email, TEST_PASSWORD, { passwordOnly: true })).body).toEqual({ next: "totp-enrolment" });
    expect((await client.get("/api/auth/me")).status).toBe(401);
    const enrolment = await client.post("/api/auth/login/totp-enrolment", {});
    expect(enrolment.body.uri).toMatch(/^otpauth:\/\/totp\//);
    expect(enrolment.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect((await client.post("/api/auth/login/totp-enrolment/confirm", { code: totpCodeNow(enrolment.body.secret, 5) })).status).toBe(401);
    const confirmed = await client.post("/api/auth/login/totp-enrolment/confirm", { code: totpCodeNow(enrolment.body.secret) });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.recoveryCodes).toHaveLength(10);
    expect(JSON.stringify(server.db.all("SELECT code_hash FROM recovery_codes WHERE user_id = ?", [account.id]))).not.toContain(
      confirmed.body.recoveryCodes[0],
    );

    const recovery = confirmed.body.recoveryCodes[0];
    const withRecovery = new SessionClient(server.baseUrl);
    await withRecovery.login(account.email, TEST_PASSWORD, { passwordOnly: true });
    expect((await withRecovery.post("/api/auth/login/totp", { code: recovery })).status).toBe(200);
    const reused = new SessionClient(server.baseUrl);
    await reused.login(account.email, TEST_PASSWORD, { passwordOnly: true });
    expect((await reused.post("/api/auth/login/totp", { code: recovery })).status).toBe(401);
    const audit = (await admin.get(`/api/audit?action=login.succeeded&targetId=${account.id}`)).body.items;
    expect(audit.map((entry: { after: { method: string } }) => entry.after.method)).toEqual(["password+recovery_code", "password+totp"]);
    expect(audit[0].after.recoveryCodesLeft).toBe(9);
    expect(audit[1].after.totpEnrolled).toBe(true);
  });

  it("is optional for a mentor: enabled from « Mon compte », then asked at login; disabling needs a code", async () => {
    const { client, account } = await signedInClient(server.baseUrl, server.db, "mentor");
    expect((await client.get("/api/account")).body).toMatchObject({ totpEnabled: false, totpRequired: false, authMethod: "password" });
    const start = await client.post("/api/account/totp", {});
    expect((await client.post("/api/account/totp/confirm", { code: "123456" })).status).toBe(400);
    const confirmed = await client.post("/api/account/totp/confirm", { code: totpCodeNow(start.body.secret) });
    expect(confirmed.body.recoveryCodes).toHaveLength(10);
    expect((await client.get("/api/account")).body).toMatchObject({ totpEnabled: true, recoveryCodesLeft: 10 });
    const next = await new SessionClient(server.baseUrl).login(account.email, TEST_PASSWORD, { passwordOnly: true });
    expect(next.body).toEqual({ next: "totp" });
    expect((await client.post("/api/account/totp/disable", { code: "000000" })).status).toBe(400);
    expect((await client.post("/api/account/totp/disable", { code: confirmed.body.recoveryCodes[3] })).status).toBe(204);
    expect((await new SessionClient(server.baseUrl).login(account.email, TEST_PASSWORD, { passwordOnly: true })).status).toBe(200);
  });

  it("throttles code attempts like logins (429 with Retry-After)", async () => {
    const account = await createAccount(server.db, "admin");
    let last = 0;
    let retryAfter: string | null = null;
    for (let attempt = 0; attempt < 12 && last !== 429; attempt += 1) {
      const client = new SessionClient(server.baseUrl);
      await client.login(account.email, TEST_PASSWORD, { passwordOnly: true });
      const answer = await client.post("/api/auth/login/totp", { code: "000000" });
      last = answer.status;
      retryAfter = answer.headers.get("retry-after");
    }
    expect(last).toBe(429);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    expect(TOTP_PERIOD_SECONDS).toBe(30);
  });
});

describe("ProConnect (OpenID Connect)", () => {
  const throughProvider = (authorizeUrl: string) => followProvider(provider, authorizeUrl);

  async function startSignIn(client: SessionClient): Promise<URL> {
    const start = await client.get("/api/auth/providers");
    expect(start.body).toEqual({ proConnect: true, emailEnabled: true });
    const leave = await client.get("/api/auth/oidc/login");
    expect(leave.status).toBe(302);
    const authorize = new URL(leave.headers.get("location")!);
    expect(authorize.origin).toBe(provider.issuer);
    expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
    for (const name of ["code_challenge", "state", "nonce"]) expect(authorize.searchParams.get(name)).toMatch(/.{20,}/);
    return throughProvider(authorize.href);
  }

  it("signs in an existing mentor (ProConnect alone, no TOTP asked) and logs out at the provider too", async () => {
    // Admins need a second factor after ProConnect: tests/api/proconnect-security.test.ts.
    const account = await createAccount(server.db, "mentor");
    provider.signInAs(account.email);
    const client = new SessionClient(server.baseUrl);
    const callback = await startSignIn(client);
    expect(callback.pathname).toBe("/api/auth/oidc/callback");
    const back = await client.get(callback.pathname + callback.search);
    expect(back.status).toBe(302);
    // A mentor lands on « Mes défis »; the evaluator below on the dashboard.
    expect(back.headers.get("location")).toBe("/mes-defis");
    const me = await client.get("/api/auth/me");
    expect(me.body.user.email).toBe(account.email);
    client.csrfToken = me.body.csrfToken;
    expect((await client.get("/api/account")).body).toMatchObject({ authMethod: "oidc", signInMethod: "proconnect" });
    const session = server.db.get<{ authMethod: string; idToken: string }>(
      "SELECT auth_method AS authMethod, id_token AS idToken FROM sessions WHERE user_id = ?",
      [account.id],
    );
    expect(session).toEqual({ authMethod: "oidc", idToken: expect.stringMatching(/^ey/) });
    expect(server.db.get("SELECT acr, amr FROM sessions WHERE user_id = ?", [account.id])).toEqual({ acr: "eidas1", amr: '["pwd"]' });

    const logout = await client.post("/api/auth/logout");
    expect(logout.status).toBe(200);
    const end = new URL(logout.body.endSessionUrl);
    expect(`${end.origin}${end.pathname}`).toBe(`${provider.issuer}/session/end`);
    expect(end.searchParams.get("id_token_hint")).toMatch(/^ey/);
    expect(end.searchParams.get("post_logout_redirect_uri")).toBe(`${server.baseUrl}/connexion`);
    expect((await client.get("/api/auth/me")).status).toBe(401);
    const audit = (await admin.get(`/api/audit?action=login.succeeded&targetId=${account.id}`)).body.items;
    expect(audit).toHaveLength(1);
    expect(audit[0].after).toMatchObject({ method: "proconnect", issuer: provider.issuer, acr: "eidas1", amr: ["pwd"] });
  });

  it("refuses a tampered state, and a callback without the browser's cookie", async () => {
    const account = await createAccount(server.db, "mentor");
    provider.signInAs(account.email);
    const client = new SessionClient(server.baseUrl);
    const callback = await startSignIn(client);
    callback.searchParams.set("state", "un-state-falsifie");
    const tampered = await client.get(callback.pathname + callback.search);
    expect(tampered.headers.get("location")).toBe("/connexion?proconnect=refus");
    expect((await client.get("/api/auth/me")).status).toBe(401);

    const other = new SessionClient(server.baseUrl);
    const genuine = await startSignIn(other);
    const stranger = new SessionClient(server.baseUrl);
    expect((await stranger.get(genuine.pathname + genuine.search)).headers.get("location")).toBe("/connexion?proconnect=session");
    expect((await stranger.get("/api/auth/me")).status).toBe(401);
  });

  it("refuses an unknown email without creating an account; an invited one is created and the invitation consumed", async () => {
    const before = userCount();
    provider.signInAs(unique("inconnu"));
    const client = new SessionClient(server.baseUrl);
    const callback = await startSignIn(client);
    const refused = await client.get(callback.pathname + callback.search);
    expect(refused.headers.get("location")).toBe("/connexion?proconnect=compte-inconnu");
    expect(userCount()).toBe(before);

    const email = unique("agente");
    await admin.post("/api/invitations", { email, name: "Agente Invitée", role: "evaluator" });
    provider.signInAs(email);
    const invited = new SessionClient(server.baseUrl);
    const callbackUrl = await startSignIn(invited);
    expect((await invited.get(callbackUrl.pathname + callbackUrl.search)).headers.get("location")).toBe("/");
    expect((await invited.get("/api/auth/me")).body.user).toMatchObject({ email, name: "Agente Invitée", role: "evaluator" });
    expect((await admin.get("/api/invitations")).body.map((item: { email: string }) => item.email)).not.toContain(email);
  });
});
