// TOTP secrets encrypted at rest (docs/decisions/0008-sign-in-hardening.md), and the files
// that hold them readable by their owner only: on the real server process and real files.
import Database from "better-sqlite3";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { Secret, TOTP } from "otpauth";
import { afterAll, describe, expect, it } from "vitest";
import { TOTP_PERIOD_SECONDS, newTotpSecret } from "../../server/src/identity/totp";
import { runCli, startRealServer, temporaryFolder, type RealServer } from "../support/real-server";
import { SessionClient, createAccount } from "../support/session-client";
import { startTestServer } from "../support/test-server";

const ADMIN_EMAIL = "admin@secrets.test.gouv.fr";
const ADMIN_PASSWORD = "mot-de-passe-admin-secrets-71c2";
const KEY_A = randomBytes(32).toString("base64");
const KEY_B = randomBytes(32).toString("hex");
const servers: RealServer[] = [];
const folders: ReturnType<typeof temporaryFolder>[] = [];

afterAll(() => {
  for (const server of servers) if (server.child.exitCode === null && server.child.signalCode === null) server.kill("SIGKILL");
  for (const folder of folders) folder.remove();
});

function newFolder() {
  const folder = temporaryFolder("eig-secrets-");
  folders.push(folder);
  return folder;
}

async function start(databasePath: string, env: NodeJS.ProcessEnv = {}): Promise<RealServer> {
  const server = await startRealServer({ databasePath, env: { ADMIN_EMAIL, ADMIN_PASSWORD, SECRETS_KEY: "", ...env } });
  servers.push(server);
  return server;
}

async function stop(server: RealServer): Promise<void> {
  server.kill("SIGTERM");
  expect((await server.exited).code).toBe(0);
}

/** A server that must refuse to start: what it said (stdout and stderr). */
async function refusedStart(databasePath: string, env: NodeJS.ProcessEnv): Promise<string> {
  const error = await start(databasePath, env).then(
    () => undefined,
    (reason: Error) => reason,
  );
  expect(error?.message).toMatch(/stopped before serving \(1\)/);
  return error!.message;
}

const stepNow = () => Math.floor(Date.now() / 1000 / TOTP_PERIOD_SECONDS);
const codeAt = (secret: string, step: number) =>
  TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: step * TOTP_PERIOD_SECONDS * 1000 + 1 });

/** Password, then the app code of `step` (a step the account has not used yet). */
async function signInWithTotp(baseUrl: string, secret: string, step: number) {
  const client = new SessionClient(baseUrl);
  const password = await client.post("/api/auth/login", { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
  expect(password.status).toBe(202);
  expect(password.body.next).toBe("totp");
  const answer = await client.post("/api/auth/login/totp", { code: codeAt(secret, step) });
  if (answer.status === 200) client.csrfToken = answer.body.csrfToken;
  return { client, answer };
}

/** What the database holds for the admin, read from the file as an attacker with a copy would. */
function storedTotp(databasePath: string): { secret: string | null; pending: string | null } {
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    return db.prepare("SELECT totp_secret AS secret, totp_pending_secret AS pending FROM users WHERE email = ?").get(ADMIN_EMAIL) as {
      secret: string | null;
      pending: string | null;
    };
  } finally {
    db.close();
  }
}

const bytesOf = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file) : Buffer.alloc(0));
const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

describe("TOTP secrets at rest", () => {
  const folder = newFolder();
  const databasePath = folder.file("eig.sqlite");
  let secret: string;
  let enrolledStep: number;

  it("after enrolment, neither the database file nor its WAL holds the secret: the value is v1:-encrypted; files are 0600", async () => {
    const server = await start(databasePath, { SECRETS_KEY: KEY_A });
    const admin = new SessionClient(server.baseUrl);
    expect((await admin.post("/api/auth/login", { email: ADMIN_EMAIL, password: ADMIN_PASSWORD })).body.next).toBe("totp-enrolment");
    const enrolment = await admin.post("/api/auth/login/totp-enrolment", {});
    expect(enrolment.status).toBe(200);
    secret = enrolment.body.secret;
    enrolledStep = stepNow();
    expect((await admin.post("/api/auth/login/totp-enrolment/confirm", { code: codeAt(secret, enrolledStep) })).status).toBe(200);

    // While the server runs, the latest writes (the pending enrolment, then the account) are in the WAL.
    for (const file of [databasePath, `${databasePath}-wal`]) expect(bytesOf(file).includes(secret), file).toBe(false);
    expect(bytesOf(`${databasePath}-wal`).length).toBeGreaterThan(0);
    const stored = storedTotp(databasePath);
    expect(stored.secret).toMatch(/^v1:[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(stored.pending).toBeNull();
    for (const file of [databasePath, `${databasePath}-wal`, `${databasePath}-shm`]) expect(modeOf(file), file).toBe(0o600);
    // The key came from SECRETS_KEY: no key file written.
    expect(fs.existsSync(`${databasePath}.key`)).toBe(false);
    await stop(server);
  });

  it("TOTP still works after a restart with the same key", async () => {
    const server = await start(databasePath, { SECRETS_KEY: KEY_A });
    const { answer } = await signInWithTotp(server.baseUrl, secret, Math.max(stepNow(), enrolledStep + 1));
    expect(answer.status).toBe(200);
    await stop(server);
  });

  it("with another key, or none, the server refuses to start and says why, in French", async () => {
    const wrong = await refusedStart(databasePath, { SECRETS_KEY: KEY_B });
    expect(wrong).toContain("La clé de chiffrement (SECRETS_KEY) n'ouvre pas les secrets de double authentification de admin@secrets.test.gouv.fr");
    const none = await refusedStart(databasePath, {});
    expect(none).toContain("La base contient des secrets de double authentification chiffrés, mais aucune clé n'est donnée");
    // A missing key is not made up: no key file that would hide the loss.
    expect(fs.existsSync(`${databasePath}.key`)).toBe(false);
    const malformed = await refusedStart(databasePath, { SECRETS_KEY: "trop-courte" });
    expect(malformed).toContain("SECRETS_KEY doit contenir une clé de 32 octets");
  });

  it("npm run user -- reset-totp works without the key; the account then enrols again", async () => {
    const reset = runCli("user", ["reset-totp", "--email", ADMIN_EMAIL], databasePath);
    expect(reset.status, reset.stderr).toBe(0);
    expect(storedTotp(databasePath).secret).toBeNull();
    // Nothing encrypted is left: a server without SECRETS_KEY starts and makes its key file.
    const server = await start(databasePath, {});
    expect(fs.existsSync(`${databasePath}.key`)).toBe(true);
    await stop(server);
  });
});

describe("a database from before encryption", () => {
  const folder = newFolder();
  const databasePath = folder.file("eig.sqlite");
  const keyFile = `${databasePath}.key`;

  it("gets a key file beside it (0600), its clear secrets encrypted at startup (audited), TOTP still working; the key file is reused", async () => {
    // A first start makes the admin (and the key file, as none is given).
    await stop(await start(databasePath));
    expect(modeOf(keyFile)).toBe(0o600);
    const key = fs.readFileSync(keyFile, "utf8");
    expect(Buffer.from(key.trim(), "base64")).toHaveLength(32);

    // As an older version stored it: in clear.
    const secret = newTotpSecret();
    const raw = new Database(databasePath);
    raw.prepare("UPDATE users SET totp_secret = ?, totp_enabled_at = ?, totp_last_step = 0 WHERE email = ?").run(secret, new Date().toISOString(), ADMIN_EMAIL);
    raw.close();
    expect(storedTotp(databasePath).secret).toBe(secret);

    const server = await start(databasePath);
    expect(server.stdout()).toContain("Secrets de double authentification chiffrés : 1.");
    expect(storedTotp(databasePath).secret).toMatch(/^v1:/);
    expect(fs.readFileSync(keyFile, "utf8")).toBe(key);
    const { client, answer } = await signInWithTotp(server.baseUrl, secret, stepNow());
    expect(answer.status).toBe(200);
    const audit = await client.get("/api/audit?action=totp.secrets_encrypted");
    expect(audit.status).toBe(200);
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toMatchObject({ actorEmail: "bootstrap", after: { secrets: 1, accounts: 1 } });
    await stop(server);

    // Not left behind in the file's free space either.
    for (const file of [databasePath, `${databasePath}-wal`]) expect(bytesOf(file).includes(secret), file).toBe(false);

    // Once only: a second start finds nothing in clear.
    const again = await start(databasePath);
    expect(again.stdout()).not.toContain("Secrets de double authentification chiffrés");
    await stop(again);
  });
});

describe("files readable by their owner only", () => {
  const folder = newFolder();
  const databasePath = folder.file("eig.sqlite");

  it("an existing database is brought back to 0600; a backup, the restored base and the copy a restore keeps are 0600", async () => {
    // A database written by an older version, readable by all.
    await stop(await start(databasePath));
    fs.chmodSync(databasePath, 0o644);
    const server = await start(databasePath);
    for (const file of [databasePath, `${databasePath}-wal`, `${databasePath}-shm`]) expect(modeOf(file), file).toBe(0o600);
    const backupFile = folder.file("sauvegarde.sqlite");
    const backup = runCli("backup", [backupFile], databasePath);
    expect(backup.status, backup.stderr).toBe(0);
    expect(modeOf(backupFile)).toBe(0o600);
    // The key is not a place for a backup.
    expect(runCli("backup", [`${databasePath}.key`, "--force"], databasePath).stderr).toContain("clé comprise");
    await stop(server);

    fs.chmodSync(backupFile, 0o644);
    const restore = runCli("restore", [backupFile], databasePath);
    expect(restore.status, restore.stderr).toBe(0);
    expect(modeOf(databasePath)).toBe(0o600);
    const kept = fs.readdirSync(folder.dir).filter((name) => name.includes(".avant-restauration-"));
    expect(kept.length).toBeGreaterThan(0);
    for (const name of kept) expect(modeOf(folder.file(name)), name).toBe(0o600);
  });
});

describe("a secret copied to another account", () => {
  it("does not open there: the sign-in fails loudly (500, said so), never as a wrong code", async () => {
    const server = await startTestServer();
    try {
      const admin = await createAccount(server.db, "admin");
      const mentor = await createAccount(server.db, "mentor", { totp: true });
      // Someone with write access to the file copies the admin's sealed secret (whose codes
      // they know) onto the mentor's account: the row binding refuses it.
      server.db.run("UPDATE users SET totp_secret = (SELECT totp_secret FROM users WHERE id = ?) WHERE id = ?", [admin.id, mentor.id]);
      const client = new SessionClient(server.baseUrl);
      const answer = await client.post("/api/auth/login", { email: mentor.email, password: mentor.password });
      expect(answer.status).toBe(500);
      expect(answer.headers.get("content-type")).toContain("application/problem+json");
      expect(answer.body.title).toBe("Double authentification inutilisable");
      expect(answer.body.detail).toContain("reset-totp");
      // A value written in clear behind the server's back is refused the same way.
      server.db.run("UPDATE users SET totp_secret = ? WHERE id = ?", [newTotpSecret(), mentor.id]);
      expect((await client.post("/api/auth/login", { email: mentor.email, password: mentor.password })).status).toBe(500);
    } finally {
      await server.close();
    }
  });
});
