// The dashboard's headline figures and the at-risk list, on a hand-worked scenario written
// through the API over the public catalogue (EIG 1: 9 challenges, EIG 2: 13, all ended in
// October 2017 and 2018; outcomes published on 2019-04-18 for mi-cartav-securite-routiere and
// mi-matchid in EIG 1, and for 6 of EIG 2's challenges, archifiltre among them).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SessionClient, signedInClient } from "../support/session-client";
import { startTestServer, type TestServer } from "../support/test-server";

let server: TestServer;
let admin: SessionClient;
let evaluator: SessionClient;

const report = async (slug: string, axis: string, level: number) =>
  expect((await admin.post(`/api/challenges/${slug}/status-updates`, { axis, level })).status).toBe(201);

beforeAll(async () => {
  server = await startTestServer();
  admin = (await signedInClient(server.baseUrl, server.db, "admin")).client;
  evaluator = (await signedInClient(server.baseUrl, server.db, "evaluator")).client;
  // EIG 1, reported today:
  //   afd-geodata     production 2, transmission 3, reliability 1, one person kept
  //   bnf-catalogage  production 1
  //   mi-matchid      production 3 (and its 2019 outcome)
  // mi-cartav-securite-routiere keeps only its 2019 outcome; the 5 others never reported.
  await report("afd-geodata", "production", 2);
  await report("afd-geodata", "transmission", 3);
  await report("afd-geodata", "reliability", 1);
  const kept = await admin.post("/api/challenges/afd-geodata/resources", { peopleKept: 1, arrangement: null, timeShare: null, budgetSecured: false });
  expect(kept.status).toBe(201);
  await report("bnf-catalogage", "production", 1);
  await report("mi-matchid", "production", 3);
  // EIG 2: archifiltre reports transmission 2 today.
  await report("archifiltre", "transmission", 2);
});
afterAll(() => server.close());

const get = async (path: string) => {
  const answer = await evaluator.get(path);
  expect(answer.status).toBe(200);
  return answer.body;
};

describe("GET /api/stats/headline", () => {
  it("gives each promotion's key figures with their n, and the selection's total", async () => {
    const headline = await get("/api/stats/headline?promotion=1&promotion=2");
    const [eig1, eig2] = headline.promotions;
    expect(eig1).toEqual({
      key: "1",
      label: "EIG 1",
      challengeCount: 9,
      // mi-cartav-securite-routiere and mi-matchid.
      outcomeReported: 2,
      // production: afd-geodata (2), mi-matchid (3); transmission: afd-geodata (3); reliability: none (afd-geodata is at 1).
      achieved: { production: 2, transmission: 1, reliability: 0 },
      // production: 9 − 3 reported; transmission and reliability: 9 − afd-geodata.
      levelNotReported: { production: 6, transmission: 8, reliability: 8 },
      // afd-geodata, bnf-catalogage, mi-matchid; mi-cartav's outcome dates from 2019.
      reportedRecently: 3,
      // 9 − the 3 above − mi-cartav-securite-routiere.
      neverReported: 5,
    });
    expect(eig2).toEqual({
      key: "2",
      label: "EIG 2",
      challengeCount: 13,
      outcomeReported: 6,
      achieved: { production: 0, transmission: 1, reliability: 0 },
      levelNotReported: { production: 13, transmission: 12, reliability: 13 },
      reportedRecently: 1,
      // 13 − the 6 with a published outcome (archifiltre among them).
      neverReported: 7,
    });
    expect(headline.total).toEqual({
      key: "total",
      label: "Total",
      challengeCount: 22,
      outcomeReported: 8,
      achieved: { production: 2, transmission: 2, reliability: 0 },
      levelNotReported: { production: 19, transmission: 20, reliability: 21 },
      reportedRecently: 4,
      neverReported: 12,
    });
    expect(headline.since).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("takes several promotions as repeated keys or as a comma list, and refuses an unknown one", async () => {
    const repeated = await get("/api/stats/headline?promotion=1&promotion=2");
    expect(await get("/api/stats/headline?promotion=1,2")).toEqual(repeated);
    // Other statistics take the same list: the first chart shows both promotions, no more.
    expect((await get("/api/stats/cohorts?promotion=2,1")).map((row: { key: string }) => row.key)).toEqual(["1", "2"]);
    // One promotion, as existing links say it, still works.
    expect((await get("/api/stats/headline?promotion=1")).total.challengeCount).toBe(9);
    const unknown = await evaluator.get("/api/stats/headline?promotion=1,nope");
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain("nope");
  });

  it("reads a snapshot as of when it was taken", async () => {
    const taken = await admin.post("/api/snapshots", { name: "Avant la reliabilité" });
    expect(taken.status).toBe(201);
    await report("bnf-catalogage", "reliability", 2);
    expect((await get("/api/stats/headline?promotion=1")).total.achieved.reliability).toBe(1);
    expect((await get(`/api/stats/headline?promotion=1&snapshot=${taken.body.id}`)).total.achieved.reliability).toBe(0);
  });
});

describe("GET /api/stats/at-risk", () => {
  it("counts apart the challenges that never reported, and gives the others' reasons", async () => {
    const { atRisk, neverReported } = await get("/api/stats/at-risk?promotion=1");
    expect(Object.fromEntries(atRisk.map((row: { slug: string; reasons: string[] }) => [row.slug, row.reasons]))).toEqual({
      // Production 1 < 2, no resource; reported today.
      "bnf-catalogage": ["production_below_achieved", "nobody_kept"],
      // No level at all, no resource, last report (its outcome) in 2019.
      "mi-cartav-securite-routiere": ["production_below_achieved", "nobody_kept", "stale"],
      // In production (3) and reported today, but nobody kept.
      "mi-matchid": ["nobody_kept"],
      // afd-geodata: production 2, one person kept, reported today: not at risk.
    });
    expect(neverReported.map((row: { slug: string }) => row.slug).sort()).toEqual([
      "ars-occitanie-parcours-de-soin",
      "cc-api-rapports",
      "dgfip-fraude-fiscale",
      "mcc-inventaire-des-orgues",
      "mesri-magical-merge-machine",
    ]);
  });

  it("no longer puts the whole catalogue at risk", async () => {
    const { atRisk, neverReported } = await get("/api/stats/at-risk");
    // 71 challenges: the list counted every one of them at risk, reported or not.
    expect(atRisk.length + neverReported.length).toBeLessThanOrEqual(71);
    expect(atRisk.length).toBeLessThan(71);
    expect(neverReported.length).toBeGreaterThan(0);
    for (const row of atRisk) expect(row.lastReportAt).not.toBeNull();
  });
});
