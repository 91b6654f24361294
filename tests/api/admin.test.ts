import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureAdmin } from "../../server/src/auth/bootstrap";
import { projectRoot } from "../../server/src/config";
import { createAccount, SessionClient, signedInClient, TEST_PASSWORD } from "../support/session-client";
import { createTestDatabase } from "../support/test-database";
import { startTestServer, type TestServer } from "../support/test-server";
import { runUserCli } from "../support/user-cli";

let server: TestServer;
let admin: SessionClient;
let adminId: number;
beforeAll(async () => {
  server = await startTestServer();
  const signedIn = await signedInClient(server.baseUrl, server.db, "admin");
  admin = signedIn.client;
  adminId = signedIn.account.id;
});
afterAll(() => server.close());

const userCount = () => server.db.get<{ n: number }>("SELECT count(*) AS n FROM users")!.n;
const newUser = (overrides: Record<string, unknown> = {}) => ({
  email: `camille-${Math.random().toString(36).slice(2)}@test.gouv.fr`,
  name: "Camille Martin",
  role: "mentor",
  password: "une phrase de passe assez longue",
  ...overrides,
});

describe("POST /api/users", () => {
  it("creates an account that can sign in, and audits it without the password", async () => {
    const body = newUser();
    const answer = await admin.post("/api/users", body);
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({ id: expect.any(Number), email: body.email, name: body.name, role: "mentor" });
    expect((await new SessionClient(server.baseUrl).login(body.email, body.password)).status).toBe(200);

    const listed = (await admin.get("/api/users")).body.find((user: { id: number }) => user.id === answer.body.id);
    expect(listed).toMatchObject({ email: body.email, role: "mentor", isActive: true, challenges: [] });
    expect(JSON.stringify(listed)).not.toMatch(/password|scrypt/i);

    const audit = (await admin.get(`/api/audit?action=user.created&targetId=${answer.body.id}`)).body;
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({ actorId: adminId, after: { email: body.email, role: "mentor" } });
    expect(JSON.stringify(audit.items[0])).not.toContain(body.password);
  });

  it("answers 400 for a weak password or a bad email, and creates nothing", async () => {
    const before = userCount();
    const weak = await admin.post("/api/users", newUser({ password: "short pass" }));
    expect(weak.status).toBe(400);
    expect(weak.body.errors).toEqual([{ path: "body.password", message: expect.stringContaining("12 caractères") }]);
    const badEmail = await admin.post("/api/users", newUser({ email: "not-an-email" }));
    expect(badEmail.status).toBe(400);
    expect(badEmail.body.errors[0].path).toBe("body.email");
    expect((await admin.post("/api/users", newUser({ role: "superuser" }))).status).toBe(400);
    expect((await admin.post("/api/users", { ...newUser(), isAdmin: true })).status).toBe(400);
    expect(userCount()).toBe(before);
  });

  it("answers 409 for an email already used, whatever its case", async () => {
    const body = newUser();
    expect((await admin.post("/api/users", body)).status).toBe(201);
    const before = userCount();
    const duplicate = await admin.post("/api/users", { ...body, email: body.email.toUpperCase() });
    expect(duplicate.status).toBe(409);
    expect(duplicate.headers.get("content-type")).toContain("application/problem+json");
    expect(userCount()).toBe(before);
  });
});

describe("PATCH /api/users/:id", () => {
  it("changes the role and deactivates, each ending the account's sessions", async () => {
    const { client: first, account } = await signedInClient(server.baseUrl, server.db, "mentor");
    const promoted = await admin.patch(`/api/users/${account.id}`, { role: "evaluator" });
    expect(promoted.status).toBe(200);
    expect(promoted.body).toMatchObject({ role: "evaluator", isActive: true });
    // The session opened as a mentor is closed; a new sign-in has the new role.
    expect((await first.get("/api/auth/me")).status).toBe(401);
    const client = new SessionClient(server.baseUrl);
    expect((await client.login(account.email, TEST_PASSWORD)).status).toBe(200);
    expect((await client.get("/api/auth/me")).body.user.role).toBe("evaluator");

    expect((await admin.patch(`/api/users/${account.id}`, { isActive: false })).body.isActive).toBe(false);
    expect((await client.get("/api/auth/me")).status).toBe(401);

    const audit = (await admin.get(`/api/audit?action=user.updated&targetId=${account.id}`)).body.items;
    expect(audit[0]).toMatchObject({ before: { isActive: true }, after: { isActive: false } });
    expect(audit[1]).toMatchObject({ before: { role: "mentor" }, after: { role: "evaluator" } });
  });

  it("keeps at least one active admin", async () => {
    const lone = await startTestServer();
    try {
      const { client, account } = await signedInClient(lone.baseUrl, lone.db, "admin");
      const answer = await client.patch(`/api/users/${account.id}`, { role: "mentor" });
      expect(answer.status).toBe(409);
      expect((await client.patch(`/api/users/${account.id}`, { isActive: false })).status).toBe(409);
      expect((await client.get("/api/auth/me")).body.user.role).toBe("admin");
    } finally {
      await lone.close();
    }
  });

  it("answers 404 for an unknown account and 400 for an empty or unknown change", async () => {
    expect((await admin.patch("/api/users/999999", { name: "X" })).status).toBe(404);
    expect((await admin.patch(`/api/users/${adminId}`, {})).status).toBe(400);
    expect((await admin.patch(`/api/users/${adminId}`, { email: "x@y.fr" })).status).toBe(400);
    expect((await admin.patch("/api/users/abc", { name: "X" })).status).toBe(400);
  });
});

describe("POST /api/users/:id/password-reset", () => {
  it("never shows nor sets a password: without SMTP the admin gets a reset link, once; using it ends the sessions", async () => {
    const { client, account } = await signedInClient(server.baseUrl, server.db, "evaluator");
    const answer = await admin.post(`/api/users/${account.id}/password-reset`);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ emailSent: false, link: expect.stringMatching(/\/mot-de-passe\/nouveau#[A-Za-z0-9_-]{43}$/) });
    expect(JSON.stringify(answer.body)).not.toContain(TEST_PASSWORD);
    // Nothing changes until the person uses the link.
    expect((await client.get("/api/auth/me")).status).toBe(200);
    const token = answer.body.link.split("#")[1];
    const anonymous = new SessionClient(server.baseUrl);
    expect((await anonymous.post("/api/auth/password-reset", { token, password: "une nouvelle phrase de passe" })).status).toBe(204);
    expect((await client.get("/api/auth/me")).status).toBe(401);
    expect((await new SessionClient(server.baseUrl).login(account.email, TEST_PASSWORD)).status).toBe(401);
    expect((await new SessionClient(server.baseUrl).login(account.email, "une nouvelle phrase de passe")).status).toBe(200);
    const audit = (await admin.get(`/api/audit?action=user.password_reset_sent&targetId=${account.id}`)).body.items;
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(token);
  });
});

describe("PUT /api/challenges/:slug/mentors", () => {
  it("assigns mentors, shown on the challenge and in the users list, and audited", async () => {
    const first = await createAccount(server.db, "mentor", { name: "Aline Mentor" });
    const second = await createAccount(server.db, "mentor", { name: "Bruno Mentor" });
    const answer = await admin.put("/api/challenges/cartobio/mentors", { userIds: [second.id, first.id] });
    expect(answer.status).toBe(200);
    expect(answer.body.mentors).toEqual([
      { id: first.id, name: "Aline Mentor" },
      { id: second.id, name: "Bruno Mentor" },
    ]);
    expect((await admin.get("/api/challenges/cartobio")).body.mentors).toEqual(answer.body.mentors);
    const users = (await admin.get("/api/users")).body;
    expect(users.find((u: { id: number }) => u.id === first.id).challenges).toEqual([{ slug: "cartobio", title: "CartoBio" }]);

    const replaced = await admin.put("/api/challenges/cartobio/mentors", { userIds: [first.id] });
    expect(replaced.body.mentors).toEqual([{ id: first.id, name: "Aline Mentor" }]);
    const audit = (await admin.get("/api/audit?action=challenge.mentors_updated&targetId=cartobio")).body.items;
    expect(audit[0].before).toHaveLength(2);
    expect(audit[0].after).toEqual([{ id: first.id, name: "Aline Mentor" }]);
  });

  it("refuses an account that is not an active mentor, and changes nothing", async () => {
    const mentor = await createAccount(server.db, "mentor");
    const evaluator = await createAccount(server.db, "evaluator");
    await admin.put("/api/challenges/enki/mentors", { userIds: [mentor.id] });
    const answer = await admin.put("/api/challenges/enki/mentors", { userIds: [mentor.id, evaluator.id, 999999] });
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: { message: string }) => e.message).join(" ")).toMatch(String(evaluator.id));
    expect((await admin.get("/api/challenges/enki")).body.mentors.map((m: { id: number }) => m.id)).toEqual([mentor.id]);
    expect((await admin.put("/api/challenges/nexiste-pas/mentors", { userIds: [] })).status).toBe(404);
  });
});

describe("GET /api/audit", () => {
  it("lists newest first, paginated and filterable, with actor id, name and email", async () => {
    for (let i = 0; i < 3; i += 1) await admin.post("/api/users", newUser({ name: `Page ${i}` }));
    const firstPage = (await admin.get("/api/audit?action=user.created&pageSize=2")).body;
    expect(firstPage.items).toHaveLength(2);
    expect(firstPage.total).toBeGreaterThanOrEqual(3);
    expect(firstPage.items[0].id).toBeGreaterThan(firstPage.items[1].id);
    expect(firstPage.items[0]).toMatchObject({ actorId: adminId, actorName: expect.any(String), actorEmail: expect.stringContaining("@") });
    const secondPage = (await admin.get("/api/audit?action=user.created&pageSize=2&page=2")).body;
    expect(secondPage.items[0].id).toBeLessThan(firstPage.items[1].id);
    expect(firstPage.actions).toEqual(expect.arrayContaining(["user.created", "login.succeeded"]));

    const today = new Date().toISOString().slice(0, 10);
    expect((await admin.get(`/api/audit?from=${today}&to=${today}`)).body.total).toBeGreaterThan(0);
    expect((await admin.get("/api/audit?to=2000-01-01")).body.total).toBe(0);
    expect((await admin.get("/api/audit?pageSize=1000")).status).toBe(400);
    expect((await admin.get("/api/audit?from=2024-02-30")).status).toBe(400);
  });
});

describe("administrator bootstrap", () => {
  it("creates the admin of ADMIN_EMAIL and ADMIN_PASSWORD once", async () => {
    const database = createTestDatabase();
    try {
      const env = { ADMIN_EMAIL: "Programme@Test.gouv.fr", ADMIN_PASSWORD: "a strong admin password" };
      expect(await ensureAdmin(database.db, env)).toEqual({ created: true, email: "programme@test.gouv.fr" });
      expect(await ensureAdmin(database.db, env)).toEqual({ created: false });
      const admins = database.db.all("SELECT email FROM users WHERE role = 'admin'");
      expect(admins).toEqual([{ email: "programme@test.gouv.fr" }]);
    } finally {
      database.dispose();
    }
  });

  it("generates a password when none is given, and refuses a weak one", async () => {
    const database = createTestDatabase();
    try {
      await expect(ensureAdmin(database.db, { ADMIN_PASSWORD: "short" })).rejects.toThrow(/12 characters/);
      const result = await ensureAdmin(database.db, {});
      expect(result).toMatchObject({ created: true, generatedPassword: expect.stringMatching(/^.{12,}$/) });
    } finally {
      database.dispose();
    }
  });

  it("prints the generated password once, at the first start of the real server", () => {
    const database = createTestDatabase({ seed: false });
    database.db.close();
    const start = () =>
      spawnSync("npx", ["tsx", "-e", "process.env.PORT='0'; import('./server/src/main.ts').then(() => setTimeout(() => process.kill(process.pid, 'SIGTERM'), 500))"], {
        cwd: projectRoot,
        env: { ...process.env, DATABASE_PATH: database.file, ADMIN_EMAIL: "", ADMIN_PASSWORD: "", HOST: "127.0.0.1" },
        encoding: "utf8",
        timeout: 20_000,
      });
    const first = start();
    expect(first.stdout).toMatch(/Mot de passe \(affiché cette seule fois[^:]*\) : \S{12,}/);
    expect(first.stdout).toContain("Catalogue chargé : 71 défis.");
    const second = start();
    expect(second.stdout).not.toMatch(/Mot de passe/);
    expect(second.stdout).toContain("Tableau de bord servi sur");
    database.dispose();
  });
});

describe("npm run user", () => {
  it("creates an account and resets its password from the command line", () => {
    const database = createTestDatabase({ seed: false });
    database.db.close();
    const cli = (...args: string[]) => runUserCli(database.file, args);
    const created = cli("create", "--email", "Dominique@Test.gouv.fr", "--name", "Dominique", "--role", "mentor");
    expect(created.status).toBe(0);
    expect(created.stdout).toContain("Compte mentor créé pour dominique@test.gouv.fr");
    const firstPassword = created.stdout.match(/: (\S{12,})\n?$/m)?.[1];
    expect(firstPassword).toBeDefined();

    expect(cli("create", "--email", "dominique@test.gouv.fr", "--name", "Bis", "--role", "mentor").status).toBe(1);
    expect(cli("create", "--email", "x@test.gouv.fr", "--name", "X", "--role", "king").status).toBe(1);

    const reset = cli("reset-password", "--email", "dominique@test.gouv.fr");
    expect(reset.status).toBe(0);
    const secondPassword = reset.stdout.match(/: (\S{12,})\n?$/m)?.[1];
    expect(secondPassword).toBeDefined();
    expect(secondPassword).not.toBe(firstPassword);
    expect(cli("reset-password", "--email", "nobody@test.gouv.fr").status).toBe(1);
    database.dispose();
  });
});
