// Backup and restore of the database file (npm run backup / npm run restore). Both check
// what they produce or take before it counts: a backup that fails its integrity check is
// not kept, and a restore never puts in place a file it has not checked.
import Database from "better-sqlite3";
import fs from "node:fs";
import path from "node:path";
import { acquireDatabaseLock } from "./lock";
import { restrictToOwner } from "./database";
import { keyFileOf } from "./secrets";
import { readMigrations } from "./migrate";
import { t } from "../i18n/messages";

/** Tables without which a file is not this product's database, whatever its version says. */
const REQUIRED_TABLES = ["challenges", "status_updates", "outcomes", "users", "data_revision"];

export class BackupError extends Error {}

export interface DatabaseInspection {
  schemaVersion: number;
  challenges: number;
  statusUpdates: number;
  users: number;
  revision: number;
  bytes: number;
}

/**
 * Checks a database file: SQLite's full integrity check, foreign keys, the tables the
 * product needs and a schema version this code knows. Throws `BackupError` (in French,
 * for the command line) on the first problem.
 */
function inspectDatabase(
  file: string,
  { expectedVersion = readMigrations().length, label: name = file }: { expectedVersion?: number; label?: string } = {},
): DatabaseInspection {
  let db: Database.Database;
  try {
    db = new Database(file, { fileMustExist: true });
  } catch {
    throw new BackupError(t("backup.cannotOpen", { name }));
  }
  try {
    let integrity: string[];
    try {
      integrity = (db.pragma("integrity_check") as Array<Record<string, unknown>>).map((row) => String(Object.values(row)[0]));
    } catch (error) {
      const code = (error as { code?: string }).code ?? "";
      throw new BackupError(
        code.startsWith("SQLITE_CORRUPT")
          ? t("backup.corrupt", { name, reason: (error as Error).message })
          : t("backup.unreadable", { name }),
      );
    }
    if (integrity.length !== 1 || integrity[0] !== "ok") {
      throw new BackupError(t("backup.integrity", { name, problems: integrity.slice(0, 3).join(" ; ") }));
    }
    const foreignKeys = db.pragma("foreign_key_check") as unknown[];
    if (foreignKeys.length > 0) throw new BackupError(t("backup.foreignKeys", { name, count: foreignKeys.length }));
    const tables = new Set(
      (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((row) => row.name),
    );
    const missing = REQUIRED_TABLES.filter((table) => !tables.has(table));
    if (missing.length > 0) throw new BackupError(t("backup.notOurs", { name, tables: missing.join(", ") }));
    const schemaVersion = db.pragma("user_version", { simple: true }) as number;
    if (schemaVersion < 1 || schemaVersion > expectedVersion) {
      throw new BackupError(t("backup.schemaVersion", { name, version: schemaVersion, expected: expectedVersion }));
    }
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    const revision = (db.prepare("SELECT revision FROM data_revision WHERE id = 1").get() as { revision: number } | undefined)?.revision ?? 0;
    return {
      schemaVersion,
      challenges: count("challenges"),
      statusUpdates: count("status_updates"),
      users: count("users"),
      revision,
      bytes: fs.statSync(file).size,
    };
  } finally {
    db.close();
  }
}

function fsyncPath(target: string): void {
  const fd = fs.openSync(target, "r");
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** A rename is durable once its directory is synced; some platforms cannot open a directory. */
function fsyncDirectory(directory: string): void {
  try {
    fsyncPath(directory);
  } catch {
    // Best effort: the data itself was synced before the rename.
  }
}

function sameFile(a: string, b: string): boolean {
  return path.resolve(a) === path.resolve(b);
}

/**
 * Copies the live database to `destination` with SQLite's online backup API: a consistent
 * snapshot taken in one read transaction, so the server keeps serving (in WAL mode a reader
 * blocks no writer). The copy is written beside the destination, checked, switched to a
 * self-contained single file (no -wal beside it), synced, then renamed into place.
 */
export async function backupDatabase(
  databasePath: string,
  destination: string,
  { overwrite = false }: { overwrite?: boolean } = {},
): Promise<DatabaseInspection> {
  if (!fs.existsSync(databasePath)) throw new BackupError(t("backup.noDatabase", { path: databasePath }));
  if (
    sameFile(destination, databasePath) ||
    sameFile(destination, keyFileOf(databasePath)) ||
    path.resolve(destination).startsWith(`${path.resolve(databasePath)}-`)
  ) {
    throw new BackupError(t("backup.overDatabase"));
  }
  if (fs.existsSync(destination) && !overwrite) {
    throw new BackupError(t("backup.exists", { destination }));
  }
  const directory = path.dirname(path.resolve(destination));
  if (!fs.existsSync(directory)) throw new BackupError(t("backup.noFolder", { directory }));

  // A shared lock: the server may run, a restore may not start meanwhile.
  const lock = acquireDatabaseLock(databasePath, "shared");
  const partial = path.join(directory, `.${path.basename(destination)}.partiel-${process.pid}`);
  try {
    // A copy of the database is as private as the database: created 0600 before SQLite
    // writes it (its journal takes the same mode), and kept so under its final name.
    restrictToOwner(partial);
    const source = new Database(databasePath, { fileMustExist: true, timeout: 5000 });
    try {
      // The whole copy in one step: stepping page by page would restart the copy each time
      // the server commits, and might never finish on a busy day.
      await source.backup(partial, { progress: () => 0x7fffffff });
    } finally {
      source.close();
    }
    const copy = new Database(partial);
    try {
      copy.pragma("journal_mode = DELETE");
    } finally {
      copy.close();
    }
    const inspection = inspectDatabase(partial, { label: t("backup.copyLabel", { destination }) });
    fsyncPath(partial);
    fs.renameSync(partial, destination);
    fsyncDirectory(directory);
    return { ...inspection, bytes: fs.statSync(destination).size };
  } finally {
    fs.rmSync(partial, { force: true });
    fs.rmSync(`${partial}-journal`, { force: true });
    lock.release();
  }
}

/**
 * Copies `source` to a new file of mode 0600 from its creation (copyFile would give it the
 * backup's own mode, readable by all if an older version wrote it).
 */
function copyPrivately(source: string, destination: string): void {
  fs.rmSync(destination, { force: true });
  const input = fs.openSync(source, "r");
  try {
    const output = fs.openSync(destination, "wx", 0o600);
    try {
      const buffer = Buffer.allocUnsafe(1 << 20);
      for (let read; (read = fs.readSync(input, buffer, 0, buffer.length, null)) > 0; ) fs.writeSync(output, buffer, 0, read);
    } finally {
      fs.closeSync(output);
    }
  } finally {
    fs.closeSync(input);
  }
}

function timestamp(date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`;
}

export interface RestoreResult extends DatabaseInspection {
  /** Where the replaced database was kept, if there was one. */
  previous?: string;
}

/**
 * Replaces the database with a backup, only while no server (nor backup) uses it: the
 * exclusive lock is taken first and held to the end, so a server cannot start meanwhile.
 * The backup is copied and checked *before* anything is touched; the replaced database is
 * kept beside it (with its -wal, if any, so that nothing it held is lost), never deleted.
 */
export function restoreDatabase(backupFile: string, databasePath: string): RestoreResult {
  if (!fs.existsSync(backupFile)) throw new BackupError(t("restore.notFound", { file: backupFile }));
  if (sameFile(backupFile, databasePath)) throw new BackupError(t("restore.sameFile"));
  const directory = path.dirname(path.resolve(databasePath));
  fs.mkdirSync(directory, { recursive: true });

  const lock = acquireDatabaseLock(databasePath, "exclusive");
  const incoming = `${databasePath}.restauration-${process.pid}`;
  try {
    copyPrivately(backupFile, incoming);
    const inspection = inspectDatabase(incoming, { label: backupFile });
    // The restored file runs in WAL mode like any database the server opens.
    const copy = new Database(incoming);
    try {
      copy.pragma("journal_mode = WAL");
    } finally {
      copy.close();
    }
    fsyncPath(incoming);

    let previous: string | undefined;
    if (fs.existsSync(databasePath)) {
      previous = `${databasePath}.avant-restauration-${timestamp()}`;
      try {
        // Fold the WAL into the file so the kept copy is one file; if the old base is too
        // damaged for that, its -wal and -shm are kept beside it under the same new name.
        const old = new Database(databasePath, { fileMustExist: true, timeout: 0 });
        try {
          old.pragma("wal_checkpoint(TRUNCATE)");
        } finally {
          old.close();
        }
      } catch {
        // Kept as it is, see below.
      }
      fs.renameSync(databasePath, previous);
      fs.chmodSync(previous, 0o600);
    }
    // A -wal left beside the new file would be replayed into it: move any away first.
    for (const suffix of ["-wal", "-shm"]) {
      if (fs.existsSync(databasePath + suffix)) {
        if (previous) {
          fs.renameSync(databasePath + suffix, previous + suffix);
          fs.chmodSync(previous + suffix, 0o600);
        } else fs.rmSync(databasePath + suffix);
      }
    }
    fs.renameSync(incoming, databasePath);
    fsyncDirectory(directory);
    return { ...inspection, previous };
  } finally {
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(incoming + suffix, { force: true });
    lock.release();
  }
}
