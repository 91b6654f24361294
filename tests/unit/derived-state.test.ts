import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { rebuildDerivedState } from "../../server/src/repositories/derived-state";
import { retractStatusUpdate } from "../../server/src/domain/status-updates";
import { findStatusUpdate } from "../../server/src/repositories/status-updates";
import { AXES } from "@shared/domain";
import { challengeId, recordStatus } from "../support/factories";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let database: TestDatabase;
afterEach(() => database?.dispose());

const derivedTables = (database: TestDatabase) => ({
  current: database.db.all("SELECT * FROM current_status ORDER BY challenge_id, axis"),
  months: database.db.all("SELECT * FROM challenge_month_levels ORDER BY challenge_id, axis, month"),
  steps: database.db.all("SELECT * FROM trajectory_steps ORDER BY promotion_key, axis, month"),
  monthsByView: database.db.all("SELECT * FROM challenge_month_levels_by_view ORDER BY challenge_id, view, axis, month"),
  stepsByView: database.db.all("SELECT * FROM trajectory_steps_by_view ORDER BY view, promotion_key, axis, month"),
  cohortColumns: database.db.all(
    "SELECT id, production_level, transmission_level, reliability_level, outcome_mask FROM challenges ORDER BY id",
  ),
});

const SLUGS = ["afd-geodata", "bnf-catalogage", "archifiltre", "cartobio", "datajust"];

describe("derived state", () => {
  it("kept on write equals the state rebuilt in bulk from history, whatever the writes and retractions", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            slug: fc.constantFrom(...SLUGS),
            axis: fc.constantFrom(...AXES),
            level: fc.constantFrom(0 as const, 1 as const, 2 as const, 3 as const),
            // Few dates, several in one month and some before the start: the cases that matter.
            asOf: fc.constantFrom("2016-10-01", "2017-01-15", "2017-01-31", "2017-02-01", "2017-02-28", "2017-03-10", "2018-06-01", "2019-04-30"),
            retract: fc.boolean(),
          }),
          { minLength: 1, maxLength: 40 },
        ),
        (writes) => {
          database?.dispose();
          database = createTestDatabase();
          for (const write of writes) {
            const id = recordStatus(database.db, write.slug, write.axis, write.level, write.asOf);
            if (write.retract) {
              database.db.transaction(() =>
                retractStatusUpdate(
                  database.db,
                  { id, challengeId: challengeId(database.db, write.slug), axis: findStatusUpdate(database.db, id)!.axis },
                  { reason: "Erreur", authorId: null, authorName: "Test" },
                ),
              );
            }
          }
          const incremental = derivedTables(database);
          rebuildDerivedState(database.db);
          expect(derivedTables(database)).toEqual(incremental);
        },
      ),
      { numRuns: 25 },
    );
  });
});
