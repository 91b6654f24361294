// A write with several effects is one transaction owned by its use case: when a late step
// fails (here the audit entry, written after everything else it describes), nothing of the
// write remains — no history row, no derived table moved, no data revision bumped.
import { afterEach, describe, expect, it } from "vitest";
import { newCampaignSchema } from "@shared/campaign";
import { addDays, parisDate } from "@shared/dates";
import { outcomeUpdateSchema } from "@shared/writes";
import type { Db } from "../../server/src/db/database";
import type { Actor } from "../../server/src/domain/actor";
import { openCampaign } from "../../server/src/domain/campaigns";
import { acceptInvitation, invite } from "../../server/src/domain/invitations";
import { recordOutcome } from "../../server/src/domain/outcomes";
import { confirmStatus, recordStatusUpdate } from "../../server/src/domain/status-updates";
import { challengeVersion } from "../../server/src/repositories/outcomes";
import { insertUser } from "../../server/src/repositories/users";
import { assignMentor, challengeId } from "../support/factories";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let database: TestDatabase;
afterEach(() => database?.dispose());

const AUDIT_DOWN = "audit log unavailable";

/** From now on, every audit entry is refused by the database, as a full disk or a bug would. */
function failAuditWrites(db: Db): void {
  db.run(`CREATE TRIGGER test_audit_down BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, '${AUDIT_DOWN}'); END`);
}

function restoreAuditWrites(db: Db): void {
  db.run("DROP TRIGGER test_audit_down");
}

/** Every row of every table: what a write changes, whichever tables it reaches. */
function everything(db: Db): Record<string, unknown[]> {
  const tables = db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
  return Object.fromEntries(tables.map(({ name }) => [name, db.all(`SELECT * FROM "${name}"`)]));
}

function actor(db: Db, role: "mentor" | "admin"): Actor {
  const email = `${role}@test.gouv.fr`;
  const id = insertUser(db, { email, name: `Le ${role}`, role, passwordHash: "x" });
  return { id, name: `Le ${role}`, email, ip: "127.0.0.1" };
}

/** Runs `write` with the audit log down: it must throw the audit failure and leave every table as it was. */
function expectNothingLeftBy(db: Db, write: () => unknown): void {
  failAuditWrites(db);
  const before = everything(db);
  expect(write).toThrow(AUDIT_DOWN);
  expect(everything(db)).toEqual(before);
  restoreAuditWrites(db);
}

describe("a use case whose audit entry fails leaves nothing of its write", () => {
  it("recording a status update: no history row, current status, trajectories, validation flags, version or revision", () => {
    database = createTestDatabase();
    const { db } = database;
    const mentor = actor(db, "mentor");
    const challenge = { id: challengeId(db, "archifiltre"), slug: "archifiltre" };
    const update = { axis: "production", level: 2, asOf: "2024-03-01" } as const;
    const revision = () => db.get<{ revision: number }>("SELECT revision FROM data_revision")!.revision;
    const atStart = revision();

    expectNothingLeftBy(db, () => recordStatusUpdate(db, challenge, update, mentor));
    expect(revision()).toBe(atStart);

    // The same write with the audit log up goes through: the refusal above was the audit's.
    expect(recordStatusUpdate(db, challenge, update, mentor)).toMatchObject({ axis: "production", level: 2 });
    expect(revision()).toBeGreaterThan(atStart);
    expectNothingLeftBy(db, () => confirmStatus(db, challenge, undefined, mentor));
  });

  it("recording an outcome: no history row, outcome in force, categories or version", () => {
    database = createTestDatabase();
    const { db } = database;
    const mentor = actor(db, "mentor");
    const challenge = { id: challengeId(db, "archifiltre"), slug: "archifiltre" };
    const outcome = outcomeUpdateSchema.parse({ categories: ["maintained"], asOf: "2024-03-01" });

    expectNothingLeftBy(db, () => recordOutcome(db, challenge, outcome, challengeVersion(db, challenge.id), mentor));

    expect(recordOutcome(db, challenge, outcome, challengeVersion(db, challenge.id), mentor).changed).toBe(true);
  });

  it("accepting an invitation: no account, no mentor assignment, the invitation still open", () => {
    database = createTestDatabase();
    const { db } = database;
    const admin = actor(db, "admin");
    const { token } = invite(db, { email: "new@test.gouv.fr", name: "Nouvelle", role: "mentor", challenges: ["archifiltre"] }, admin);

    expectNothingLeftBy(db, () => acceptInvitation(db, token, "hash", "127.0.0.1"));

    const { user } = acceptInvitation(db, token, "hash", "127.0.0.1");
    expect(db.get("SELECT 1 AS assigned FROM challenge_mentors WHERE user_id = ?", [user.id])).toEqual({ assigned: 1 });
  });

  it("opening a campaign: no campaign, no challenges attached, no email queued", () => {
    database = createTestDatabase();
    const { db } = database;
    const admin = actor(db, "admin");
    assignMentor(db, actor(db, "mentor").id, "archifiltre");
    const deps = { db, mailer: { enabled: true }, config: { publicUrl: "http://localhost" } };
    const input = newCampaignSchema.parse({
      name: "Printemps",
      deadline: addDays(parisDate(), 30),
      promotions: [],
      challenges: ["archifiltre"],
    });

    expectNothingLeftBy(db, () => openCampaign(deps, input, admin));

    expect(openCampaign(deps, input, admin).emails.queued).toBe(1);
  });
});
