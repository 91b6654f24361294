import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { replaceChallengeMentors } from "../../server/src/repositories/users";
import { challengeId } from "../support/factories";
import { signedInClient, type SessionClient } from "../support/session-client";
import { startTestServer, type TestServer } from "../support/test-server";

let server: TestServer;
let reader: SessionClient;
let mentor: SessionClient;

beforeAll(async () => {
  server = await startTestServer();
  reader = (await signedInClient(server.baseUrl, server.db, "evaluator")).client;
  const signed = await signedInClient(server.baseUrl, server.db, "mentor");
  mentor = signed.client;
  replaceChallengeMentors(server.db, challengeId(server.db, "archifiltre"), [signed.account.id]);
});
afterAll(() => server.close());

const READS = [
  "/api/promotions",
  "/api/challenges?promotion=2",
  "/api/challenges/archifiltre",
  "/api/stats/cohorts",
  "/api/stats/trajectories",
  "/api/stats/outcomes-after-end",
  "/api/stats/sustainability",
  "/api/stats/at-risk",
];

describe("ETags from the data revision", () => {
  it.each(READS)("%s: an ETag, then 304 for the same revision", async (path) => {
    const first = await reader.get(path);
    expect(first.status).toBe(200);
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^W\/"r\d+-\d{4}-\d{2}-\d{2}"$/);
    expect(first.headers.get("cache-control")).toBe("private, no-cache");
    const again = await reader.request("GET", path, undefined, { "If-None-Match": etag });
    expect(again.status).toBe(304);
    expect(again.body).toBe("");
  });

  it("a write changes the ETag and the next read shows it: nothing is served stale", async () => {
    const before = await reader.get("/api/stats/cohorts?promotion=2");
    expect(before.body[0].levels.production["3"]).toBe(0);
    expect((await mentor.post("/api/challenges/archifiltre/status-updates", { axis: "production", level: 3 })).status).toBe(201);
    const stale = await reader.request("GET", "/api/stats/cohorts?promotion=2", undefined, { "If-None-Match": before.headers.get("etag")! });
    expect(stale.status).toBe(200);
    expect(stale.headers.get("etag")).not.toBe(before.headers.get("etag"));
    expect(stale.body[0].levels.production["3"]).toBe(1);
    const trajectory = (await reader.get("/api/stats/trajectories?promotion=2")).body[0];
    expect(trajectory.axes.production.at(-1).reported).toBe(1);
  });

  it("does not answer a refused request from the cache", async () => {
    expect((await reader.get("/api/stats/cohorts?promotion=zz")).status).toBe(400);
    expect((await reader.get("/api/stats/cohorts?promotion=zz")).status).toBe(400);
  });
});
