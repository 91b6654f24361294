// The validation columns of the challenge rows (migration 0007) kept on write must equal the
// ones rebuilt in bulk from history, and say what the history says, whatever the writes.
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { rebuildDerivedState } from "../../server/src/repositories/derived-state";
import { appendOutcome } from "../../server/src/domain/outcomes";
import { appendStatusUpdate, retractStatusUpdate } from "../../server/src/domain/status-updates";
import { findStatusUpdate } from "../../server/src/repositories/status-updates";
import { decide, findDecidableEntry } from "../../server/src/repositories/review";
import { insertUser } from "../../server/src/repositories/users";
import { AXES, type Axis, type Level } from "@shared/domain";
import { challengeId } from "../support/factories";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let database: TestDatabase;
afterEach(() => database?.dispose());

const columns = (database: TestDatabase) =>
  database.db.all(
    `SELECT id, validated_production_level, validated_transmission_level, validated_reliability_level, validated_outcome_mask,
            production_validated, transmission_validated, reliability_validated, outcome_validated
     FROM challenges ORDER BY id`,
  );

const SLUGS = ["afd-geodata", "mi-cartav-securite-routiere", "archifiltre"];
const AUTHORS = ["catalogue", "mentor", "admin"] as const;

const write = fc.oneof(
  fc.record({
    op: fc.constant("status" as const),
    slug: fc.constantFrom(...SLUGS),
    axis: fc.constantFrom(...AXES),
    level: fc.constantFrom(0 as const, 1 as const, 2 as const, 3 as const),
    asOf: fc.constantFrom("2017-01-15", "2017-02-01", "2018-06-01", "2019-04-30"),
    author: fc.constantFrom(...AUTHORS),
  }),
  fc.record({
    op: fc.constant("outcome" as const),
    slug: fc.constantFrom(...SLUGS),
    categories: fc.subarray(["maintained", "discontinued", "components_reused"] as const, { minLength: 1 }),
    asOf: fc.constantFrom("2017-06-01", "2019-04-30", "2020-01-01"),
    author: fc.constantFrom(...AUTHORS),
  }),
  fc.record({ op: fc.constant("retract" as const), pick: fc.nat() }),
  fc.record({ op: fc.constant("decide" as const), pick: fc.nat(), outcome: fc.boolean(), decision: fc.constantFrom("validated" as const, "sent_back" as const) }),
);

describe("validation columns", () => {
  it("kept on write equal the columns rebuilt from history, and the latest validated value", () => {
    fc.assert(
      fc.property(fc.array(write, { minLength: 1, maxLength: 40 }), (writes) => {
        database?.dispose();
        database = createTestDatabase();
        const db = database.db;
        const mentorId = insertUser(db, { email: "m@test.gouv.fr", name: "Mentor", role: "mentor", passwordHash: "x" });
        const adminId = insertUser(db, { email: "a@test.gouv.fr", name: "Admin", role: "admin", passwordHash: "x" });
        const authorOf = (author: (typeof AUTHORS)[number]) =>
          author === "catalogue" ? { authorId: null, authorName: "Source" } : { authorId: author === "admin" ? adminId : mentorId, authorName: author };
        const statuses: number[] = [];
        const outcomes: number[] = [];
        for (const w of writes) {
          if (w.op === "status") {
            statuses.push(appendStatusUpdate(db, { challengeId: challengeId(db, w.slug), axis: w.axis, level: w.level, asOf: w.asOf, ...authorOf(w.author) }));
          } else if (w.op === "outcome") {
            const author = authorOf(w.author);
            db.transaction(() => {
              const { outcome } = appendOutcome(db, {
                challengeId: challengeId(db, w.slug),
                categories: [...w.categories],
                path: null,
                note: null,
                asOf: w.asOf,
                authorId: author.authorId as number,
                authorName: author.authorName,
              });
              outcomes.push(outcome.id);
            });
          } else if (w.op === "retract" && statuses.length > 0) {
            const id = statuses[w.pick % statuses.length];
            const update = findStatusUpdate(db, id)!;
            if (!update.retraction) {
              db.transaction(() =>
                retractStatusUpdate(db, { id, challengeId: update.challengeId, axis: update.axis }, { reason: "Erreur", authorId: null, authorName: "Test" }),
              );
            }
          } else if (w.op === "decide") {
            const pool = w.outcome ? outcomes : statuses;
            if (pool.length === 0) continue;
            const entry = findDecidableEntry(db, w.outcome ? "outcome" : "status_update", pool[w.pick % pool.length])!;
            if (entry.retracted || entry.validation.state === w.decision) continue;
            db.transaction(() =>
              decide(db, entry, { decision: w.decision, comment: w.decision === "sent_back" ? "Pourquoi ?" : null, adminId, adminName: "Admin" }),
            );
          }
        }
        const incremental = columns(database);
        rebuildDerivedState(db);
        expect(columns(database)).toEqual(incremental);

        // The model: per axis, the latest (as_of, then id) non-retracted update whose state is validated.
        for (const slug of SLUGS) {
          const id = challengeId(db, slug);
          const history = db.all<{ id: number; axis: Axis; level: Level; asOf: string }>(
            `SELECT u.id, u.axis, u.level, u.as_of AS asOf FROM status_updates u WHERE u.challenge_id = ?
             AND NOT EXISTS (SELECT 1 FROM status_update_retractions r WHERE r.status_update_id = u.id)`,
            [id],
          );
          const row = db.get<Record<string, number | null>>("SELECT * FROM challenges WHERE id = ?", [id])!;
          for (const axis of AXES) {
            const sorted = history
              .filter((u) => u.axis === axis)
              .sort((a, b) => (a.asOf === b.asOf ? b.id - a.id : a.asOf < b.asOf ? 1 : -1));
            const states = sorted.map((u) => findDecidableEntry(db, "status_update", u.id)!.validation.state);
            const latestValidated = sorted.find((_, i) => states[i] === "validated");
            expect(row[`validated_${axis}_level`]).toBe(latestValidated?.level ?? null);
            expect(row[`${axis}_validated`]).toBe(sorted.length === 0 ? null : states[0] === "validated" ? 1 : 0);
            expect(row[`${axis}_level`]).toBe(sorted[0]?.level ?? null);
          }
        }
      }),
      { numRuns: 40 },
    );
  });
});
