import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { challengeDetailSchema, challengeSummarySchema } from "@shared/challenge";
import { cohortStatsListSchema } from "@shared/cohort-stats";
import { problemSchema } from "@shared/problem";
import { promotionSchema } from "@shared/promotion";
import { recordStatus } from "../support/factories";
import { signedInClient, type SessionClient } from "../support/session-client";
import { startTestServer, type TestServer } from "../support/test-server";

let server: TestServer;
let reader: SessionClient;
beforeAll(async () => {
  server = await startTestServer();
  // Reads are the same for every role; an evaluator reads here.
  reader = (await signedInClient(server.baseUrl, server.db, "evaluator")).client;
});
afterAll(() => server.close());

async function getJson(path: string) {
  const { status, headers, body } = await reader.get(path);
  return { status, contentType: headers.get("content-type") ?? "", body };
}

async function expectProblem(path: string, status: number) {
  const response = await getJson(path);
  expect(response.status).toBe(status);
  expect(response.contentType).toContain("application/problem+json");
  return problemSchema.parse(response.body);
}

describe("GET /api/health", () => {
  it("answers ok", async () => {
    expect(await getJson("/api/health")).toMatchObject({ status: 200, body: { ok: true } });
  });
});

describe("GET /api/promotions", () => {
  it("lists the five promotions in order with their challenge counts", async () => {
    const { status, body } = await getJson("/api/promotions");
    expect(status).toBe(200);
    const promotions = z.array(promotionSchema).parse(body);
    expect(promotions.map((p) => [p.label, p.challengeCount])).toEqual([
      ["EIG 1", 9],
      ["EIG 2", 13],
      ["EIG 3", 15],
      ["DIG", 17],
      ["EIG 4", 17],
    ]);
    expect(promotions[0]).toMatchObject({ key: "1", year: 2017, startsOn: "2017-01-01" });
  });
});

describe("GET /api/challenges", () => {
  it("lists all 71 challenges in the contract's shape", async () => {
    const { status, body } = await getJson("/api/challenges");
    expect(status).toBe(200);
    const challenges = z.array(challengeSummarySchema.strict()).parse(body);
    expect(challenges).toHaveLength(71);
    expect(new Set(challenges.map((c) => c.slug)).size).toBe(71);
    const archifiltre = challenges.find((c) => c.slug === "archifiltre")!;
    expect(archifiltre.status).toEqual({ production: null, transmission: null, reliability: null });
    expect(archifiltre.outcome).toEqual({ categories: ["evolving_in_production"], asOf: "2019-04-18" });
  });

  it("filters by promotion", async () => {
    const { body } = await getJson("/api/challenges?promotion=dig");
    expect(body).toHaveLength(17);
    expect(new Set(body.map((c: { promotion: string }) => c.promotion))).toEqual(new Set(["dig"]));
  });

  it("searches title and administration without regard to case or accents", async () => {
    const accented = (await getJson(`/api/challenges?q=${encodeURIComponent("SÉCURITÉ civile")}`)).body;
    const plain = (await getJson("/api/challenges?q=securite%20civile")).body;
    expect(plain.length).toBeGreaterThan(0);
    expect(accented).toEqual(plain);
    for (const challenge of plain) {
      expect(`${challenge.title} ${challenge.administration}`.toLowerCase()).toMatch(/sécurité civile/);
    }
    const byTitle = (await getJson("/api/challenges?q=archif")).body;
    expect(byTitle.map((c: { slug: string }) => c.slug)).toEqual(["archifiltre"]);
  });

  it("combines both filters, and a search that matches nothing gives an empty list", async () => {
    expect((await getJson("/api/challenges?promotion=1&q=archif")).body).toEqual([]);
    expect((await getJson("/api/challenges?promotion=2&q=archif")).body).toHaveLength(1);
    expect((await getJson("/api/challenges?q=%25")).body).toEqual([]);
  });

  it("refuses a bad filter with the field in error", async () => {
    const unknown = await expectProblem("/api/challenges?promotion=eig9", 400);
    expect(unknown.errors).toEqual([{ path: "query.promotion", message: expect.stringContaining("eig9") }]);
    const extra = await expectProblem("/api/challenges?colour=blue", 400);
    expect(extra.errors?.[0].path).toBe("query");
    await expectProblem(`/api/challenges?q=${"x".repeat(201)}`, 400);
  });

  it("lists several promotions at once, as repeated keys or a comma list", async () => {
    for (const query of ["promotion=1&promotion=2", "promotion=1,2"]) {
      const { status, body } = await getJson(`/api/challenges?${query}`);
      expect(status).toBe(200);
      const promotions = new Set((body as { promotion: string }[]).map((challenge) => challenge.promotion));
      expect(promotions).toEqual(new Set(["1", "2"]));
      expect(body).toHaveLength(9 + 13);
    }
  });

  it("shows the current status once updates exist", async () => {
    recordStatus(server.db, "cartobio", "production", 2, "2020-03-01");
    recordStatus(server.db, "cartobio", "production", 1, "2019-09-01");
    const { body } = await getJson("/api/challenges?q=cartobio");
    expect(body[0].status.production).toEqual({ level: 2, asOf: "2020-03-01" });
    expect(body[0].version).toBe(3);
  });
});

describe("GET /api/challenges/:slug", () => {
  it("gives the challenge page's data with its version", async () => {
    const { status, body } = await getJson("/api/challenges/explocode");
    expect(status).toBe(200);
    const explocode = challengeDetailSchema.strict().parse(body);
    expect(explocode).toMatchObject({
      slug: "explocode",
      title: "ExploCode",
      promotion: "3",
      version: 1,
      datesApproximate: true,
      startsOn: "2019-01-01",
      endsOn: "2019-10-31",
      sourceCode: "https://github.com/SocialGouv/code-du-travail-numerique",
    });
    expect(explocode.allies.map((ally) => ally.name)).toEqual(["DSI", "DGT", "Etalab", "DINSIC"]);
    expect(explocode.actions).toHaveLength(1);
    expect(explocode.actions[0]).toMatchObject({ kind: "coordination", status: "planned" });
    expect(explocode.checklist).toHaveLength(21);
    expect(explocode.checklist.every((item) => !item.done)).toBe(true);
    expect(explocode.history).toEqual([]);
    expect(explocode.mentors).toEqual([]);
  });

  it("gives the history newest first and the chain of predecessors", async () => {
    recordStatus(server.db, "eig-link-2019", "transmission", 1, "2019-05-01");
    recordStatus(server.db, "eig-link-2019", "transmission", 2, "2019-11-01");
    const { body } = await getJson("/api/challenges/eig-link-2019");
    expect(body.history.map((u: { level: number }) => u.level)).toEqual([2, 1]);
    expect(body.history[0]).toMatchObject({ axis: "transmission", authorName: "Mentor de test", retraction: null });
    expect(body.predecessor).toEqual({ slug: "eig-link-2018", title: expect.any(String) });
    expect(body.successors.map((s: { slug: string }) => s.slug)).toEqual(["eig-link-2020"]);
  });

  it("answers 404 problem+json for an unknown slug", async () => {
    const problem = await expectProblem("/api/challenges/nexiste-pas", 404);
    expect(problem.detail).toContain("nexiste-pas");
  });
});

describe("GET /api/stats/cohorts", () => {
  it("counts outcomes and levels per promotion, honest about who did not report", async () => {
    recordStatus(server.db, "archifiltre", "production", 3, "2019-06-01");
    recordStatus(server.db, "socialconnect", "production", 1, "2019-06-01");
    const { status, body } = await getJson("/api/stats/cohorts");
    expect(status).toBe(200);
    const cohorts = cohortStatsListSchema.parse(body);
    expect(cohorts.map((c) => c.key)).toEqual(["1", "2", "3", "dig", "4"]);

    const eig2 = cohorts.find((c) => c.key === "2")!;
    expect(eig2.challengeCount).toBe(13);
    expect(eig2.outcomes).toEqual({
      maintained: 2,
      evolving_in_production: 2,
      production_after_end: 1,
      beyond_initial_scope: 1,
      components_reused: 0,
      discontinued: 0,
    });
    expect(eig2.outcomesNotReported).toBe(7);
    expect(eig2.levels.production).toEqual({ "0": 0, "1": 1, "2": 0, "3": 1, none: 11 });
    expect(eig2.meanLevels.production).toBe(2);
    expect(eig2.meanLevels.reliability).toBeNull();
    for (const cohort of cohorts) {
      for (const axis of ["production", "transmission", "reliability"] as const) {
        const d = cohort.levels[axis];
        expect(d["0"] + d["1"] + d["2"] + d["3"] + d.none).toBe(cohort.challengeCount);
      }
    }
  });

  it("gives only the promotion asked for, and refuses an unknown one", async () => {
    const { body } = await getJson("/api/stats/cohorts?promotion=dig");
    expect(body.map((c: { key: string }) => c.key)).toEqual(["dig"]);
    await expectProblem("/api/stats/cohorts?promotion=nope", 400);
    await expectProblem("/api/stats/cohorts?q=x", 400);
  });
});

describe("unknown API routes", () => {
  it("answer 404 problem+json, not the web page", async () => {
    await expectProblem("/api/nothing-here", 404);
  });
});
