import fs from "node:fs";
import path from "node:path";
import type { Db } from "./database";
import { projectRoot } from "../config";

const migrationsDir = path.join(projectRoot, "db", "migrations");
const fileName = /^(\d{4})_[a-z0-9_]+\.sql$/;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function readMigrations(dir = migrationsDir): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((name) => fileName.test(name))
    .sort()
    .map((name, index) => {
      const version = Number(name.slice(0, 4));
      if (version !== index + 1) throw new Error(`Migration ${name}: expected number ${index + 1}.`);
      return { version, name, sql: fs.readFileSync(path.join(dir, name), "utf8") };
    });
}

/**
 * Applies, in order and each in its own transaction, the migrations the database has not
 * run yet. `PRAGMA user_version` records the last one applied. Returns the names applied.
 */
export function migrate(db: Db, migrations = readMigrations()): string[] {
  const current = db.pragma("user_version") as number;
  if (current > migrations.length) {
    throw new Error(`The database is at schema version ${current}, newer than this code (${migrations.length}).`);
  }
  const applied: string[] = [];
  for (const migration of migrations.slice(current)) {
    const ran = db.transaction(() => {
      // Read again under the write lock: a second process starting on the same file at the
      // same moment may have applied this migration while we waited for the lock.
      if ((db.pragma("user_version") as number) >= migration.version) return false;
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
      return true;
    });
    if (ran) applied.push(migration.name);
  }
  return applied;
}
