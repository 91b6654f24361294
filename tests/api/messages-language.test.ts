// The server answers in the language the client asks for (Accept-Language; the interface sends
// its own choice), French when it asks for none: problem details, field errors, emails. The
// command-line tools follow LANG.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOGIN_LIMITS } from "../../server/src/config";
import { createAccount, SessionClient, signedInClient, TEST_PASSWORD } from "../support/session-client";
import { startSmtpSink, type SmtpSink } from "../support/smtp-sink";
import { startTestServer, type TestServer } from "../support/test-server";
import { runCli, temporaryFolder } from "../support/real-server";

let sink: SmtpSink;
let server: TestServer;

beforeAll(async () => {
  sink = await startSmtpSink();
  server = await startTestServer({
    env: { SMTP_URL: sink.url, PUBLIC_URL: "https://suivi-eig.example.gouv.fr" },
    // Few failures per address before a 429, so that the test reaches it quickly.
    config: { login: { ...LOGIN_LIMITS, maxFailuresPerAddress: 2 } },
  });
});
afterAll(async () => {
  await server.close();
  await sink.close();
});

const FR = { "Accept-Language": "fr" };
const EN = { "Accept-Language": "en-GB,en;q=0.9" };

describe("problem+json in the asked language", () => {
  it("a field error: French by default and with fr, English with en", async () => {
    const client = new SessionClient(server.baseUrl);
    const body = { email: "pas-une-adresse" };
    for (const [headers, title, message] of [
      [{}, "Requête invalide", "Adresse électronique invalide."],
      [FR, "Requête invalide", "Adresse électronique invalide."],
      [EN, "Invalid request", "Invalid email address."],
    ] as const) {
      const answer = await client.request("POST", "/api/auth/password-reset/request", body, headers);
      expect(answer.status).toBe(400);
      expect(answer.body.title).toBe(title);
      expect(answer.body.errors).toEqual([{ path: "body.email", message }]);
    }
    // zod's own messages too (an unknown field).
    const unknownField = await client.request("POST", "/api/auth/password-reset/request", { email: "a@b.fr", extra: 1 }, EN);
    expect(unknownField.body.errors[0].message).toMatch(/^Unrecognized key/);
  });

  it("a 403", async () => {
    const { client } = await signedInClient(server.baseUrl, server.db, "mentor");
    expect((await client.request("GET", "/api/users", undefined, FR)).body).toMatchObject({
      status: 403,
      title: "Accès refusé",
      detail: "Votre compte ne permet pas cette action.",
    });
    expect((await client.request("GET", "/api/users", undefined, EN)).body).toMatchObject({
      status: 403,
      title: "Access denied",
      detail: "Your account does not allow this action.",
    });
  });

  it("a 409", async () => {
    const { client } = await signedInClient(server.baseUrl, server.db, "admin");
    const mentor = await createAccount(server.db, "mentor");
    const again = { email: mentor.email, name: "Doublon", role: "mentor", password: "une phrase de passe assez longue" };
    const french = await client.request("POST", "/api/users", again);
    expect(french.status).toBe(409);
    expect(french.body.detail).toBe(`Un compte existe déjà pour « ${mentor.email} ».`);
    const english = await client.request("POST", "/api/users", again, EN);
    expect(english.body).toMatchObject({ status: 409, title: "Conflict", detail: `An account already exists for “${mentor.email}”.` });
  });

  it("a sign-in failure, then a 429", async () => {
    const account = await createAccount(server.db, "mentor");
    const client = new SessionClient(server.baseUrl);
    const wrong = { email: account.email, password: "pas le bon mot de passe" };
    expect((await client.request("POST", "/api/auth/login", wrong)).body.detail).toBe("Adresse électronique ou mot de passe incorrect.");
    expect((await client.request("POST", "/api/auth/login", wrong, EN)).body).toMatchObject({
      status: 401,
      title: "Wrong credentials",
      detail: "Wrong email address or password.",
    });
    const throttledEn = await client.request("POST", "/api/auth/login", wrong, EN);
    expect(throttledEn.status).toBe(429);
    expect(throttledEn.body.title).toBe("Too many attempts");
    expect(throttledEn.body.detail).toMatch(/^Too many sign-in attempts\. Try again in \d+ minute\(s\)\.$/);
    const throttledFr = await client.request("POST", "/api/auth/login", { ...wrong, password: TEST_PASSWORD }, FR);
    expect(throttledFr.status).toBe(429);
    expect(throttledFr.body.detail).toMatch(/^Trop de tentatives de connexion\. Réessayez dans \d+ minute\(s\)\.$/);
  });

  it("a body over the limits, checked after the JSON parser has read it", async () => {
    const client = new SessionClient(server.baseUrl);
    const body = { email: "a".repeat(10_001) };
    const english = await client.request("POST", "/api/auth/password-reset/request", body, EN);
    expect(english.body).toMatchObject({ status: 400, detail: "The request exceeds the accepted limits." });
    expect(english.body.errors).toEqual([{ path: "body.email", message: "Text too long: 10000 characters at most." }]);
    const french = await client.request("POST", "/api/auth/password-reset/request", body);
    expect(french.body.errors).toEqual([{ path: "body.email", message: "Texte trop long : 10000 caractères au plus." }]);
  });

  it("an unknown API address", async () => {
    const answer = await new SessionClient(server.baseUrl).request("GET", "/api/nothing-here", undefined, EN);
    expect(answer.body).toMatchObject({ status: 404, title: "Not found", detail: "This address matches no resource of the API." });
    expect(answer.headers.get("content-language")).toBe("en");
  });
});

describe("emails in the language of the request that sends them", () => {
  it("a password reset asked from the English interface is in English; from the French one, in French", async () => {
    const account = await createAccount(server.db, "mentor");
    const client = new SessionClient(server.baseUrl);
    const before = sink.messages.length;
    expect((await client.request("POST", "/api/auth/password-reset/request", { email: account.email }, EN)).status).toBe(202);
    expect((await client.request("POST", "/api/auth/password-reset/request", { email: account.email })).status).toBe(202);
    const [english, french] = (await sink.waitForMessages(before + 2)).slice(before);
    expect(english.subject).toBe("Resetting your password — EIG challenges tracker");
    expect(english.text).toContain("A password reset was requested for your account.");
    expect(english.text).not.toMatch(/Bonjour|mot de passe/);
    expect(french.subject).toBe("Réinitialisation de votre mot de passe — suivi des défis EIG");
    expect(french.text).toContain("Une réinitialisation du mot de passe de votre compte a été demandée.");
  });

  it("an invitation sent from the English interface is in English (role included)", async () => {
    const { client } = await signedInClient(server.baseUrl, server.db, "admin");
    const before = sink.messages.length;
    const email = `invite-en-${Date.now()}@example.fr`;
    const answer = await client.request("POST", "/api/invitations", { email, name: "Robin", role: "evaluator" }, EN);
    expect(answer.status).toBe(201);
    const [mail] = (await sink.waitForMessages(before + 1)).slice(before);
    expect(mail.subject).toBe("Invitation to the EIG challenges sustainability tracker");
    expect(mail.text).toContain("Hello Robin,");
    expect(mail.text).toMatch(/invites you to join the EIG challenges sustainability tracker \(role: [A-Z]/);
  });
});

describe("command-line messages follow LANG", () => {
  it("in English with LANG=en_GB.UTF-8, in French otherwise", () => {
    const folder = temporaryFolder("eig-cli-lang-");
    try {
      const databasePath = folder.file("cli.sqlite");
      const english = runCli("user", ["deactivate", "--email", "nobody@example.fr"], databasePath, { LANG: "en_GB.UTF-8", LC_ALL: "" });
      expect(english.status).toBe(1);
      expect(english.stderr).toContain("No account for nobody@example.fr.");
      expect(english.stderr).toContain("Usage:");
      const french = runCli("user", ["deactivate", "--email", "nobody@example.fr"], databasePath, { LANG: "fr_FR.UTF-8", LC_ALL: "" });
      expect(french.stderr).toContain("Aucun compte pour nobody@example.fr.");
      const backup = runCli("backup", [folder.file("missing-dir/copy.sqlite")], folder.file("none.sqlite"), { LANG: "en_US.UTF-8", LC_ALL: "" });
      expect(backup.status).toBe(1);
      expect(backup.stderr).toContain(`Backup impossible: No database to back up: ${folder.file("none.sqlite")} does not exist.`);
    } finally {
      folder.remove();
    }
  });
});
