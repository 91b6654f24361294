import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../../server/src/db/database";
import { migrate, readMigrations } from "../../server/src/db/migrate";

let dir: string;
let db: Db;
afterEach(() => {
  db?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

function freshDatabase(): Db {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "eig-migrate-"));
  db = openDatabase(path.join(dir, "db.sqlite"));
  return db;
}

describe("migrations", () => {
  it("apply once, in order, and record the schema version", () => {
    const db = freshDatabase();
    const all = readMigrations();
    expect(migrate(db)).toEqual(all.map((m) => m.name));
    expect(db.pragma("user_version")).toBe(all.length);
    expect(migrate(db)).toEqual([]);
  });

  it("opens the database in WAL mode with foreign keys enforced", () => {
    const db = freshDatabase();
    migrate(db);
    expect(db.pragma("journal_mode")).toBe("wal");
    expect(db.pragma("foreign_keys")).toBe(1);
    expect(() =>
      db.run("INSERT INTO status_updates (challenge_id, axis, level, as_of, author_name) VALUES (999, 'production', 1, '2020-01-01', 'x')"),
    ).toThrow(/FOREIGN KEY/);
  });

  it("refuses a database written by a newer version of the code", () => {
    const db = freshDatabase();
    migrate(db);
    db.pragma("user_version = 999");
    expect(() => migrate(db)).toThrow(/newer than this code/);
  });

  it("rolls back a failing migration entirely", () => {
    const db = freshDatabase();
    const broken = [
      { version: 1, name: "0001_ok.sql", sql: "CREATE TABLE a (x INTEGER);" },
      { version: 2, name: "0002_broken.sql", sql: "CREATE TABLE b (x INTEGER); INSERT INTO nowhere VALUES (1);" },
    ];
    expect(() => migrate(db, broken)).toThrow();
    expect(db.pragma("user_version")).toBe(1);
    expect(db.get("SELECT name FROM sqlite_master WHERE name = 'b'")).toBeUndefined();
  });
});
