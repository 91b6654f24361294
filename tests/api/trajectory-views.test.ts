// Cohort trajectories per data view (docs/methodology.md): a mentor declares, the admin validates some
// updates and sends others back, and `GET /api/stats/trajectories?data=…` counts what each
// view says, live and as of a snapshot. Expected points are worked out by hand below.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { replaceChallengeMentors } from "../../server/src/repositories/users";
import { challengeId } from "../support/factories";
import { SessionClient, signedInClient } from "../support/session-client";
import { startTestServer, type TestServer } from "../support/test-server";

let server: TestServer;
let admin: SessionClient;
let mentor: SessionClient;
let evaluator: SessionClient;

// EIG 1 starts on 2017-01-01: month = whole months since then. Production axis only.
const A = "afd-geodata";
const B = "bnf-catalogage";
const ids: Record<string, number> = {};

beforeAll(async () => {
  server = await startTestServer();
  admin = (await signedInClient(server.baseUrl, server.db, "admin")).client;
  const signedMentor = await signedInClient(server.baseUrl, server.db, "mentor");
  mentor = signedMentor.client;
  evaluator = (await signedInClient(server.baseUrl, server.db, "evaluator")).client;
  for (const slug of [A, B]) replaceChallengeMentors(server.db, challengeId(server.db, slug), [signedMentor.account.id]);
});
afterAll(() => server.close());

async function declare(name: string, slug: string, level: number, asOf: string) {
  const answer = await mentor.post(`/api/challenges/${slug}/status-updates`, { axis: "production", level, note: "Déclaration", asOf });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  ids[name] = answer.body.id;
}

async function decide(name: string, decision: "validated" | "sent_back") {
  const body = decision === "validated" ? { decision } : { decision, comment: "Quelle preuve de mise en production ?" };
  const answer = await admin.post(`/api/status-updates/${ids[name]}/validation`, body);
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
}

const path = (data: string, snapshot?: number) => `/api/stats/trajectories?promotion=1&data=${data}${snapshot ? `&snapshot=${snapshot}` : ""}`;
async function production(data: string, snapshot?: number) {
  const answer = await evaluator.get(path(data, snapshot));
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body[0].axes.production as { month: number; meanLevel: number; reported: number }[];
}
const point = (month: number, meanLevel: number, reported: number) => ({ month, meanLevel, reported });

// In force at the end of each month (A | B), and its state once the admin has decided:
//   month 1: a1 = 1 validated    | —
//   month 2: a1 = 1 validated    | b1 = 2 declared
//   month 3: a2 = 3 sent back    | b1 = 2 declared
//   month 4: a2 = 3 sent back    | b2 = 0 validated (declared until the last decision)
//   month 5: a3 = 2 declared     | b2 = 0
const ALL = [point(1, 1, 1), point(2, 1.5, 2), point(3, 2.5, 2), point(4, 1.5, 2), point(5, 1, 2)];

describe("GET /api/stats/trajectories?data=", () => {
  it("before any decision: nothing is validated, everything is declared", async () => {
    await declare("a1", A, 1, "2017-02-10");
    await declare("b1", B, 2, "2017-03-15");
    await declare("a2", A, 3, "2017-04-05");
    await declare("b2", B, 0, "2017-05-20");
    await declare("a3", A, 2, "2017-06-01");
    expect(await production("all")).toEqual(ALL);
    expect(await production("validated")).toEqual([]);
    expect(await production("declared")).toEqual(ALL);
  });

  it("validated counts the validated updates only, from their own month; declared counts an update in force while it is not validated", async () => {
    await decide("a1", "validated");
    await decide("a2", "sent_back");
    // Validated: a1 only. Reported in month 1 only: one point.
    expect(await production("validated")).toEqual([point(1, 1, 1)]);
    // Declared: A from month 3 (a2 sent back, then a3), B from month 2 (b1, then b2 still declared).
    expect(await production("declared")).toEqual([point(2, 2, 1), point(3, 2.5, 2), point(4, 1.5, 2), point(5, 1, 2)]);
    expect(await production("all")).toEqual(ALL);
  });

  it("a decision changes the answer and its ETag; a snapshot taken before it does not move", async () => {
    const snapshot = await admin.post("/api/snapshots", { name: "Avant la validation de b2" });
    expect(snapshot.status).toBe(201);
    const before = await evaluator.get(path("validated"));

    await decide("b2", "validated");

    const after = await evaluator.request("GET", path("validated"), undefined, { "If-None-Match": before.headers.get("etag")! });
    expect(after.status).toBe(200);
    expect(after.headers.get("etag")).not.toBe(before.headers.get("etag"));
    // Validated: a1 (month 1) and b2 (month 4); the last validated report is in month 4.
    expect(after.body[0].axes.production).toEqual([point(1, 1, 1), point(2, 1, 1), point(3, 1, 1), point(4, 0.5, 2)]);
    // Declared: B leaves the count in month 4, when validated b2 is in force.
    expect(await production("declared")).toEqual([point(2, 2, 1), point(3, 2.5, 2), point(4, 3, 1), point(5, 2, 1)]);
    expect(await production("all")).toEqual(ALL);

    // As of the snapshot: the views as they stood before b2 was validated.
    expect(await production("validated", snapshot.body.id)).toEqual([point(1, 1, 1)]);
    expect(await production("declared", snapshot.body.id)).toEqual([point(2, 2, 1), point(3, 2.5, 2), point(4, 1.5, 2), point(5, 1, 2)]);
    expect(await production("all", snapshot.body.id)).toEqual(ALL);
  });

  it("a retraction takes the update out of every view", async () => {
    const answer = await admin.post(`/api/status-updates/${ids.a3}/retraction`, { reason: "Saisie en double" });
    expect(answer.status).toBe(201);
    // A keeps a2 = 3 (sent back) from month 3. Points run to the last declared report: a2's, in
    // month 3 (b2, in month 4, is validated).
    expect(await production("declared")).toEqual([point(2, 2, 1), point(3, 2.5, 2)]);
    expect(await production("all")).toEqual([point(1, 1, 1), point(2, 1.5, 2), point(3, 2.5, 2), point(4, 1.5, 2)]);
  });
});
