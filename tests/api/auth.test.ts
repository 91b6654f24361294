import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOGIN_LIMITS } from "../../server/src/config";
import { createAccount, SessionClient, signedInClient, TEST_PASSWORD } from "../support/session-client";
import { startTestServer, type TestServer } from "../support/test-server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const sessionCount = (userId: number) =>
  server.db.get<{ n: number }>("SELECT count(*) AS n FROM sessions WHERE user_id = ?", [userId])!.n;

describe("login", () => {
  it("opens a session: user, CSRF token and an HttpOnly, SameSite=Lax cookie", async () => {
    const account = await createAccount(server.db, "mentor");
    const client = new SessionClient(server.baseUrl);
    const answer = await client.login(account.email.toUpperCase(), TEST_PASSWORD);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      user: { id: account.id, email: account.email, name: account.name, role: "mentor" },
      csrfToken: expect.stringMatching(/^[\w-]{40,}$/),
    });
    const cookie = answer.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^eig_session=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);
    expect((await client.get("/api/auth/me")).body.user.email).toBe(account.email);
  });

  it("refuses a wrong password and an unknown email alike, and logs both", async () => {
    const account = await createAccount(server.db, "evaluator");
    const wrong = await new SessionClient(server.baseUrl).login(account.email, "not the right one");
    const unknown = await new SessionClient(server.baseUrl).login("nobody@test.gouv.fr", "whatever password");
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.headers.get("set-cookie")).toBeNull();
    const logged = server.db.all<{ action: string; actorEmail: string }>(
      "SELECT action, actor_email AS actorEmail FROM audit_log WHERE action LIKE 'login.%' AND actor_email IN (?, ?)",
      [account.email, "nobody@test.gouv.fr"],
    );
    expect(logged).toEqual(
      expect.arrayContaining([
        { action: "login.failed", actorEmail: account.email },
        { action: "login.failed", actorEmail: "nobody@test.gouv.fr" },
      ]),
    );
  });

  it("gives a new session id at each login and ends the one it replaces", async () => {
    const account = await createAccount(server.db, "mentor");
    const client = new SessionClient(server.baseUrl);
    await client.login(account.email, TEST_PASSWORD);
    const first = client.cookie;
    await client.login(account.email, TEST_PASSWORD);
    expect(client.cookie).not.toBe(first);
    const stale = new SessionClient(server.baseUrl);
    stale.cookie = first;
    expect((await stale.get("/api/auth/me")).status).toBe(401);
    expect((await client.get("/api/auth/me")).status).toBe(200);
  });

  it("refuses a deactivated account", async () => {
    const { client, account } = await signedInClient(server.baseUrl, server.db, "mentor");
    server.db.run("UPDATE users SET is_active = 0 WHERE id = ?", [account.id]);
    expect((await client.get("/api/auth/me")).status).toBe(401);
    expect((await new SessionClient(server.baseUrl).login(account.email, TEST_PASSWORD)).status).toBe(401);
  });

  it("rejects a malformed body with 400 and writes no attempt", async () => {
    const before = server.db.get<{ n: number }>("SELECT count(*) AS n FROM login_attempts")!.n;
    const client = new SessionClient(server.baseUrl);
    expect((await client.request("POST", "/api/auth/login", "{not json", { "Content-Type": "application/json" })).status).toBe(400);
    expect((await client.post("/api/auth/login", { email: "a@b.fr", password: "x", admin: true })).status).toBe(400);
    expect(server.db.get<{ n: number }>("SELECT count(*) AS n FROM login_attempts")!.n).toBe(before);
  });
});

describe("sessions", () => {
  it("answer 401 without a session", async () => {
    const anonymous = new SessionClient(server.baseUrl);
    for (const path of ["/api/auth/me", "/api/challenges", "/api/stats/cohorts"]) {
      const answer = await anonymous.get(path);
      expect(answer.status).toBe(401);
      expect(answer.headers.get("content-type")).toContain("application/problem+json");
    }
    expect((await anonymous.get("/api/health")).status).toBe(200);
  });

  it("logout deletes the session on the server", async () => {
    const { client, account } = await signedInClient(server.baseUrl, server.db, "evaluator");
    const cookie = client.cookie;
    expect(sessionCount(account.id)).toBe(1);
    expect((await client.post("/api/auth/logout")).status).toBe(204);
    expect(sessionCount(account.id)).toBe(0);
    const replay = new SessionClient(server.baseUrl);
    replay.cookie = cookie;
    expect((await replay.get("/api/auth/me")).status).toBe(401);
  });

  it("expire after the idle time and after the absolute lifetime", async () => {
    const idle = await signedInClient(server.baseUrl, server.db, "evaluator");
    server.db.run("UPDATE sessions SET last_seen_at = '2020-01-01T00:00:00.000Z' WHERE user_id = ?", [idle.account.id]);
    expect((await idle.client.get("/api/auth/me")).status).toBe(401);

    const old = await signedInClient(server.baseUrl, server.db, "evaluator");
    server.db.run("UPDATE sessions SET expires_at = '2020-01-01T00:00:00.000Z' WHERE user_id = ?", [old.account.id]);
    expect((await old.client.get("/api/auth/me")).status).toBe(401);
    expect(sessionCount(old.account.id)).toBe(0);
  });

  it("store only a hash of the cookie's value", async () => {
    const { client, account } = await signedInClient(server.baseUrl, server.db, "mentor");
    const token = client.cookie!.split("=")[1];
    const { id } = server.db.get<{ id: string }>("SELECT id FROM sessions WHERE user_id = ?", [account.id])!;
    expect(id).not.toBe(token);
    expect(id).not.toContain(token);
  });
});

describe("CSRF", () => {
  it("refuses a write without the session's token, or with another session's", async () => {
    const { client } = await signedInClient(server.baseUrl, server.db, "admin");
    const other = await signedInClient(server.baseUrl, server.db, "admin");
    const body = { email: "csrf@test.gouv.fr", name: "CSRF", role: "mentor", password: "a-long-enough-password" };

    const missing = await client.request("POST", "/api/users", body, { "X-CSRF-Token": "" });
    const foreign = await client.request("POST", "/api/users", body, { "X-CSRF-Token": other.client.csrfToken! });
    expect(missing.status).toBe(403);
    expect(foreign.status).toBe(403);
    expect(server.db.get("SELECT 1 FROM users WHERE email = 'csrf@test.gouv.fr'")).toBeUndefined();

    expect((await client.post("/api/users", body)).status).toBe(201);
  });
});

describe("login throttling", () => {
  let throttled: TestServer;
  beforeAll(async () => {
    // Behind a trusted proxy on loopback, X-Forwarded-For tells the callers' addresses apart.
    // The account-wide delay and lock (tests/api/sign-in-throttling.test.ts) are set out of
    // reach here, so that these cases see the per-address counters alone.
    throttled = await startTestServer({
      env: { TRUST_PROXY: "loopback" },
      config: { login: { ...LOGIN_LIMITS, accountDelayAfter: 1_000, accountLockAfter: 1_000 } },
    });
  });
  afterAll(() => throttled.close());

  const from = (ip: string) => {
    const client = new SessionClient(throttled.baseUrl);
    return (email: string, password: string) =>
      client.request("POST", "/api/auth/login", { email, password }, { "X-Forwarded-For": ip });
  };

  it("answers 429 with Retry-After after 10 failures for one account from one address, without locking it out elsewhere", async () => {
    const mentor = await createAccount(throttled.db, "mentor");
    const stranger = from("203.0.113.5");
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      expect((await stranger(mentor.email, `wrong guess ${attempt}`)).status).toBe(401);
    }
    const blocked = await stranger(mentor.email, TEST_PASSWORD);
    expect(blocked.status).toBe(429);
    const retryAfter = Number(blocked.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(blocked.body.detail).toMatch(/Réessayez dans/);

    // The mentor, from their own office, still gets in.
    expect((await from("198.51.100.7")(mentor.email, TEST_PASSWORD)).status).toBe(200);
  });

  it("limits one address across many accounts", async () => {
    const sweeper = from("192.0.2.99");
    const limit = 100;
    for (let attempt = 0; attempt < limit; attempt += 1) {
      throttled.db.run("INSERT INTO login_attempts (email, ip, succeeded, at) VALUES (?, '192.0.2.99', 0, ?)", [
        `victim-${attempt}@test.gouv.fr`,
        new Date().toISOString(),
      ]);
    }
    const account = await createAccount(throttled.db, "evaluator");
    expect((await sweeper(account.email, TEST_PASSWORD)).status).toBe(429);
    expect((await from("192.0.2.100")(account.email, TEST_PASSWORD)).status).toBe(200);
  });
});

describe("hardening", () => {
  it("sends security headers with a strict Content-Security-Policy", async () => {
    const answer = await new SessionClient(server.baseUrl).get("/api/health");
    const csp = answer.headers.get("content-security-policy")!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(answer.headers.get("x-content-type-options")).toBe("nosniff");
    expect(answer.headers.get("x-powered-by")).toBeNull();
  });

  it("refuses a JSON body over 100 kB with 413 problem+json", async () => {
    const { client } = await signedInClient(server.baseUrl, server.db, "admin");
    const answer = await client.post("/api/users", { email: "big@test.gouv.fr", name: "x".repeat(200_000), role: "mentor", password: "a-long-enough-password" });
    expect(answer.status).toBe(413);
    expect(answer.headers.get("content-type")).toContain("application/problem+json");
  });

  it("marks the cookie Secure in production", async () => {
    const production = await startTestServer({ env: { NODE_ENV: "production" } });
    try {
      const account = await createAccount(production.db, "mentor");
      const answer = await new SessionClient(production.baseUrl).login(account.email, TEST_PASSWORD);
      expect(answer.headers.get("set-cookie")).toMatch(/; Secure/i);
    } finally {
      await production.close();
    }
  });

  it("never stores a password in clear in the database files", async () => {
    const { client } = await signedInClient(server.baseUrl, server.db, "admin");
    const password = "Un mot de passe très reconnaissable 4217";
    const created = await client.post("/api/users", { email: "clear@test.gouv.fr", name: "Clair", role: "mentor", password });
    expect(created.status).toBe(201);
    expect(JSON.stringify(created.body)).not.toContain(password);
    expect((await new SessionClient(server.baseUrl).login("clear@test.gouv.fr", password)).status).toBe(200);
    await new SessionClient(server.baseUrl).login("clear@test.gouv.fr", `${password} faux`);

    const hashes = server.db.all<{ h: string }>("SELECT password_hash AS h FROM users WHERE password_hash IS NOT NULL");
    expect(hashes.every(({ h }) => h.startsWith("scrypt$"))).toBe(true);
    const contents = [server.file, `${server.file}-wal`]
      .filter((file) => fs.existsSync(file))
      .map((file) => fs.readFileSync(file).toString("latin1") + fs.readFileSync(file).toString("utf8"));
    for (const content of contents) expect(content).not.toContain("reconnaissable 4217");
  });

  it("salts each password: the same password gives different hashes", async () => {
    const a = await createAccount(server.db, "mentor", { password: "the very same password" });
    const b = await createAccount(server.db, "mentor", { password: "the very same password" });
    const hash = (id: number) => server.db.get<{ h: string }>("SELECT password_hash AS h FROM users WHERE id = ?", [id])!.h;
    expect(hash(a.id)).not.toBe(hash(b.id));
  });
});
