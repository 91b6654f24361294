// The audit log tells the truth about sign-ins: `login.succeeded` is written when a session
// opens, once, with how it was opened; a password step that a second factor follows is not a
// sign-in; a wrong second factor has its own entry and counts toward the throttling.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount, nextSecondFactorCode, SessionClient, signedInClient, totpCodeNow, TEST_PASSWORD } from "../support/session-client";
import { startTestServer, type TestServer } from "../support/test-server";
import { LOGIN_LIMITS } from "../../server/src/config";

let server: TestServer;
let admin: SessionClient;

beforeAll(async () => {
  // Small limits: the throttling case below reaches them in a few tries.
  server = await startTestServer({ config: { login: { ...LOGIN_LIMITS, maxFailuresPerAccount: 4, maxFailuresPerAddress: 1000 } } });
  admin = (await signedInClient(server.baseUrl, server.db, "admin")).client;
});
afterAll(() => server.close());

interface Entry {
  action: string;
  actorEmail: string;
  targetId: string;
  after: Record<string, unknown> | null;
}

/** The account's sign-in entries, oldest first, read back through the admin's audit page. */
async function signInEntries(userId: number): Promise<Entry[]> {
  const answer = await admin.get(`/api/audit?targetType=user&targetId=${userId}&pageSize=200`);
  expect(answer.status).toBe(200);
  return (answer.body.items as Entry[]).filter((entry) => entry.action.startsWith("login.")).reverse();
}
const actions = (entries: Entry[]) => entries.map((entry) => entry.action);

describe("sign-in audit", () => {
  it("a TOTP admin's password step alone writes no login.succeeded; the full sign-in writes exactly one, with its method", async () => {
    const account = await createAccount(server.db, "admin");
    const client = new SessionClient(server.baseUrl);
    expect((await client.login(account.email, TEST_PASSWORD, { passwordOnly: true })).status).toBe(202);
    const afterPassword = await signInEntries(account.id);
    expect(actions(afterPassword)).toEqual(["login.password_accepted"]);
    expect(afterPassword[0].after).toEqual({ next: "totp" });

    const opened = await client.post("/api/auth/login/totp", { code: await nextSecondFactorCode(account.email) });
    expect(opened.status).toBe(200);
    const entries = await signInEntries(account.id);
    expect(actions(entries)).toEqual(["login.password_accepted", "login.succeeded"]);
    expect(entries[1]).toMatchObject({ actorEmail: account.email, after: { method: "password+totp" } });
    // « Mon compte » says the same of the session it is read in.
    expect((await client.get("/api/account")).body.signInMethod).toBe("password+totp");
    const mentor = await signedInClient(server.baseUrl, server.db, "mentor");
    expect((await mentor.client.get("/api/account")).body.signInMethod).toBe("password");
  });

  it("a wrong code writes login.second_factor_failed (the kind of code, never the code), and no login.succeeded", async () => {
    const account = await createAccount(server.db, "admin");
    const client = new SessionClient(server.baseUrl);
    await client.login(account.email, TEST_PASSWORD, { passwordOnly: true });
    expect((await client.post("/api/auth/login/totp", { code: "000000" })).status).toBe(401);
    expect((await client.post("/api/auth/login/totp", { code: "abcde-fghjk" })).status).toBe(401);
    const entries = await signInEntries(account.id);
    expect(actions(entries)).toEqual(["login.password_accepted", "login.second_factor_failed", "login.second_factor_failed"]);
    expect(entries[1].after).toEqual({ step: "code", code: "totp" });
    expect(entries[2].after).toEqual({ step: "code", code: "recovery_code" });
    expect(JSON.stringify(entries)).not.toContain("000000");
  });

  it("wrong codes count toward the throttling: past the limit even the right code is refused (429)", async () => {
    const account = await createAccount(server.db, "admin");
    const client = new SessionClient(server.baseUrl);
    await client.login(account.email, TEST_PASSWORD, { passwordOnly: true });
    // The pending login closes after 5 wrong codes; the limit (4 here) comes first.
    for (let attempt = 0; attempt < 4; attempt += 1) expect((await client.post("/api/auth/login/totp", { code: "111111" })).status).toBe(401);
    const refused = await client.post("/api/auth/login/totp", { code: await nextSecondFactorCode(account.email) });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await client.get("/api/auth/me")).status).toBe(401);
    expect(actions(await signInEntries(account.id)).filter((action) => action === "login.succeeded")).toEqual([]);
  });

  it("a password-only account: one login.succeeded, method password; a wrong password: login.failed only", async () => {
    const account = await createAccount(server.db, "mentor");
    expect((await new SessionClient(server.baseUrl).login(account.email, "pas le bon mot de passe")).status).toBe(401);
    expect((await new SessionClient(server.baseUrl).login(account.email, TEST_PASSWORD)).status).toBe(200);
    const entries = await signInEntries(account.id);
    expect(actions(entries)).toEqual(["login.failed", "login.succeeded"]);
    expect(entries[1].after).toEqual({ method: "password" });
  });

  it("an admin enrolling at first sign-in: a wrong first code is a failed second factor; the session opens with password+totp", async () => {
    const account = await createAccount(server.db, "admin", { totp: false });
    const client = new SessionClient(server.baseUrl);
    expect((await client.login(account.email, TEST_PASSWORD, { passwordOnly: true })).body).toEqual({ next: "totp-enrolment" });
    const { secret } = (await client.post("/api/auth/login/totp-enrolment", {})).body;
    expect((await client.post("/api/auth/login/totp-enrolment/confirm", { code: totpCodeNow(secret, 5) })).status).toBe(401);
    expect((await client.post("/api/auth/login/totp-enrolment/confirm", { code: totpCodeNow(secret) })).status).toBe(200);
    const entries = await signInEntries(account.id);
    expect(actions(entries)).toEqual(["login.password_accepted", "login.second_factor_failed", "login.succeeded"]);
    expect(entries[0].after).toEqual({ next: "totp-enrolment" });
    expect(entries[1].after).toEqual({ step: "enrolment", code: "totp" });
    expect(entries[2].after).toEqual({ method: "password+totp", totpEnrolled: true });
  });

  it("an invitee choosing a password is signed in: login.succeeded, method password, with the invitation", async () => {
    const email = `invite-${Math.random().toString(36).slice(2, 8)}@test.gouv.fr`;
    // Without SMTP the admin gets the link to hand over.
    const created = await admin.post("/api/invitations", { email, name: "Ivo Invité", role: "evaluator" });
    expect(created.status).toBe(201);
    const token = /#([A-Za-z0-9_-]{43})$/.exec(created.body.link)![1];
    const accepted = await new SessionClient(server.baseUrl).post("/api/invitations/accept", { token, password: "une phrase de passe choisie" });
    expect(accepted.status).toBe(200);
    const entries = await signInEntries(accepted.body.user.id);
    expect(actions(entries)).toEqual(["login.succeeded"]);
    expect(entries[0].after).toEqual({ method: "password", invitationId: created.body.invitation.id });
  });

  it("a wrong code from « Mon compte » (a session exists) is totp.failed, not a failed sign-in", async () => {
    const { client, account } = await signedInClient(server.baseUrl, server.db, "admin");
    expect((await client.post("/api/account/totp/disable", { code: "000000" })).status).toBe(400);
    const audit = (await admin.get(`/api/audit?targetId=${account.id}&action=totp.failed`)).body.items as Entry[];
    expect(audit).toHaveLength(1);
    expect(audit[0].after).toEqual({ step: "account", code: "totp" });
    expect(actions(await signInEntries(account.id))).not.toContain("login.second_factor_failed");
  });
});
