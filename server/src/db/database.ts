import Database from "better-sqlite3";
import fs from "node:fs";
import path from "node:path";
import { SecretsKeyError, type SecretBox } from "./secrets";

export type SqlParams = Record<string, unknown> | unknown[];

/**
 * A thin wrapper over better-sqlite3: parameterised statements only, cached by their text.
 * The driver stays private to it: the repository layer writes the SQL and runs it through
 * these methods, and nothing else in the server holds a statement or the connection (a unit
 * test fails on SQL or a driver import anywhere else).
 */
export class Db {
  private readonly statements = new Map<string, Database.Statement>();
  private secretBox: SecretBox | undefined;

  constructor(private readonly raw: Database.Database) {}

  /**
   * The key of this database's encrypted secrets (TOTP), given once at startup by
   * `unlockSecrets` (server/src/identity/secret-storage.ts). Repositories seal and open the
   * secrets they store with it; a tool that never reads one (`npm run user`) never needs it.
   */
  useSecrets(box: SecretBox): void {
    this.secretBox = box;
  }

  get secrets(): SecretBox {
    if (!this.secretBox) throw new SecretsKeyError("La clé de chiffrement des secrets n'est pas chargée pour cette base.");
    return this.secretBox;
  }

  private prepare(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.raw.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  all<T>(sql: string, params: SqlParams = []): T[] {
    return this.prepare(sql).all(params) as T[];
  }

  get<T>(sql: string, params: SqlParams = []): T | undefined {
    return this.prepare(sql).get(params) as T | undefined;
  }

  run(sql: string, params: SqlParams = []): Database.RunResult {
    return this.prepare(sql).run(params);
  }

  /** Runs a script of one or more statements without parameters: migrations, bulk rebuilds, ANALYZE. */
  exec(sql: string): void {
    this.raw.exec(sql);
  }

  /** Reads or sets one PRAGMA (`"user_version"`, `"analysis_limit = 1000"`); answers its first value. */
  pragma(statement: string): unknown {
    return this.raw.pragma(statement, { simple: true });
  }

  /**
   * Runs `work` with `secure_delete` on, then puts back the setting it found: what `work`
   * deletes or overwrites is zeroed in the file, not left readable in its free pages.
   */
  withSecureDelete<T>(work: () => T): T {
    const before = this.pragma("secure_delete");
    this.pragma("secure_delete = ON");
    try {
      return work();
    } finally {
      this.pragma(`secure_delete = ${before ? "ON" : "OFF"}`);
    }
  }

  /** Runs `work` in one IMMEDIATE transaction: all of it is written, or nothing. */
  transaction<T>(work: () => T): T {
    return this.raw.transaction(work).immediate();
  }

  close(): void {
    this.raw.close();
  }
}

/**
 * The database holds password hashes and (encrypted) TOTP secrets: only its owner reads it.
 * SQLite gives the -wal and -shm files the main file's mode when it creates them, so the main
 * file is created 0600 before SQLite opens it, and an existing one (with any -wal or -shm left
 * from before) is brought back to 0600.
 */
export function restrictToOwner(file: string): void {
  fs.closeSync(fs.openSync(file, fs.constants.O_RDWR | fs.constants.O_CREAT, 0o600));
  for (const suffix of ["", "-wal", "-shm"]) {
    try {
      fs.chmodSync(file + suffix, 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  }
}

/**
 * Opens (creating if needed) the SQLite file with the settings the whole product relies on;
 * each is explained in docs/decisions/0003-durability-and-concurrency.md.
 */
export function openDatabase(file: string): Db {
  if (file !== ":memory:") {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    restrictToOwner(file);
  }
  const raw = new Database(file);
  // Wait for another process's write (a CLI, a backup step, a second server) rather than fail:
  // set first, so that even switching to WAL below waits for a lock instead of failing.
  raw.pragma("busy_timeout = 5000");
  const mode = raw.pragma("journal_mode = WAL", { simple: true });
  if (file !== ":memory:" && mode !== "wal") throw new Error(`SQLite refused WAL mode on ${file} (got "${String(mode)}").`);
  // FULL: in WAL mode each commit is synced to disk before the answer leaves, so a write
  // acknowledged to a mentor survives a power cut, not only a crash, at one fsync per commit.
  raw.pragma("synchronous = FULL");
  raw.pragma("foreign_keys = ON");
  // After a checkpoint, the WAL file is cut back to this size instead of keeping its peak.
  raw.pragma("journal_size_limit = 67108864");
  return new Db(raw);
}

/**
 * A health check that reaches the file, not only the library: `SELECT 1` answers even when
 * the file has become unreadable. Reads the schema version and the data revision (one row).
 * Throws if the database cannot serve.
 */
export function checkDatabase(db: Db): { schemaVersion: number; revision: number } {
  const schemaVersion = db.pragma("user_version") as number;
  const row = db.get<{ revision: number }>("SELECT revision FROM data_revision WHERE id = 1");
  if (!row) throw new Error("data_revision is empty: the database is not this product's.");
  return { schemaVersion, revision: row.revision };
}
