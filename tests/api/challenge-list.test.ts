// The challenge list's sorts and filters, through the real server, on a hand-made scenario in
// EIG 1 (9 challenges, no status in the catalogue).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assignMentor, recordStatus } from "../support/factories";
import { createAccount, signedInClient, type SessionClient } from "../support/session-client";
import { startTestServer, type TestServer } from "../support/test-server";

let server: TestServer;
let admin: SessionClient;
let evaluator: SessionClient;
let mentorId: number;

const A = "afd-geodata"; // production 3
const B = "bnf-catalogage"; // production 1, reported last
const C = "ars-occitanie-parcours-de-soin"; // production 2

interface Summary {
  slug: string;
  title: string;
  stale: boolean;
}
const list = async (client: SessionClient, query: string) => {
  const answer = await client.get(`/api/challenges?promotion=1&${query}`);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body as Summary[];
};
const slugs = (rows: Summary[]) => rows.map((row) => row.slug);

let eig1: Summary[];
let others: string[];

beforeAll(async () => {
  server = await startTestServer();
  admin = (await signedInClient(server.baseUrl, server.db, "admin")).client;
  evaluator = (await signedInClient(server.baseUrl, server.db, "evaluator")).client;
  mentorId = (await createAccount(server.db, "mentor")).id;
  const today = new Date().toISOString().slice(0, 10);
  // Reported in the order A, C, B, each in its own millisecond: "last report" is the instant
  // recorded, and two writes in one millisecond would tie.
  const nextMillisecond = () => {
    const start = Date.now();
    while (Date.now() === start);
  };
  recordStatus(server.db, A, "production", 3, today);
  nextMillisecond();
  recordStatus(server.db, C, "production", 2, today);
  nextMillisecond();
  recordStatus(server.db, B, "production", 1, today);
  assignMentor(server.db, mentorId, A);
  assignMentor(server.db, mentorId, C);
  eig1 = await list(evaluator, "");
  others = eig1.filter((row) => ![A, B, C].includes(row.slug)).map((row) => row.slug);
});
afterAll(() => server.close());

describe("GET /api/challenges sorted and filtered", () => {
  it("sorts by name, and by an axis level either way with the unreported last", async () => {
    const byName = [...eig1].sort((x, y) => x.title.localeCompare(y.title, "fr", { sensitivity: "base" }));
    expect(slugs(await list(evaluator, "sort=name"))).toEqual(slugs(byName));
    expect(slugs(await list(evaluator, "sort=name&order=desc"))).toEqual(slugs(byName).reverse());
    expect(slugs(await list(evaluator, "sort=production")).slice(0, 3)).toEqual([B, C, A]);
    expect(slugs(await list(evaluator, "sort=production&order=desc")).slice(0, 3)).toEqual([A, C, B]);
    expect(slugs(await list(evaluator, "sort=production&order=desc")).slice(3).sort()).toEqual([...others].sort());
    expect(slugs(await list(evaluator, "sort=lastReport&order=desc")).slice(0, 3)).toEqual([B, C, A]);
    const promotions = (await evaluator.get("/api/challenges?promotion=1,2&sort=promotion&order=desc")).body as { promotion: string }[];
    expect(promotions[0]!.promotion).toBe("2");
    expect(promotions.at(-1)!.promotion).toBe("1");
  });

  it("filters by level per axis, « à mettre à jour », at risk (the dashboard's rule) and mentor", async () => {
    expect(slugs(await list(evaluator, "production=2"))).toEqual([C]);
    expect(slugs(await list(evaluator, "production=none")).sort()).toEqual([...others].sort());
    expect(await list(evaluator, "production=3&transmission=none")).toHaveLength(1);
    // « À mettre à jour »: nothing reported for 90 days, or never: the ones left untouched.
    const toUpdate = await list(evaluator, "toUpdate=true");
    expect(slugs(toUpdate).sort()).toEqual([...others].sort());
    expect(toUpdate.every((row) => row.stale)).toBe(true);
    const atRisk = (await evaluator.get("/api/stats/at-risk?promotion=1")).body as { atRisk: { slug: string }[] };
    expect(atRisk.atRisk.length).toBeGreaterThan(0);
    expect(slugs(await list(evaluator, "atRisk=true")).sort()).toEqual(atRisk.atRisk.map((row) => row.slug).sort());
    expect(slugs(await list(admin, `mentor=${mentorId}&sort=production`))).toEqual([C, A]);
  });

  it("filtering by mentor is for admins only; unknown values are refused", async () => {
    expect((await evaluator.get(`/api/challenges?mentor=${mentorId}`)).status).toBe(403);
    expect((await evaluator.get("/api/challenges?sort=colour")).status).toBe(400);
    expect((await evaluator.get("/api/challenges?production=4")).status).toBe(400);
  });
});
