// Sessions follow the account: a change of role or a deactivation closes what was opened or
// started before it; the admin role opens nothing without a session proven by a second
// factor; and an open session alone cannot swap the account's authenticator
// (docs/decisions/0008-sign-in-hardening.md).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Secret, TOTP } from "otpauth";
import { createSession, SESSION_COOKIE } from "../../server/src/auth/sessions";
import { readConfig } from "../../server/src/config";
import { insertPendingLogin, totpState } from "../../server/src/repositories/identity";
import { TOTP_PERIOD_SECONDS } from "../../server/src/identity/totp";
import type { Role } from "@shared/domain";
import type { SignInMethod } from "@shared/sign-in-audit";
import {
  createAccount,
  nextSecondFactorCode,
  rememberTotp,
  SessionClient,
  signedInClient,
  TEST_PASSWORD,
  totpCodeNow,
} from "../support/session-client";
import { createTestDatabase } from "../support/test-database";
import { startTestServer, type TestServer } from "../support/test-server";
import { runUserCli } from "../support/user-cli";

let server: TestServer;
let admin: SessionClient;

beforeAll(async () => {
  server = await startTestServer();
  admin = (await signedInClient(server.baseUrl, server.db, "admin")).client;
});
afterAll(() => server.close());

interface Entry {
  action: string;
  after: Record<string, unknown> | null;
}
const auditOf = async (userId: number, action: string): Promise<Entry[]> =>
  (await admin.get(`/api/audit?targetType=user&targetId=${userId}&action=${action}&pageSize=200`)).body.items;

/** An account with TOTP, signed in fully in one browser and stopped after the password in another. */
async function sessionAndPendingLogin(role: Role) {
  const account = await createAccount(server.db, role, { totp: true });
  const signedIn = new SessionClient(server.baseUrl);
  expect((await signedIn.login(account.email, TEST_PASSWORD)).status).toBe(200);
  const pending = new SessionClient(server.baseUrl);
  expect((await pending.login(account.email, TEST_PASSWORD, { passwordOnly: true })).body).toEqual({ next: "totp" });
  return { account, signedIn, pending };
}

/** A session made by the server's own session code, opened with `method` (as a sign-in would record it). */
function sessionOpenedWith(userId: number, method: SignInMethod): SessionClient {
  const { token, csrfToken } = createSession(server.db, readConfig({ LOG_LEVEL: "silent" }), userId, new Date(), undefined, method);
  const client = new SessionClient(server.baseUrl);
  client.cookie = `${SESSION_COOKIE}=${token}`;
  client.csrfToken = csrfToken;
  return client;
}

describe("a change of role or a deactivation", () => {
  it("closes the promoted mentor's sessions and the password step they started before", async () => {
    const { client: passwordOnly, account: plain } = await signedInClient(server.baseUrl, server.db, "mentor");
    const { account, signedIn, pending } = await sessionAndPendingLogin("mentor");

    for (const promoted of [plain, account]) {
      const patch = await admin.patch(`/api/users/${promoted.id}`, { role: "admin" });
      expect(patch.status).toBe(200);
      expect(patch.body.role).toBe("admin");
    }

    // No session opened as a mentor goes on as an admin, not even to read.
    for (const client of [passwordOnly, signedIn]) {
      expect((await client.get("/api/auth/me")).status).toBe(401);
      expect((await client.get("/api/users")).status).toBe(401);
    }
    // The password given before the change does not finish into an admin session.
    const finish = await pending.post("/api/auth/login/totp", { code: await nextSecondFactorCode(account.email) });
    expect(finish.status).toBe(401);
    expect((await pending.get("/api/users")).status).toBe(401);

    const [entry] = await auditOf(account.id, "user.updated");
    expect(entry.after).toMatchObject({ role: "admin", sessionsClosed: 1, pendingLoginsClosed: 1 });

    // Signing in again, with the code, gives the new role.
    const again = new SessionClient(server.baseUrl);
    expect((await again.login(account.email, TEST_PASSWORD)).status).toBe(200);
    expect((await again.get("/api/users")).status).toBe(200);
  });

  it("a demoted admin's session closes too; a change of name alone closes nothing", async () => {
    const { client, account } = await signedInClient(server.baseUrl, server.db, "admin");
    expect((await admin.patch(`/api/users/${account.id}`, { name: "Nouveau Nom" })).status).toBe(200);
    expect((await client.get("/api/users")).status).toBe(200);
    expect((await admin.patch(`/api/users/${account.id}`, { role: "evaluator" })).status).toBe(200);
    expect((await client.get("/api/auth/me")).status).toBe(401);
  });

  it("deactivation closes the sessions and the pending logins, which reactivation does not revive", async () => {
    const { account, signedIn, pending } = await sessionAndPendingLogin("mentor");
    expect((await admin.patch(`/api/users/${account.id}`, { isActive: false })).status).toBe(200);
    expect((await signedIn.get("/api/auth/me")).status).toBe(401);
    const [entry] = await auditOf(account.id, "user.updated");
    expect(entry.after).toMatchObject({ isActive: false, sessionsClosed: 1, pendingLoginsClosed: 1 });

    expect((await admin.patch(`/api/users/${account.id}`, { isActive: true })).status).toBe(200);
    const finish = await pending.post("/api/auth/login/totp", { code: await nextSecondFactorCode(account.email) });
    expect(finish.status).toBe(401);
    expect((await signedIn.get("/api/auth/me")).status).toBe(401);
  });
});

describe("npm run user", () => {
  it("set-role and deactivate close the account's sessions and pending logins, audited; the last admin stays", async () => {
    const database = createTestDatabase({ seed: false });
    const config = readConfig({ LOG_LEVEL: "silent" });
    const mentor = await createAccount(database.db, "mentor");
    const lone = await createAccount(database.db, "admin");
    const openAccess = () => {
      createSession(database.db, config, mentor.id);
      const now = new Date();
      insertPendingLogin(database.db, { id: `p-${now.getTime()}-${Math.random()}`, userId: mentor.id, purpose: "totp", now: now.toISOString(), expiresAt: new Date(now.getTime() + 600_000).toISOString() });
    };
    const left = () => ({
      sessions: database.db.get<{ n: number }>("SELECT count(*) AS n FROM sessions WHERE user_id = ?", [mentor.id])!.n,
      pending: database.db.get<{ n: number }>("SELECT count(*) AS n FROM pending_logins WHERE user_id = ?", [mentor.id])!.n,
    });
    const cli = (...args: string[]) => runUserCli(database.file, args);
    try {
      openAccess();
      const promoted = cli("set-role", "--email", mentor.email, "--role", "evaluator");
      expect(promoted.status, promoted.stderr).toBe(0);
      expect(promoted.stdout).toContain("sessions fermées : 1");
      expect(left()).toEqual({ sessions: 0, pending: 0 });

      openAccess();
      expect(cli("deactivate", "--email", mentor.email).status).toBe(0);
      expect(left()).toEqual({ sessions: 0, pending: 0 });
      const audit = database.db.all<{ after: string }>("SELECT after FROM audit_log WHERE action = 'user.updated' AND target_id = ? ORDER BY id", [String(mentor.id)]);
      expect(audit.map((entry) => JSON.parse(entry.after))).toEqual([
        expect.objectContaining({ role: "evaluator", isActive: true, sessionsClosed: 1, pendingLoginsClosed: 1 }),
        expect.objectContaining({ role: "evaluator", isActive: false, sessionsClosed: 1, pendingLoginsClosed: 1 }),
      ]);

      expect(cli("set-role", "--email", mentor.email, "--role", "king").status).toBe(1);
      const demoted = cli("set-role", "--email", lone.email, "--role", "mentor");
      expect(demoted.status).toBe(1);
      expect(demoted.stderr).toContain("au moins un administrateur");
      expect(database.db.get("SELECT role FROM users WHERE id = ?", [lone.id])).toEqual({ role: "admin" });
    } finally {
      database.dispose();
    }
  });
});

describe("the admin role needs a session opened with a second factor", () => {
  it("refuses a password-only admin session (or one from before sign-in methods were kept) where the admin role grants access", async () => {
    const account = await createAccount(server.db, "admin");
    const passwordOnly = sessionOpenedWith(account.id, "password");
    const legacy = sessionOpenedWith(account.id, "password+totp");
    server.db.run("UPDATE sessions SET sign_in_method = NULL WHERE user_id = ? AND sign_in_method = 'password+totp'", [account.id]);

    for (const client of [passwordOnly, legacy]) {
      for (const [method, path, body] of [
        ["GET", "/api/users"],
        ["GET", "/api/audit"],
        ["GET", "/api/export/challenges.csv"],
        ["POST", "/api/challenges/archifiltre/confirmations", {}],
        ["PATCH", `/api/users/${account.id}`, { name: "Pirate" }],
      ] as const) {
        const refused = await client.request(method, path, body);
        expect(refused.status, `${method} ${path}`).toBe(403);
        expect(refused.headers.get("content-type")).toContain("application/problem+json");
        expect(refused.body.reason).toBe("second_factor_required");
        expect(refused.body.detail).toMatch(/double authentification/);
      }
      // What lets the interface say what to do keeps working.
      expect((await client.get("/api/auth/me")).status).toBe(200);
      expect((await client.get("/api/account")).status).toBe(200);
      expect((await client.get("/api/challenges")).status).toBe(200);
    }
    expect(server.db.get("SELECT name FROM users WHERE id = ?", [account.id])).toEqual({ name: account.name });
    expect((await passwordOnly.post("/api/auth/logout")).status).toBe(204);
  });

  it("lets an admin signed in with a code in, and an evaluator export with a password alone", async () => {
    const { client, account } = await signedInClient(server.baseUrl, server.db, "admin");
    expect((await client.get("/api/account")).body.signInMethod).toBe("password+totp");
    expect((await client.get("/api/users")).status).toBe(200);
    expect((await client.get("/api/export/challenges.csv")).status).toBe(200);
    expect((await sessionOpenedWith(account.id, "password+recovery_code").get("/api/audit")).status).toBe(200);

    const evaluator = await createAccount(server.db, "evaluator");
    expect((await sessionOpenedWith(evaluator.id, "password").get("/api/export/challenges.csv")).status).toBe(200);
  });
});

describe("replacing the authenticator from « Mon compte »", () => {
  const stepNow = () => Math.floor(Date.now() / 1000 / TOTP_PERIOD_SECONDS);

  it("needs a current code: without one, 400 and nothing changes", async () => {
    const { client, account } = await signedInClient(server.baseUrl, server.db, "admin");
    const before = totpState(server.db, account.id);
    const refused = await client.post("/api/account/totp", {});
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([{ path: "body.code", message: expect.stringMatching(/code actuel/) }]);
    expect(totpState(server.db, account.id)).toEqual(before);
    expect((await client.post("/api/account/totp/confirm", { code: totpCodeNow(before.secret!) })).status).toBe(400);
    expect(await auditOf(account.id, "totp.replaced")).toEqual([]);
    // The old codes still open a session.
    expect((await new SessionClient(server.baseUrl).login(account.email, TEST_PASSWORD)).status).toBe(200);
  });

  it("refuses a wrong code, audited and counted until the code checks are throttled", async () => {
    const { client, account } = await signedInClient(server.baseUrl, server.db, "mentor");
    const start = await client.post("/api/account/totp", {});
    const confirmed = await client.post("/api/account/totp/confirm", { code: totpCodeNow(start.body.secret) });
    expect(confirmed.status).toBe(200);
    rememberTotp(account.email, start.body.secret, confirmed.body.recoveryCodes, stepNow());
    const before = totpState(server.db, account.id);

    const wrong = await client.post("/api/account/totp", { code: "000000" });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0].path).toBe("body.code");
    expect(totpState(server.db, account.id)).toEqual(before);
    const failures = await auditOf(account.id, "totp.failed");
    expect(failures.map((entry) => entry.after)).toEqual([{ step: "account", code: "totp" }]);

    let last = wrong.status;
    for (let attempt = 0; attempt < 12 && last !== 429; attempt += 1) last = (await client.post("/api/account/totp", { code: "00000-00000" })).status;
    expect(last).toBe(429);
    // Throttled: even a right code is not looked at.
    expect((await client.post("/api/account/totp", { code: await nextSecondFactorCode(account.email) })).status).toBe(429);
    expect(totpState(server.db, account.id)).toMatchObject({ secret: before.secret, pendingSecret: null });
  });

  it("with a right code: the new key works, the old one does not, the other sessions and password steps are closed", async () => {
    const { client, account } = await signedInClient(server.baseUrl, server.db, "admin");
    const other = new SessionClient(server.baseUrl);
    expect((await other.login(account.email, TEST_PASSWORD)).status).toBe(200);
    const pending = new SessionClient(server.baseUrl);
    expect((await pending.login(account.email, TEST_PASSWORD, { passwordOnly: true })).status).toBe(202);
    const oldSecret = totpState(server.db, account.id).secret!;

    const key = await client.post("/api/account/totp", { code: await nextSecondFactorCode(account.email) });
    expect(key.status).toBe(200);
    expect(key.body.secret).not.toBe(oldSecret);
    expect((await client.post("/api/account/totp/confirm", { code: "123456" })).status).toBe(400);
    const confirmed = await client.post("/api/account/totp/confirm", { code: totpCodeNow(key.body.secret) });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.recoveryCodes).toHaveLength(10);

    const [replaced, ...more] = await auditOf(account.id, "totp.replaced");
    expect(more).toEqual([]);
    expect(replaced.after).toEqual({ sessionsClosed: 1, pendingLoginsClosed: 1 });
    expect(await auditOf(account.id, "totp.enrolled")).toEqual([]);

    // The other browser is signed out; this one goes on, with how it was opened.
    expect((await other.get("/api/auth/me")).status).toBe(401);
    expect((await pending.post("/api/auth/login/totp", { code: totpCodeNow(oldSecret, 1) })).status).toBe(401);
    expect((await client.get("/api/account")).body).toMatchObject({ totpEnabled: true, recoveryCodesLeft: 10, signInMethod: "password+totp" });
    expect((await client.get("/api/users")).status).toBe(200);

    // The old key opens nothing; the new one does.
    const withOld = new SessionClient(server.baseUrl);
    await withOld.login(account.email, TEST_PASSWORD, { passwordOnly: true });
    const oldCode = TOTP.generate({ secret: Secret.fromBase32(oldSecret), timestamp: (stepNow() + 1) * TOTP_PERIOD_SECONDS * 1000 + 1 });
    expect((await withOld.post("/api/auth/login/totp", { code: oldCode })).status).toBe(401);
    rememberTotp(account.email, key.body.secret, confirmed.body.recoveryCodes, stepNow());
    expect((await new SessionClient(server.baseUrl).login(account.email, TEST_PASSWORD)).status).toBe(200);
  });

  it("turning TOTP on when it is off needs no code, as before", async () => {
    const { client, account } = await signedInClient(server.baseUrl, server.db, "mentor");
    const start = await client.post("/api/account/totp", {});
    expect(start.status).toBe(200);
    expect((await client.post("/api/account/totp/confirm", { code: totpCodeNow(start.body.secret) })).status).toBe(200);
    expect((await auditOf(account.id, "totp.enrolled")).length).toBe(1);
  });
});
