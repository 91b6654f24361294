// Cohort trajectories per data view (docs/methodology.md, migration 0010): what is kept on write (status
// updates, retractions, validation decisions) must equal what a bulk rebuild from history
// gives, for every view, and the trajectories read from it must say what a model of the
// definitions says, computed here straight from the history rows.
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { ensureDerivedState, rebuildDerivedState } from "../../server/src/repositories/derived-state";
import { trajectories } from "../../server/src/repositories/stats";
import { appendStatusUpdate, retractStatusUpdate } from "../../server/src/domain/status-updates";
import { findStatusUpdate } from "../../server/src/repositories/status-updates";
import { decide, findDecidableEntry } from "../../server/src/repositories/review";
import { insertUser } from "../../server/src/repositories/users";
import { insertSnapshot } from "../../server/src/repositories/snapshots";
import { AXES, DATA_VIEWS, type Axis, type DataView } from "@shared/domain";
import { wholeMonthsBetween } from "@shared/dates";
import type { TrajectoryPoint } from "@shared/stats";
import { challengeId } from "../support/factories";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let database: TestDatabase;
afterEach(() => database?.dispose());

const kept = (database: TestDatabase) => ({
  months: database.db.all("SELECT * FROM challenge_month_levels ORDER BY challenge_id, axis, month"),
  steps: database.db.all("SELECT * FROM trajectory_steps ORDER BY promotion_key, axis, month"),
  monthsByView: database.db.all("SELECT * FROM challenge_month_levels_by_view ORDER BY challenge_id, view, axis, month"),
  stepsByView: database.db.all("SELECT * FROM trajectory_steps_by_view ORDER BY view, promotion_key, axis, month"),
});

// Two challenges of EIG 1 (one administration shared by none of the others) and one of EIG 2.
const SLUGS = ["afd-geodata", "archifiltre", "mi-cartav-securite-routiere"];
const AUTHORS = ["catalogue", "mentor", "admin"] as const;

const write = fc.oneof(
  fc.record({
    op: fc.constant("status" as const),
    slug: fc.constantFrom(...SLUGS),
    axis: fc.constantFrom<Axis>("production", "reliability"),
    level: fc.constantFrom(0 as const, 1 as const, 2 as const, 3 as const),
    // Several dates in one month, some before a promotion's start: the cases that matter.
    asOf: fc.constantFrom("2016-12-01", "2017-01-15", "2017-01-31", "2017-03-10", "2018-02-01", "2018-02-20", "2018-06-01", "2019-04-30"),
    author: fc.constantFrom(...AUTHORS),
  }),
  fc.record({ op: fc.constant("retract" as const), pick: fc.nat() }),
  fc.record({ op: fc.constant("decide" as const), pick: fc.nat(), decision: fc.constantFrom("validated" as const, "sent_back" as const) }),
);

interface Counted {
  challenge: number;
  promotion: string;
  administration: string;
  axis: Axis;
  id: number;
  asOf: string;
  month: number;
  level: number;
  validated: boolean;
}

/** The counting history (retracted updates left out), with each update's month and whether it is validated now. */
function countingHistory(database: TestDatabase): Counted[] {
  const rows = database.db.all<Omit<Counted, "month" | "validated"> & { startsOn: string }>(
    `SELECT u.id, u.challenge_id AS challenge, c.promotion_key AS promotion, c.administration, u.axis, u.level, u.as_of AS asOf,
            p.starts_on AS startsOn
     FROM status_updates u JOIN challenges c ON c.id = u.challenge_id JOIN promotions p ON p.key = c.promotion_key
     WHERE u.id NOT IN (SELECT status_update_id FROM status_update_retractions)`,
  );
  return rows.map(({ startsOn, ...row }) => ({
    ...row,
    month: wholeMonthsBetween(startsOn, row.asOf),
    validated: findDecidableEntry(database.db, "status_update", row.id)!.validation.state === "validated",
  }));
}

const latest = (updates: Counted[]) =>
  updates.reduce<Counted | undefined>((best, u) => (!best || u.asOf > best.asOf || (u.asOf === best.asOf && u.id > best.id) ? u : best), undefined);

/** The model: one axis's points for some challenges of a promotion, straight from the definitions. */
function modelPoints(history: Counted[], view: DataView): TrajectoryPoint[] {
  const challenges = [...new Set(history.map((u) => u.challenge))];
  // The update in force at the end of month m, in the view; and whether the challenge reported in m.
  const inForce = (challenge: number, month: number) => {
    const upTo = history.filter((u) => u.challenge === challenge && u.month <= month);
    if (view === "validated") return latest(upTo.filter((u) => u.validated));
    const current = latest(upTo);
    return view === "declared" && current?.validated ? undefined : current;
  };
  const reportedIn = (challenge: number, month: number) => {
    const ofMonth = history.filter((u) => u.challenge === challenge && u.month === month);
    if (view === "validated") return ofMonth.some((u) => u.validated);
    const last = latest(ofMonth);
    return last !== undefined && (view === "all" || !last.validated);
  };
  const months = [...new Set(history.map((u) => u.month))].sort((a, b) => a - b);
  const reportMonths = months.filter((month) => challenges.some((challenge) => reportedIn(challenge, month)));
  if (reportMonths.length === 0) return [];
  const points: TrajectoryPoint[] = [];
  for (let month = reportMonths[0]; month <= reportMonths.at(-1)!; month += 1) {
    const levels = challenges.map((challenge) => inForce(challenge, month)?.level).filter((level) => level !== undefined);
    if (levels.length === 0) continue;
    const mean = levels.reduce((sum, level) => sum + level, 0) / levels.length;
    points.push({ month, meanLevel: Math.round(mean * 1000) / 1000, reported: levels.length });
  }
  return points;
}

describe("trajectories per data view", () => {
  it("kept on write equal the rebuild from history in every view, and say what the definitions say", () => {
    fc.assert(
      fc.property(fc.array(write, { minLength: 1, maxLength: 40 }), (writes) => {
        database?.dispose();
        database = createTestDatabase();
        const db = database.db;
        const mentorId = insertUser(db, { email: "m@test.gouv.fr", name: "Mentor", role: "mentor", passwordHash: "x" });
        const adminId = insertUser(db, { email: "a@test.gouv.fr", name: "Admin", role: "admin", passwordHash: "x" });
        const statuses: number[] = [];
        for (const w of writes) {
          if (w.op === "status") {
            const author =
              w.author === "catalogue" ? { authorId: null, authorName: "Source" } : { authorId: w.author === "admin" ? adminId : mentorId, authorName: w.author };
            statuses.push(appendStatusUpdate(db, { challengeId: challengeId(db, w.slug), axis: w.axis, level: w.level, asOf: w.asOf, ...author }));
          } else if (statuses.length > 0) {
            const id = statuses[w.pick % statuses.length];
            const update = findStatusUpdate(db, id)!;
            if (update.retraction) continue;
            if (w.op === "retract") {
              db.transaction(() =>
                retractStatusUpdate(db, { id, challengeId: update.challengeId, axis: update.axis }, { reason: "Erreur", authorId: null, authorName: "Test" }),
              );
            } else {
              const entry = findDecidableEntry(db, "status_update", id)!;
              if (entry.validation.state === w.decision) continue;
              db.transaction(() =>
                decide(db, entry, { decision: w.decision, comment: w.decision === "sent_back" ? "Pourquoi ?" : null, adminId, adminName: "Admin" }),
              );
            }
          }
        }

        // Read once before the rebuild: the answers computed from what was kept on write.
        const administration = db.get<{ a: string }>("SELECT administration AS a FROM challenges WHERE slug = ?", [SLUGS[0]])!.a;
        const read = () =>
          DATA_VIEWS.map((data) => [trajectories(db, { data }), trajectories(db, { data, administration })]);
        const answers = read();
        const incremental = kept(database);
        rebuildDerivedState(db);
        expect(kept(database)).toEqual(incremental);

        const history = countingHistory(database);
        DATA_VIEWS.forEach((view, v) => {
          const [all, filtered] = answers[v];
          for (const trajectory of all) {
            for (const axis of AXES) {
              const ofPromotion = history.filter((u) => u.promotion === trajectory.key && u.axis === axis);
              expect(trajectory.axes[axis], `${view} ${trajectory.key} ${axis}`).toEqual(modelPoints(ofPromotion, view));
            }
          }
          for (const trajectory of filtered) {
            for (const axis of AXES) {
              const ofFilter = history.filter((u) => u.promotion === trajectory.key && u.axis === axis && u.administration === administration);
              expect(trajectory.axes[axis], `${view} filtered ${trajectory.key} ${axis}`).toEqual(modelPoints(ofFilter, view));
            }
          }
        });
      }),
      { numRuns: 40 },
    );
  });
});

describe("a snapshot taken before migration 0010", () => {
  it("gets its by-view trajectories computed once from its own history, as they stood when it was taken", () => {
    database = createTestDatabase();
    const db = database.db;
    const mentorId = insertUser(db, { email: "m@test.gouv.fr", name: "Mentor", role: "mentor", passwordHash: "x" });
    const adminId = insertUser(db, { email: "a@test.gouv.fr", name: "Admin", role: "admin", passwordHash: "x" });
    const record = (slug: string, level: 0 | 1 | 2 | 3, asOf: string, authorId: number | null) =>
      appendStatusUpdate(db, { challengeId: challengeId(db, slug), axis: "production", level, asOf, authorId, authorName: "Auteur" });
    const decideOn = (id: number, decision: "validated" | "sent_back") =>
      db.transaction(() =>
        decide(db, findDecidableEntry(db, "status_update", id)!, { decision, comment: decision === "sent_back" ? "Preuve ?" : null, adminId, adminName: "Admin" }),
      );
    record("afd-geodata", 1, "2017-02-01", null);
    const declared = record("afd-geodata", 2, "2017-05-01", mentorId);
    const sentBack = record("archifiltre", 3, "2017-04-01", mentorId);
    decideOn(sentBack, "sent_back");
    record("archifiltre", 1, "2017-06-01", adminId);

    const snapshotId = db.transaction(() => insertSnapshot(db, "Avant 0010", { id: adminId, name: "Admin" }));
    const copies = () => ({
      months: db.all("SELECT * FROM snapshot_challenge_month_levels_by_view WHERE snapshot_id = ? ORDER BY challenge_id, view, axis, month", [snapshotId]),
      steps: db.all("SELECT * FROM snapshot_trajectory_steps_by_view WHERE snapshot_id = ? ORDER BY view, promotion_key, axis, month", [snapshotId]),
    });
    const atCapture = copies();
    expect(atCapture.months.length).toBeGreaterThan(0);

    // The snapshot as a database migrated to 0010 finds it: copies of the other tables, none by view.
    db.exec(`
      DROP TRIGGER snapshot_challenge_month_levels_by_view_no_delete;
      DROP TRIGGER snapshot_trajectory_steps_by_view_no_delete;
      DELETE FROM snapshot_challenge_month_levels_by_view;
      DELETE FROM snapshot_trajectory_steps_by_view;
    `);
    // Live history moves on after the snapshot: a decision, a retraction, a new declaration.
    decideOn(declared, "validated");
    db.transaction(() => retractStatusUpdate(db, { id: sentBack, challengeId: challengeId(db, "archifiltre"), axis: "production" }, { reason: "Erreur", authorId: null, authorName: "Test" }));
    record("cartobio", 2, "2019-09-01", mentorId);

    expect(ensureDerivedState(db)).toBe(true);
    expect(copies()).toEqual(atCapture);
    // Once only.
    expect(ensureDerivedState(db)).toBe(false);
  });
});
