// Account-wide sign-in throttling (docs/decisions/0008-sign-in-hardening.md): a guesser who
// rotates addresses is slowed then locked out of the account, its holder gets one email and
// the audit log says so; people sharing an office address are not locked out by someone
// else's failures when they give a right password and a right second factor.
// The production limits (LOGIN_LIMITS) are used as they are; instead of waiting for a delay
// to run out, the test ages the recorded attempts in the database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOGIN_LIMITS } from "../../server/src/config";
import { createAccount, nextSecondFactorCode, SessionClient, TEST_PASSWORD } from "../support/session-client";
import { startSmtpSink, type ReceivedMail, type SmtpSink } from "../support/smtp-sink";
import { startTestServer, type TestServer } from "../support/test-server";

let sink: SmtpSink;
let server: TestServer;

beforeAll(async () => {
  sink = await startSmtpSink();
  // Behind a trusted proxy on loopback, X-Forwarded-For tells the callers' addresses apart.
  server = await startTestServer({ env: { TRUST_PROXY: "loopback", SMTP_URL: sink.url, PUBLIC_URL: "https://suivi-eig.example.gouv.fr" } });
});
afterAll(async () => {
  await server.close();
  await sink.close();
});

let addressCount = 0;
/** A new caller's address each time: the guesser rotates. */
const freshAddress = () => {
  addressCount += 1;
  return `198.18.${Math.floor(addressCount / 250)}.${(addressCount % 250) + 1}`;
};

const login = (email: string, password: string, ip = freshAddress(), client = new SessionClient(server.baseUrl)) =>
  client.request("POST", "/api/auth/login", { email, password }, { "X-Forwarded-For": ip });
const code = (client: SessionClient, value: string, ip: string) =>
  client.request("POST", "/api/auth/login/totp", { code: value }, { "X-Forwarded-For": ip });

/** Moves every recorded attempt of `key` back in time, as if the test had waited. */
const age = (key: string, seconds: number) =>
  server.db.run("UPDATE login_attempts SET at = strftime('%Y-%m-%dT%H:%M:%fZ', at, ?) WHERE email = ?", [`-${seconds} seconds`, key]);

/** Failures recorded directly (a guesser's earlier work), spread over the last minutes, from many addresses. */
function pastFailures(key: string, count: number, ip = () => freshAddress()) {
  for (let index = 0; index < count; index += 1) {
    server.db.run("INSERT INTO login_attempts (email, ip, succeeded, at) VALUES (?, ?, 0, ?)", [
      key,
      ip(),
      new Date(Date.now() - (10 * 60 - index * 20) * 1000).toISOString(),
    ]);
  }
}

const lockEntries = (email: string) =>
  server.db
    .all<{ actorId: number | null; targetId: string | null; after: string }>(
      "SELECT actor_id AS actorId, target_id AS targetId, after FROM audit_log WHERE action = 'login.locked' AND actor_email = ?",
      [email],
    )
    .map((entry) => ({ ...entry, after: JSON.parse(entry.after) }));

const LOCK_SUBJECT = /bloquée temporairement/;
const lockMails = (email: string) => sink.messages.filter((mail) => mail.to.includes(email) && LOCK_SUBJECT.test(mail.subject));

const waitForMail = (email: string, matches: (mail: ReceivedMail) => boolean): Promise<ReceivedMail> =>
  sink.waitForMail(`to ${email} of that kind`, (mail) => mail.to.includes(email) && matches(mail));

describe("account-wide throttling of passwords", () => {
  it("slows then locks an account guessed from many addresses: 429 with Retry-After, one email to the holder, login.locked, the right password refused until a reset through the emailed link", async () => {
    const mentor = await createAccount(server.db, "mentor", { name: "Camille Martin" });
    const limits = LOGIN_LIMITS;
    expect(limits.accountLockAfter).toBeGreaterThan(limits.accountDelayAfter);

    // A few failures from as many addresses: no delay (typos).
    for (let attempt = 1; attempt <= limits.accountDelayAfter; attempt += 1) {
      expect((await login(mentor.email, `wrong guess ${attempt}`)).status).toBe(401);
    }
    // Past them, each new attempt waits a delay that doubles with each failure, from any address.
    for (let failures = limits.accountDelayAfter; failures < limits.accountLockAfter; failures += 1) {
      const delay = Math.min(limits.accountDelayMaxSeconds, limits.accountDelayBaseSeconds * 2 ** (failures - limits.accountDelayAfter));
      if (delay === limits.accountDelayMaxSeconds && failures < limits.accountLockAfter - 1) {
        // Even the right password is refused while the delay runs.
        const delayed = await login(mentor.email, TEST_PASSWORD);
        expect(delayed.status).toBe(429);
        expect(Number(delayed.headers.get("retry-after"))).toBeGreaterThan(delay / 2);
        expect(Number(delayed.headers.get("retry-after"))).toBeLessThanOrEqual(delay);
        expect(delayed.headers.get("set-cookie")).toBeNull();
        // The reason and the wait, for the page to say it in the reader's language.
        expect(delayed.body).toMatchObject({ reason: "sign_in_throttled", retryAfterSeconds: Number(delayed.headers.get("retry-after")) });
      }
      // The delay run out, a new address tries once more, until the lock.
      age(mentor.email, delay + 1);
      expect((await login(mentor.email, `guess number ${failures}`)).status).toBe(401);
    }
    const [entry] = lockEntries(mentor.email);
    expect(lockEntries(mentor.email)).toHaveLength(1);
    expect(entry.targetId).toBe(String(mentor.id));
    expect(entry.after).toMatchObject({ factor: "password", failures: limits.accountLockAfter, emailSent: true });

    // Locked: even the right password, from an address never seen, long after the last failure.
    age(mentor.email, limits.accountDelayMaxSeconds + 1);
    const locked = await login(mentor.email, TEST_PASSWORD);
    expect(locked.status).toBe(429);
    const retryAfter = Number(locked.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan((limits.accountLockMinutes - 2) * 60);
    expect(retryAfter).toBeLessThanOrEqual(limits.accountLockMinutes * 60);
    expect(locked.body.detail).toMatch(/Mot de passe oublié/);
    expect(locked.body).toMatchObject({ reason: "account_locked", retryAfterSeconds: retryAfter });
    expect(locked.headers.get("set-cookie")).toBeNull();
    expect((await login(mentor.email, "another guess")).status).toBe(429);

    // One email to the holder, in French: what happened, when it lifts, what to do.
    const mail = await waitForMail(mentor.email, (received) => LOCK_SUBJECT.test(received.subject));
    expect(mail.text).toContain("Bonjour Camille Martin");
    expect(mail.text).toContain(`${limits.accountLockAfter} tentatives de connexion`);
    expect(mail.text).toMatch(/bloquée jusqu'au .+ \(heure de Paris\)/);
    expect(mail.text).toMatch(/Si ce n'était pas vous/);
    const token = /https:\/\/suivi-eig\.example\.gouv\.fr\/mot-de-passe\/nouveau#([\w-]{43})/.exec(mail.text)![1];

    // The emailed link sets a new password and lifts the lock at once.
    const anonymous = new SessionClient(server.baseUrl);
    expect((await anonymous.post("/api/auth/password-reset", { token, password: "une toute nouvelle phrase de passe" })).status).toBe(204);
    expect((await login(mentor.email, "une toute nouvelle phrase de passe")).status).toBe(200);

    // Still one lock email: a "forgot password" email sent after everything arrives alone.
    await anonymous.post("/api/auth/password-reset/request", { email: mentor.email });
    await waitForMail(mentor.email, (received) => /Réinitialisation/.test(received.subject));
    expect(lockMails(mentor.email)).toHaveLength(1);
  });

  it("locks an unknown email the same way (same answers), with an audit entry and no email", async () => {
    const email = `nobody-${Date.now()}@test.gouv.fr`;
    const mentor = await createAccount(server.db, "mentor");
    pastFailures(email, LOGIN_LIMITS.accountLockAfter - 1);
    pastFailures(mentor.email, LOGIN_LIMITS.accountLockAfter - 1);
    const unknownLast = await login(email, "last guess");
    const knownLast = await login(mentor.email, "last guess");
    expect(unknownLast.status).toBe(401);
    expect(knownLast.status).toBe(401);
    const unknownLocked = await login(email, "whatever");
    const knownLocked = await login(mentor.email, TEST_PASSWORD);
    expect(unknownLocked.status).toBe(429);
    expect(knownLocked.status).toBe(429);
    expect(unknownLocked.body).toEqual(knownLocked.body);
    expect(lockEntries(email)).toEqual([
      { actorId: null, targetId: null, after: expect.objectContaining({ factor: "password", emailSent: false }) },
    ]);
    await waitForMail(mentor.email, (received) => LOCK_SUBJECT.test(received.subject));
    expect(sink.messages.some((mail) => mail.to.includes(email))).toBe(false);
  });
});

describe("account-wide throttling of second-factor codes", () => {
  it("locks the codes after wrong ones from many addresses: the right code refused, one email saying the password is known, login.locked", async () => {
    const mentor = await createAccount(server.db, "mentor", { totp: true });
    const key = `${mentor.email}#totp`;
    pastFailures(key, LOGIN_LIMITS.accountLockAfter - 1);

    const ip = freshAddress();
    const client = new SessionClient(server.baseUrl);
    expect((await login(mentor.email, TEST_PASSWORD, ip, client)).status).toBe(202);
    expect((await code(client, "000000", ip)).status).toBe(401);
    expect(lockEntries(mentor.email)).toEqual([
      { actorId: mentor.id, targetId: String(mentor.id), after: expect.objectContaining({ factor: "second_factor", failures: LOGIN_LIMITS.accountLockAfter }) },
    ]);

    const right = await code(client, await nextSecondFactorCode(mentor.email), ip);
    expect(right.status).toBe(429);
    expect(Number(right.headers.get("retry-after"))).toBeGreaterThan((LOGIN_LIMITS.accountLockMinutes - 2) * 60);
    // From elsewhere too, after a right password.
    const elsewhere = new SessionClient(server.baseUrl);
    const otherIp = freshAddress();
    expect((await login(mentor.email, TEST_PASSWORD, otherIp, elsewhere)).status).toBe(202);
    expect((await code(elsewhere, await nextSecondFactorCode(mentor.email), otherIp)).status).toBe(429);
    expect((await elsewhere.get("/api/auth/me")).status).toBe(401);

    const mail = await waitForMail(mentor.email, (received) => LOCK_SUBJECT.test(received.subject));
    expect(mail.text).toMatch(/codes de vérification erronés/);
    expect(mail.text).toMatch(/quelqu'un connaît votre mot de passe/);
    expect(lockMails(mentor.email)).toHaveLength(1);
  });

  it("delays codes past a few failures across addresses", async () => {
    const mentor = await createAccount(server.db, "mentor", { totp: true });
    const key = `${mentor.email}#totp`;
    // Enough failures (just now, from many addresses) for the longest delay.
    for (let index = 0; index < LOGIN_LIMITS.accountDelayAfter + 5; index += 1) {
      server.db.run("INSERT INTO login_attempts (email, ip, succeeded, at) VALUES (?, ?, 0, ?)", [key, freshAddress(), new Date().toISOString()]);
    }
    const ip = freshAddress();
    const client = new SessionClient(server.baseUrl);
    expect((await login(mentor.email, TEST_PASSWORD, ip, client)).status).toBe(202);
    const delayed = await code(client, await nextSecondFactorCode(mentor.email), ip);
    expect(delayed.status).toBe(429);
    expect(Number(delayed.headers.get("retry-after"))).toBeGreaterThan(LOGIN_LIMITS.accountDelayMaxSeconds / 2);
    expect(Number(delayed.headers.get("retry-after"))).toBeLessThanOrEqual(LOGIN_LIMITS.accountDelayMaxSeconds);
    age(key, LOGIN_LIMITS.accountDelayMaxSeconds + 1);
    expect((await code(client, await nextSecondFactorCode(mentor.email), ip)).status).toBe(200);
  });
});

describe("a shared address blocked by failures on other accounts", () => {
  const office = "192.0.2.77";
  beforeAll(() => {
    for (let index = 0; index < LOGIN_LIMITS.maxFailuresPerAddress; index += 1) {
      server.db.run("INSERT INTO login_attempts (email, ip, succeeded, at) VALUES (?, ?, 0, ?)", [
        `colleague-${index}@test.gouv.fr`,
        office,
        new Date().toISOString(),
      ]);
    }
  });

  it("lets a right password followed by a right code sign in", async () => {
    const mentor = await createAccount(server.db, "mentor", { totp: true });
    const client = new SessionClient(server.baseUrl);
    const password = await login(mentor.email, TEST_PASSWORD, office, client);
    expect(password.status).toBe(202);
    expect(password.body).toEqual({ next: "totp" });
    const signedIn = await code(client, await nextSecondFactorCode(mentor.email), office);
    expect(signedIn.status).toBe(200);
    expect((await client.get("/api/auth/me")).body.user.email).toBe(mentor.email);
  });

  it("still answers 429 to wrong passwords (counted against the account), to unknown emails and to a right password without a second factor", async () => {
    const withCode = await createAccount(server.db, "mentor", { totp: true });
    const passwordOnly = await createAccount(server.db, "evaluator");
    const failuresOf = (email: string) =>
      server.db.get<{ n: number }>("SELECT count(*) AS n FROM login_attempts WHERE email = ? AND succeeded = 0", [email])!.n;

    const wrong = await login(withCode.email, "not my password", office);
    expect(wrong.status).toBe(429);
    expect(Number(wrong.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(failuresOf(withCode.email)).toBe(1);
    expect(
      server.db.get("SELECT 1 FROM audit_log WHERE action = 'login.failed' AND actor_email = ?", [withCode.email]),
    ).toBeDefined();

    const unknown = await login("nobody-here@test.gouv.fr", "not my password", office);
    const rightWithoutCode = await login(passwordOnly.email, TEST_PASSWORD, office);
    expect(unknown.status).toBe(429);
    expect(rightWithoutCode.status).toBe(429);
    expect(rightWithoutCode.body.title).toBe(wrong.body.title);
    expect(rightWithoutCode.headers.get("set-cookie")).toBeNull();
    // The same person elsewhere is not held back.
    expect((await login(passwordOnly.email, TEST_PASSWORD)).status).toBe(200);
  });
});
