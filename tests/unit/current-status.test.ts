import { afterEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { challengeId, recordStatus } from "../support/factories";

let database: TestDatabase;
afterEach(() => database?.dispose());

const current = (database: TestDatabase, slug: string) =>
  database.db.get<{ level: number; asOf: string }>(
    "SELECT level, as_of AS asOf FROM current_status WHERE challenge_id = ? AND axis = 'production'",
    [challengeId(database.db, slug)],
  );

describe("current status", () => {
  it("is the update with the latest date: a back-dated update enters history without overriding", () => {
    database = createTestDatabase();
    recordStatus(database.db, "archifiltre", "production", 2, "2020-06-01");
    recordStatus(database.db, "archifiltre", "production", 1, "2019-06-01");
    expect(current(database, "archifiltre")).toEqual({ level: 2, asOf: "2020-06-01" });
  });

  it("on the same date, the latest recorded wins", () => {
    database = createTestDatabase();
    recordStatus(database.db, "archifiltre", "production", 1, "2020-06-01");
    recordStatus(database.db, "archifiltre", "production", 3, "2020-06-01");
    expect(current(database, "archifiltre")).toEqual({ level: 3, asOf: "2020-06-01" });
  });

  it("keeps history append-only", () => {
    database = createTestDatabase();
    const id = recordStatus(database.db, "archifiltre", "production", 1, "2020-06-01");
    expect(() => database.db.run("UPDATE status_updates SET level = 3 WHERE id = ?", [id])).toThrow(/append-only/);
    expect(() => database.db.run("DELETE FROM status_updates WHERE id = ?", [id])).toThrow(/append-only/);
  });

  it("bumps the challenge's version with every update", () => {
    database = createTestDatabase();
    const version = () =>
      database.db.get<{ v: number }>("SELECT version AS v FROM challenges WHERE slug = 'archifiltre'")!.v;
    const before = version();
    recordStatus(database.db, "archifiltre", "transmission", 1, "2020-06-01");
    expect(version()).toBe(before + 1);
  });
});
