// npm run backup (online, while the server writes) and npm run restore (checked, refused
// while the server runs), on a real server process and real files.
import Database from "better-sqlite3";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../server/src/config";
import { acquireDatabaseLock } from "../../server/src/db/lock";
import { readMigrations } from "../../server/src/db/migrate";
import { runCli, runCliAsync, startRealServer, temporaryFolder, type RealServer } from "../support/real-server";
import { SessionClient } from "../support/session-client";

const ADMIN_EMAIL = "admin@backup.test.gouv.fr";
const ADMIN_PASSWORD = "mot-de-passe-admin-backup-5e1d";
const folder = temporaryFolder("eig-backup-");
const databasePath = folder.file("eig.sqlite");
const backupFile = folder.file("sauvegarde.sqlite");
const servers: RealServer[] = [];

async function start(): Promise<{ server: RealServer; admin: SessionClient }> {
  const server = await startRealServer({ databasePath, env: { ADMIN_EMAIL, ADMIN_PASSWORD } });
  servers.push(server);
  const admin = new SessionClient(server.baseUrl);
  expect((await admin.login(ADMIN_EMAIL, ADMIN_PASSWORD)).status).toBe(200);
  return { server, admin };
}

async function stop(server: RealServer): Promise<void> {
  server.kill("SIGTERM");
  expect((await server.exited).code).toBe(0);
}

/** What the file holds: every status note, its revision, and whether it is intact. */
function contents(file: string) {
  const db = new Database(file, { fileMustExist: true, readonly: true });
  try {
    return {
      integrity: db.pragma("integrity_check", { simple: true }),
      journalMode: db.pragma("journal_mode", { simple: true }),
      schemaVersion: db.pragma("user_version", { simple: true }),
      revision: (db.prepare("SELECT revision FROM data_revision").get() as { revision: number }).revision,
      notes: new Set((db.prepare("SELECT note FROM status_updates WHERE note IS NOT NULL").all() as { note: string }[]).map((row) => row.note)),
    };
  } finally {
    db.close();
  }
}

const restore = (file: string) => runCli("restore", [file], databasePath);
const fingerprint = () => {
  const stat = fs.statSync(databasePath);
  return { inode: stat.ino, ...contents(databasePath) };
};

let slug: string;
const before: string[] = [];
const after: string[] = [];

afterAll(async () => {
  for (const server of servers) if (server.child.exitCode === null && server.child.signalCode === null) server.kill("SIGKILL");
  await Promise.all(servers.map((server) => server.exited));
  folder.remove();
});

describe("backup and restore", () => {
  it("backs up online while the server writes, and refuses to restore while it runs", async () => {
    const { server, admin } = await start();
    slug = (await admin.get("/api/challenges")).body[3].slug;
    const write = async (note: string) => {
      const answer = await admin.post(`/api/challenges/${slug}/status-updates`, { axis: "transmission", level: 2, note });
      expect(answer.status).toBe(201);
      return note;
    };
    for (let n = 0; n < 20; n++) before.push(await write(`avant-${n}`));

    // The backup runs in its own process while this one keeps writing.
    let writing = true;
    let duringBackup = 0;
    const writer = (async () => {
      while (writing) {
        await write(`pendant-${duringBackup}`);
        duringBackup += 1;
      }
    })();
    const started = Date.now();
    const backup = await runCliAsync("backup", [backupFile], databasePath);
    const backupMs = Date.now() - started;
    writing = false;
    await writer;
    expect(backup.stderr).toBe("");
    expect(backup.status).toBe(0);
    expect(backup.stdout).toMatch(/^Sauvegarde écrite : .*sauvegarde\.sqlite \(.* 71 défis, .*intégrité vérifiée\)/);

    const copy = contents(backupFile);
    expect(copy.integrity).toBe("ok");
    // A single self-contained file, not a WAL database needing its -wal beside it.
    expect(copy.journalMode).toBe("delete");
    expect(fs.existsSync(`${backupFile}-wal`)).toBe(false);
    expect(copy.schemaVersion).toBe(readMigrations().length);
    for (const note of before) expect(copy.notes.has(note)).toBe(true);
    expect(duringBackup).toBeGreaterThan(0);

    for (let n = 0; n < 5; n++) after.push(await write(`après-${n}`));

    // Restore refused while the server runs; the database is left exactly as it was.
    const untouched = fingerprint();
    const refused = restore(backupFile);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("Restauration refusée");
    expect(refused.stderr).toContain("arrêtez le serveur avant de restaurer");
    expect(fingerprint()).toEqual(untouched);
    expect((await admin.get("/api/health")).status).toBe(200);

    // The backup tool's own refusals.
    const again = runCli("backup", [backupFile], databasePath);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("existe déjà");
    expect(runCli("backup", [databasePath], databasePath).status).toBe(1);
    expect(runCli("backup", [folder.file("ailleurs.sqlite")], folder.file("absente.sqlite")).stderr).toContain("n'existe pas");
    // Through npm, as the README says, replacing a file with --force.
    const viaNpm = spawnSync("npm", ["run", "--silent", "backup", "--", folder.file("npm.sqlite")], {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_PATH: databasePath },
      encoding: "utf8",
    });
    expect(viaNpm.status).toBe(0);
    expect(runCli("backup", [folder.file("npm.sqlite"), "--force"], databasePath).status).toBe(0);
    expect(contents(folder.file("npm.sqlite")).notes.has(after[4])).toBe(true);

    await stop(server);
    console.info(`[backup] online backup in ${backupMs} ms (process included) while ${duringBackup} writes went on; restore refused while the server ran`);
  });

  it("refuses damaged, foreign or newer files, writing nothing", () => {
    const untouched = fingerprint();
    const cases: Array<[string, (file: string) => void, string]> = [
      ["not a database", (file) => fs.writeFileSync(file, "ceci n'est pas une base".repeat(500)), "SQLite"],
      [
        "another application's database",
        (file) => {
          const db = new Database(file);
          db.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)");
          db.close();
        },
        "tables absentes",
      ],
      [
        "a newer schema",
        (file) => {
          fs.copyFileSync(backupFile, file);
          const db = new Database(file);
          db.pragma(`user_version = ${readMigrations().length + 1}`);
          db.close();
        },
        "version de schéma",
      ],
      [
        "a damaged copy",
        (file) => {
          fs.copyFileSync(backupFile, file);
          // Scribble over pages in the middle of the file: b-tree pages of the data.
          const fd = fs.openSync(file, "r+");
          const size = fs.fstatSync(fd).size;
          fs.writeSync(fd, Buffer.alloc(16 * 4096, 0x5a), 0, 16 * 4096, Math.floor(size / 2 / 4096) * 4096);
          fs.closeSync(fd);
        },
        "",
      ],
    ];
    for (const [name, make, message] of cases) {
      const file = folder.file(`${name.replaceAll(" ", "-")}.sqlite`);
      make(file);
      const answer = restore(file);
      expect(answer.status, name).toBe(1);
      expect(answer.stderr, name).toContain("Restauration refusée");
      expect(answer.stderr, name).toContain(message);
      expect(fingerprint(), name).toEqual(untouched);
      console.info(`[backup] restore of ${name} refused: ${answer.stderr.trim()}`);
    }
    expect(restore(folder.file("introuvable.sqlite")).stderr).toContain("Sauvegarde introuvable");
  });

  it("restores a checked backup with the server stopped, keeps the replaced base, and the server starts on it", async () => {
    const result = restore(backupFile);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("Base restaurée depuis");
    const kept = result.stdout.match(/conservée sous (.+)\.$/m)?.[1];
    expect(kept).toBeDefined();
    // The replaced base is kept whole, with the writes made after the backup.
    for (const note of after) expect(contents(kept!).notes.has(note)).toBe(true);
    expect(fs.existsSync(`${databasePath}-wal`)).toBe(false);
    expect(fs.readdirSync(folder.dir).filter((name) => name.includes(".restauration-"))).toEqual([]);

    const { server, admin } = await start();
    const history: string[] = (await admin.get(`/api/challenges/${slug}`)).body.history.map((update: { note: string }) => update.note);
    for (const note of before) expect(history).toContain(note);
    for (const note of after) expect(history).not.toContain(note);
    await stop(server);
    expect(contents(databasePath).integrity).toBe("ok");
  });

  it("a server does not start while a restore holds the base", async () => {
    const lock = acquireDatabaseLock(databasePath, "exclusive");
    try {
      await expect(startRealServer({ databasePath })).rejects.toThrow(/Une restauration est en cours/);
    } finally {
      lock.release();
    }
    // Released: it starts.
    const { server } = await start();
    await stop(server);
  });
});
