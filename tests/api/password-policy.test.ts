// A new password is refused when it is one of the most common or breached passwords, a
// single repeated character, or the account's own email (or what precedes « @ »), on every
// path that sets one: account creation, invitation, reset link, command line, first admin.
// The refusal says why, on the password field, and nothing is written.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureAdmin } from "../../server/src/auth/bootstrap";
import { PASSWORD_PROBLEMS } from "../../server/src/auth/password-policy";
import { openDatabase } from "../../server/src/db/database";
import { createAccount, SessionClient, signedInClient } from "../support/session-client";
import { createTestDatabase } from "../support/test-database";
import { startTestServer, type TestServer } from "../support/test-server";
import { runUserCli } from "../support/user-cli";

let server: TestServer;
let admin: SessionClient;
beforeAll(async () => {
  // No SMTP_URL: links come back to the admin, who hands them over.
  server = await startTestServer();
  admin = (await signedInClient(server.baseUrl, server.db, "admin")).client;
});
afterAll(() => server.close());

let sequence = 0;
const newEmail = () => `camille.martin.${(sequence += 1)}@test.gouv.fr`;

/** Each kind of weak password for the account `email`, with the message it gets. */
const weakPasswords = (email: string) => [
  { kind: "common, in other case", password: "1QAZ2wsx3EDC", message: PASSWORD_PROBLEMS.common },
  { kind: "common", password: "administrator", message: PASSWORD_PROBLEMS.common },
  { kind: "one repeated character", password: "aaaaaaaaaaaa", message: PASSWORD_PROBLEMS.repeated },
  { kind: "the email", password: email.toUpperCase(), message: PASSWORD_PROBLEMS.email },
  { kind: "the email's local part", password: email.split("@")[0], message: PASSWORD_PROBLEMS.email },
];
const GOOD = "trois chats gris dorment au soleil";

const expectRefused = (answer: { status: number; headers: Headers; body: any }, message: string) => {
  expect(answer.status).toBe(400);
  expect(answer.headers.get("content-type")).toContain("application/problem+json");
  expect(answer.body.errors).toEqual([{ path: "body.password", message }]);
};
const count = (sql: string, params: unknown[] = []) => server.db.get<{ n: number }>(sql, params)!.n;
const auditCount = () => count("SELECT count(*) AS n FROM audit_log");

describe("weak passwords are refused with their reason, and nothing is written", () => {
  it("POST /api/users", async () => {
    const email = newEmail();
    for (const weak of weakPasswords(email)) {
      const [users, audit] = [count("SELECT count(*) AS n FROM users"), auditCount()];
      expectRefused(await admin.post("/api/users", { email, name: "Camille Martin", role: "mentor", password: weak.password }), weak.message);
      expect([count("SELECT count(*) AS n FROM users"), auditCount()], weak.kind).toEqual([users, audit]);
    }
    expect((await admin.post("/api/users", { email, name: "Camille Martin", role: "mentor", password: GOOD })).status).toBe(201);
    expect((await new SessionClient(server.baseUrl).login(email, GOOD)).status).toBe(200);
  });

  it("accepting an invitation", async () => {
    const email = newEmail();
    const invited = await admin.post("/api/invitations", { email, name: "Camille Martin", role: "evaluator", challenges: [] });
    expect(invited.status).toBe(201);
    const token = (invited.body.link as string).split("#")[1];
    const anonymous = new SessionClient(server.baseUrl);
    for (const weak of weakPasswords(email)) {
      const [users, audit] = [count("SELECT count(*) AS n FROM users"), auditCount()];
      expectRefused(await anonymous.post("/api/invitations/accept", { token, password: weak.password }), weak.message);
      expect([count("SELECT count(*) AS n FROM users"), auditCount()], weak.kind).toEqual([users, audit]);
      expect(anonymous.cookie).toBeUndefined();
    }
    // The link still works, with a good passphrase.
    expect((await anonymous.post("/api/invitations/accept", { token, password: GOOD })).status).toBe(200);
  });

  it("completing a password reset", async () => {
    const account = await createAccount(server.db, "mentor", { email: newEmail() });
    const sent = await admin.post(`/api/users/${account.id}/password-reset`);
    expect(sent.status).toBe(200);
    const token = (sent.body.link as string).split("#")[1];
    const hash = () => server.db.get<{ h: string }>("SELECT password_hash AS h FROM users WHERE id = ?", [account.id])!.h;
    const before = hash();
    const anonymous = new SessionClient(server.baseUrl);
    for (const weak of weakPasswords(account.email)) {
      const audit = auditCount();
      expectRefused(await anonymous.post("/api/auth/password-reset", { token, password: weak.password }), weak.message);
      expect([hash(), auditCount()], weak.kind).toEqual([before, audit]);
    }
    expect(count("SELECT count(*) AS n FROM password_resets WHERE user_id = ? AND used_at IS NOT NULL", [account.id])).toBe(0);
    expect((await anonymous.post("/api/auth/password-reset", { token, password: GOOD })).status).toBe(204);
    expect((await new SessionClient(server.baseUrl).login(account.email, GOOD)).status).toBe(200);
  });
});

describe("outside the API", () => {
  it("ADMIN_PASSWORD: a clear startup error, no admin created", async () => {
    const database = createTestDatabase();
    try {
      const email = "programme.eig@test.gouv.fr";
      for (const weak of weakPasswords(email)) {
        await expect(ensureAdmin(database.db, { ADMIN_EMAIL: email, ADMIN_PASSWORD: weak.password }), weak.kind).rejects.toThrow(weak.message);
      }
      expect(database.db.get("SELECT 1 FROM users")).toBeUndefined();
      expect(await ensureAdmin(database.db, { ADMIN_EMAIL: email, ADMIN_PASSWORD: GOOD })).toEqual({ created: true, email });
    } finally {
      database.dispose();
    }
  });

  it("npm run user with --password-stdin: refused with the reason, nothing written", () => {
    const database = createTestDatabase({ seed: false });
    database.db.close();
    const cli = (input: string, ...args: string[]) => runUserCli(database.file, [...args, "--password-stdin"], input);
    const email = "dominique.lefebvre@test.gouv.fr";
    const common = cli("1qaz2wsx3edc", "create", "--email", email, "--name", "Dominique", "--role", "mentor");
    expect(common.status).toBe(1);
    expect(common.stderr).toContain(PASSWORD_PROBLEMS.common);
    const repeated = cli("zzzzzzzzzzzzzzzz", "create", "--email", email, "--name", "Dominique", "--role", "mentor");
    expect(repeated.status).toBe(1);
    expect(repeated.stderr).toContain(PASSWORD_PROBLEMS.repeated);
    const hash = () => {
      const db = openDatabase(database.file);
      try {
        return db.get<{ h: string }>("SELECT password_hash AS h FROM users WHERE email = ?", [email])?.h;
      } finally {
        db.close();
      }
    };
    expect(hash()).toBeUndefined();

    expect(cli(GOOD, "create", "--email", email, "--name", "Dominique", "--role", "mentor").status).toBe(0);
    const before = hash();
    const reset = cli("Dominique.Lefebvre", "reset-password", "--email", email);
    expect(reset.status).toBe(1);
    expect(reset.stderr).toContain(PASSWORD_PROBLEMS.email);
    expect(hash()).toBe(before);
    database.dispose();
  });
});
