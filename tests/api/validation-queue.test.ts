// The reviewer's queue, through the real server: what each entry shows, validating a
// challenge's declarations in one step, and setting superseded declarations aside.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { replaceChallengeMentors } from "../../server/src/repositories/users";
import { challengeId } from "../support/factories";
import { SessionClient, signedInClient } from "../support/session-client";
import { startTestServer, type TestServer } from "../support/test-server";

let server: TestServer;
let admin: SessionClient;
let mentor: SessionClient;

const A = "afd-geodata";
const B = "bnf-catalogage";

async function record(client: SessionClient, slug: string, axis: string, level: number, extra: Record<string, unknown> = {}) {
  const answer = await client.post(`/api/challenges/${slug}/status-updates`, { axis, level, asOf: "2024-03-01", ...extra });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return (answer.body as { id: number }).id;
}

interface Item {
  kind: string;
  id: number;
  challenge: { slug: string };
  evidenceUrl: string | null;
  previousValidatedLevel: number | null;
  note: string | null;
  superseded: boolean;
  validation: { state: string };
}
const queue = async () => {
  const answer = await admin.get("/api/validations?pageSize=200");
  expect(answer.status).toBe(200);
  return answer.body as { items: Item[]; total: number };
};
const count = (sql: string, params: unknown[] = []) => server.db.get<{ n: number }>(sql, params)!.n;

beforeAll(async () => {
  server = await startTestServer();
  admin = (await signedInClient(server.baseUrl, server.db, "admin")).client;
  const signedMentor = await signedInClient(server.baseUrl, server.db, "mentor");
  mentor = signedMentor.client;
  for (const slug of [A, B]) replaceChallengeMentors(server.db, challengeId(server.db, slug), [signedMentor.account.id]);
});
afterAll(() => server.close());

const ids: Record<string, number> = {};

describe("the validation queue", () => {
  it("shows per entry the evidence link, the axis's validated level so far and the note; superseded entries are marked", async () => {
    await record(admin, A, "production", 1); // validated when recorded: the level validated so far
    ids.aOld = await record(mentor, A, "production", 2, { note: "Bêta ouverte" });
    ids.aNew = await record(mentor, A, "production", 3, { note: "En service", evidenceUrl: "https://example.fr/preuve" });
    ids.aTransmission = await record(mentor, A, "transmission", 1);
    ids.b = await record(mentor, B, "production", 2);

    const { items } = await queue();
    const byId = (id: number) => items.find((item) => item.kind === "status_update" && item.id === id)!;
    expect(byId(ids.aNew)).toMatchObject({ evidenceUrl: "https://example.fr/preuve", previousValidatedLevel: 1, note: "En service", superseded: false });
    expect(byId(ids.aOld)).toMatchObject({ evidenceUrl: null, previousValidatedLevel: 1, note: "Bêta ouverte", superseded: true });
    expect(byId(ids.aTransmission)).toMatchObject({ previousValidatedLevel: null, superseded: false });
  });

  it("mentors may neither validate a challenge in one step nor dismiss (403), and nothing is written", async () => {
    const decisions = count("SELECT count(*) AS n FROM validation_decisions");
    expect((await mentor.post(`/api/challenges/${A}/validations`, { entries: [{ kind: "status_update", id: ids.aNew }] })).status).toBe(403);
    expect((await mentor.post("/api/validations/dismissals", { entries: [{ kind: "status_update", id: ids.aOld }] })).status).toBe(403);
    expect(count("SELECT count(*) AS n FROM validation_decisions")).toBe(decisions);
  });

  it("validating a challenge's declarations is all or nothing: one entry of another challenge changes nothing", async () => {
    const before = await queue();
    const refused = await admin.post(`/api/challenges/${A}/validations`, {
      entries: [
        { kind: "status_update", id: ids.aNew },
        { kind: "status_update", id: ids.b },
      ],
    });
    expect(refused.status).toBe(404);
    expect((await queue()).total).toBe(before.total);
    expect(count("SELECT count(*) AS n FROM validation_decisions WHERE entry_id = ?", [ids.aNew])).toBe(0);
  });

  it("validates a challenge's declarations in one request, each audited like a single validation", async () => {
    const before = await queue();
    const answer = await admin.post(`/api/challenges/${A}/validations`, {
      entries: [
        { kind: "status_update", id: ids.aNew },
        { kind: "status_update", id: ids.aTransmission },
      ],
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    expect(answer.body.results.map((result: { id: number; validation: { state: string } }) => [result.id, result.validation.state])).toEqual([
      [ids.aNew, "validated"],
      [ids.aTransmission, "validated"],
    ]);
    expect((await queue()).total).toBe(before.total - 2);
    expect(count("SELECT count(*) AS n FROM audit_log WHERE action = 'status_update.validated' AND target_id IN (?, ?)", [String(ids.aNew), String(ids.aTransmission)])).toBe(2);
    // The challenge counts the validated level now.
    const challenge = (await admin.get(`/api/challenges/${A}`)).body;
    expect(challenge.history.find((entry: { id: number }) => entry.id === ids.aNew).validation.state).toBe("validated");
    // Validating again: 409, nothing written.
    const again = await admin.post(`/api/challenges/${A}/validations`, { entries: [{ kind: "status_update", id: ids.aNew }] });
    expect(again.status).toBe(409);
  });

  it("dismisses superseded declarations in one action: they leave the queue and count as pending nowhere, their level is not validated", async () => {
    const before = await queue();
    expect(before.items.some((item) => item.id === ids.aOld && item.superseded)).toBe(true);
    // An entry in force cannot be dismissed, and the whole request is refused.
    const refused = await admin.post("/api/validations/dismissals", {
      entries: [
        { kind: "status_update", id: ids.aOld },
        { kind: "status_update", id: ids.b },
      ],
    });
    expect(refused.status).toBe(409);
    expect((await queue()).total).toBe(before.total);

    const answer = await admin.post("/api/validations/dismissals", { entries: [{ kind: "status_update", id: ids.aOld }] });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    expect(answer.body).toEqual({ dismissed: 1 });
    const after = await queue();
    expect(after.total).toBe(before.total - 1);
    expect(after.items.some((item) => item.id === ids.aOld)).toBe(false);
    expect((await admin.get("/api/validations?state=sent_back")).body.items.some((item: Item) => item.id === ids.aOld)).toBe(false);
    // Not a decision: no validation recorded, the validated level is still the newer one.
    expect(count("SELECT count(*) AS n FROM validation_decisions WHERE entry_id = ?", [ids.aOld])).toBe(0);
    expect(count("SELECT count(*) AS n FROM audit_log WHERE action = 'status_update.dismissed' AND target_id = ?", [String(ids.aOld)])).toBe(1);
    // Twice: 409.
    expect((await admin.post("/api/validations/dismissals", { entries: [{ kind: "status_update", id: ids.aOld }] })).status).toBe(409);
  });
});
