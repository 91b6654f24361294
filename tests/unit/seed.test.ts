import { afterEach, describe, expect, it } from "vitest";
import { loadCatalogue, readCatalogue } from "../../server/src/repositories/seed";
import { PUBLIC_SOURCE_AUTHOR } from "@shared/domain";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let database: TestDatabase;
afterEach(() => database?.dispose());

const count = (database: TestDatabase, table: string) =>
  database.db.get<{ n: number }>(`SELECT count(*) AS n FROM ${table}`)!.n;

describe("catalogue seed", () => {
  it("loads the 71 challenges of the 5 promotions with their own dates", () => {
    database = createTestDatabase();
    const catalogue = readCatalogue();
    expect(count(database, "challenges")).toBe(71);
    expect(database.db.all("SELECT label FROM promotions ORDER BY position").map((row: any) => row.label)).toEqual([
      "EIG 1",
      "EIG 2",
      "EIG 3",
      "DIG",
      "EIG 4",
    ]);
    // DIG challenges keep their own length (6 to 12 months), not the promotion's.
    const digDurations = database.db
      .all<{ d: number }>("SELECT DISTINCT duration_months AS d FROM challenges WHERE promotion_key = 'dig'")
      .map((row) => row.d);
    expect(digDurations.length).toBeGreaterThan(1);
    const sample = catalogue.challenges.find((c) => c.promotion === "dig" && c.durationMonths !== 12)!;
    expect(
      database.db.get("SELECT starts_on AS startsOn, ends_on AS endsOn FROM challenges WHERE slug = ?", [sample.slug]),
    ).toEqual({ startsOn: sample.startsOn, endsOn: sample.endsOn });
  });

  it("is idempotent and keeps corrections made since", () => {
    database = createTestDatabase();
    const tables = ["promotions", "challenges", "outcomes", "actions", "allies", "challenge_skills"];
    const before = tables.map((table) => count(database, table));
    database.db.run("UPDATE challenges SET starts_on = '2019-03-01', dates_approximate = 0 WHERE slug = 'explocode'");

    expect(loadCatalogue(database.db)).toBe(0);

    expect(tables.map((table) => count(database, table))).toEqual(before);
    expect(database.db.get("SELECT starts_on AS s FROM challenges WHERE slug = 'explocode'")).toEqual({ s: "2019-03-01" });
  });

  it("restates the public outcomes, actions and allies, attributed to the public source, and invents no status", () => {
    database = createTestDatabase();
    const catalogue = readCatalogue();
    const withOutcome = catalogue.challenges.filter((c) => c.seedOutcome);
    expect(count(database, "outcomes")).toBe(withOutcome.length);
    expect(count(database, "current_outcome")).toBe(withOutcome.length);
    expect(count(database, "actions")).toBe(catalogue.challenges.flatMap((c) => c.seedActions ?? []).length);
    expect(count(database, "allies")).toBe(catalogue.challenges.flatMap((c) => c.seedAllies ?? []).length);
    expect(count(database, "status_updates")).toBe(0);
    expect(count(database, "current_status")).toBe(0);

    const archifiltre = database.db.get<{ categories: string; asOf: string; author: string }>(
      `SELECT o.categories, o.as_of AS asOf, o.author_name AS author FROM outcomes o
       JOIN challenges c ON c.id = o.challenge_id WHERE c.slug = 'archifiltre'`,
    )!;
    expect(JSON.parse(archifiltre.categories)).toEqual(["evolving_in_production"]);
    expect(archifiltre.asOf).toBe("2019-04-18");
    expect(archifiltre.author).toBe(PUBLIC_SOURCE_AUTHOR);

    const planned = database.db.all<{ status: string }>("SELECT DISTINCT status FROM actions");
    expect(planned).toEqual([{ status: "planned" }]);
  });

  it("links a challenge to the one it continues", () => {
    database = createTestDatabase();
    expect(
      database.db.get(
        `SELECT p.slug FROM challenges c JOIN challenges p ON p.id = c.predecessor_id WHERE c.slug = 'eig-link-2019'`,
      ),
    ).toEqual({ slug: "eig-link-2018" });
  });

  it("bumps the data revision on every write", () => {
    database = createTestDatabase();
    const revision = () => database.db.get<{ r: number }>("SELECT revision AS r FROM data_revision")!.r;
    const afterSeed = revision();
    expect(afterSeed).toBeGreaterThan(0);
    database.db.run("UPDATE challenges SET title = 'Autre titre' WHERE slug = 'explocode'");
    expect(revision()).toBe(afterSeed + 1);
  });
});
