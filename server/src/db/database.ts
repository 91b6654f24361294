import Database from "better-sqlite3";
import fs from "node:fs";
import path from "node:path";

export type SqlParams = Record<string, unknown> | unknown[];

/**
 * A thin wrapper over better-sqlite3: parameterised statements only, cached by their text.
 * Repositories receive it and never touch the driver directly.
 */
export class Db {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(readonly raw: Database.Database) {}

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

  /** Runs `work` in one IMMEDIATE transaction: all of it is written, or nothing. */
  transaction<T>(work: () => T): T {
    return this.raw.transaction(work).immediate();
  }

  close(): void {
    this.raw.close();
  }
}

/** Opens (creating if needed) the SQLite file with the settings the whole product relies on. */
export function openDatabase(file: string): Db {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const raw = new Database(file);
  raw.pragma("journal_mode = WAL");
  // FULL: a write acknowledged to a mentor survives a power cut, at a small cost per commit.
  raw.pragma("synchronous = FULL");
  raw.pragma("foreign_keys = ON");
  raw.pragma("busy_timeout = 5000");
  return new Db(raw);
}
