import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rebuildDerivedState } from "../../server/src/repositories/derived-state";
import { recordStatus } from "../support/factories";
import { signedInClient, type SessionClient } from "../support/session-client";
import { startTestServer, type TestServer } from "../support/test-server";

let server: TestServer;
let admin: SessionClient;
let adminId: number;
let mentor: SessionClient;
let evaluator: SessionClient;

beforeAll(async () => {
  server = await startTestServer();
  const signed = await signedInClient(server.baseUrl, server.db, "admin");
  admin = signed.client;
  adminId = signed.account.id;
  mentor = (await signedInClient(server.baseUrl, server.db, "mentor")).client;
  evaluator = (await signedInClient(server.baseUrl, server.db, "evaluator")).client;
});
afterAll(() => server.close());

const revision = () => server.db.get<{ revision: number }>("SELECT revision FROM data_revision")!.revision;
const lastAudit = async (action: string, targetId: string) => {
  const page = (await admin.get(`/api/audit?action=${action}&targetId=${encodeURIComponent(targetId)}`)).body;
  return page.items[0];
};

/** Every table kept on write that a promotion's or a challenge's dates could reach. */
const derivedTables = () => ({
  current: server.db.all("SELECT * FROM current_status ORDER BY challenge_id, axis"),
  months: server.db.all("SELECT * FROM challenge_month_levels ORDER BY challenge_id, axis, month"),
  steps: server.db.all("SELECT * FROM trajectory_steps ORDER BY promotion_key, axis, month"),
  monthsByView: server.db.all("SELECT * FROM challenge_month_levels_by_view ORDER BY challenge_id, view, axis, month"),
  stepsByView: server.db.all("SELECT * FROM trajectory_steps_by_view ORDER BY view, promotion_key, axis, month"),
  cohortColumns: server.db.all(
    "SELECT id, production_level, transmission_level, reliability_level, outcome_mask FROM challenges ORDER BY id",
  ),
});

describe("PATCH /api/promotions/:key", () => {
  it("corrects the dates and clears « approximate », audited with before/after, revision bumped", async () => {
    const before = revision();
    const answer = await admin.patch("/api/promotions/3", { startsOn: "2019-01-14", endsOn: "2019-11-08", datesApproximate: false });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ key: "3", startsOn: "2019-01-14", endsOn: "2019-11-08", datesApproximate: false });
    expect(revision()).toBeGreaterThan(before);
    const listed = (await admin.get("/api/promotions")).body.find((p: { key: string }) => p.key === "3");
    expect(listed).toMatchObject({ startsOn: "2019-01-14", endsOn: "2019-11-08", datesApproximate: false });
    const audit = await lastAudit("promotion.updated", "3");
    expect(audit).toMatchObject({
      actorId: adminId,
      targetType: "promotion",
      before: { startsOn: "2019-01-01", endsOn: "2019-10-31", datesApproximate: true },
      after: { startsOn: "2019-01-14", endsOn: "2019-11-08", datesApproximate: false },
    });
    expect(audit.before).not.toHaveProperty("label");
  });

  it("moves the trajectories with the start: the kept month levels and steps equal a rebuild", async () => {
    // Updates on both sides of the new start's day of month, in two months.
    recordStatus(server.db, "archifiltre", "production", 1, "2018-03-10");
    recordStatus(server.db, "archifiltre", "production", 2, "2018-03-20");
    recordStatus(server.db, "archifiltre", "transmission", 3, "2018-05-02");
    const monthsBefore = server.db.all("SELECT * FROM challenge_month_levels ORDER BY challenge_id, axis, month");
    const answer = await admin.patch("/api/promotions/2", { startsOn: "2018-01-15" });
    expect(answer.status).toBe(200);
    const kept = derivedTables();
    expect(kept.months).not.toEqual(monthsBefore);
    rebuildDerivedState(server.db);
    expect(derivedTables()).toEqual(kept);
  });

  it("refuses an end before the start (400, field named) and changes nothing", async () => {
    const before = (await admin.get("/api/promotions")).body.find((p: { key: string }) => p.key === "1");
    const audits = (await admin.get("/api/audit?action=promotion.updated")).body.items.length;
    const both = await admin.patch("/api/promotions/1", { startsOn: "2017-06-01", endsOn: "2017-01-01" });
    expect(both.status).toBe(400);
    expect(both.body.errors).toEqual([{ path: "body.endsOn", message: expect.stringContaining("postérieure") }]);
    // One date against the one stored.
    const one = await admin.patch("/api/promotions/1", { endsOn: "2016-12-31" });
    expect(one.status).toBe(400);
    expect(one.body.errors[0].path).toBe("body.endsOn");
    expect((await admin.patch("/api/promotions/1", { startsOn: "2017-02-30" })).status).toBe(400);
    expect((await admin.get("/api/promotions")).body.find((p: { key: string }) => p.key === "1")).toEqual(before);
    expect((await admin.get("/api/audit?action=promotion.updated")).body.items.length).toBe(audits);
  });

  it("is for admins only: 403 for a mentor and an evaluator, 404 for an unknown promotion", async () => {
    expect((await mentor.patch("/api/promotions/1", { datesApproximate: false })).status).toBe(403);
    expect((await evaluator.patch("/api/promotions/1", { datesApproximate: false })).status).toBe(403);
    expect((await admin.patch("/api/promotions/nope", { datesApproximate: false })).status).toBe(404);
  });
});

describe("POST /api/promotions and /api/promotions/:key/challenges", () => {
  it("adds EIG 5, which the promotion list and the dashboard's cohort figures show", async () => {
    const before = revision();
    const answer = await admin.post("/api/promotions", {
      key: "5",
      label: "EIG 5",
      startsOn: "2021-09-01",
      endsOn: "2022-06-30",
      datesApproximate: false,
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({
      key: "5",
      label: "EIG 5",
      year: 2021,
      startsOn: "2021-09-01",
      endsOn: "2022-06-30",
      datesApproximate: false,
      challengeCount: 0,
    });
    expect(revision()).toBeGreaterThan(before);
    const promotions = (await evaluator.get("/api/promotions")).body;
    expect(promotions.at(-1)).toMatchObject({ key: "5", label: "EIG 5" });
    const cohorts = (await evaluator.get("/api/stats/cohorts")).body;
    expect(cohorts.map((cohort: { key: string }) => cohort.key)).toContain("5");
    expect(await lastAudit("promotion.created", "5")).toMatchObject({ actorId: adminId, after: { key: "5", label: "EIG 5" } });
    expect((await admin.post("/api/promotions", { key: "5", label: "EIG 5 bis", startsOn: "2021-09-01", endsOn: "2022-06-30", datesApproximate: false })).status).toBe(409);
  });

  it("adds challenges to it, each with a unique slug, listed in /api/challenges with their promotion", async () => {
    const challenge = {
      title: "Archifiltre",
      administration: "Ministère des Armées",
      website: "http://example.fr/archifiltre",
      sourceCode: "https://github.com/example/archifiltre",
      startsOn: "2021-09-01",
      endsOn: "2022-06-30",
      datesApproximate: false,
    };
    const before = revision();
    const first = await admin.post("/api/promotions/5/challenges", challenge);
    expect(first.status).toBe(201);
    // "archifiltre" is EIG 3's: the new one gets its own slug.
    expect(first.body).toEqual({ slug: "archifiltre-2", title: "Archifiltre", promotion: "5" });
    expect(revision()).toBeGreaterThan(before);
    const second = await admin.post("/api/promotions/5/challenges", { ...challenge, title: "Archifiltre" });
    expect(second.body.slug).toBe("archifiltre-3");

    const listed = (await evaluator.get("/api/challenges?promotion=5")).body;
    expect(listed.map((c: { slug: string; promotion: string }) => [c.slug, c.promotion])).toEqual([
      ["archifiltre-2", "5"],
      ["archifiltre-3", "5"],
    ]);
    const detail = (await evaluator.get("/api/challenges/archifiltre-2")).body;
    expect(detail).toMatchObject({ website: "http://example.fr/archifiltre", durationMonths: 10, year: 2021, datesApproximate: false });
    expect((await evaluator.get("/api/promotions")).body.find((p: { key: string }) => p.key === "5").challengeCount).toBe(2);
    expect(await lastAudit("challenge.created", "archifiltre-2")).toMatchObject({
      actorId: adminId,
      targetType: "challenge",
      after: { promotion: "5", title: "Archifiltre" },
    });
  });

  it("refuses bad dates, a link that is not http(s), and non-admins", async () => {
    const count = () => server.db.get<{ n: number }>("SELECT count(*) AS n FROM challenges")!.n;
    const before = count();
    const base = { title: "Nouveau", administration: "DINUM", startsOn: "2021-09-01", endsOn: "2022-06-30", datesApproximate: true };
    const badDates = await admin.post("/api/promotions/5/challenges", { ...base, endsOn: "2021-01-01" });
    expect(badDates.status).toBe(400);
    expect(badDates.body.errors[0].path).toBe("body.endsOn");
    const badLink = await admin.post("/api/promotions/5/challenges", { ...base, website: "ftp://example.fr" });
    expect(badLink.status).toBe(400);
    expect(badLink.body.errors[0]).toEqual({ path: "body.website", message: expect.stringContaining("http://") });
    expect((await admin.post("/api/promotions/nope/challenges", base)).status).toBe(404);
    expect((await mentor.post("/api/promotions/5/challenges", base)).status).toBe(403);
    expect((await evaluator.post("/api/promotions", { key: "6", label: "EIG 6", startsOn: "2022-09-01", endsOn: "2023-06-30", datesApproximate: false })).status).toBe(403);
    expect(count()).toBe(before);
  });
});

describe("PATCH /api/challenges/:slug", () => {
  it("edits public fields and dates, keeps the slug, audits only what changed", async () => {
    const before = revision();
    const answer = await admin.patch("/api/challenges/cartobio", {
      title: "CartoBio, la carte des parcelles bio",
      administrationWebsite: "http://www.agencebio.org/cartobio",
      startsOn: "2019-01-14",
      datesApproximate: false,
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ slug: "cartobio", title: "CartoBio, la carte des parcelles bio", startsOn: "2019-01-14" });
    expect(revision()).toBeGreaterThan(before);
    const detail = (await evaluator.get("/api/challenges/cartobio")).body;
    expect(detail).toMatchObject({ slug: "cartobio", title: "CartoBio, la carte des parcelles bio", datesApproximate: false });
    expect((await evaluator.get("/api/challenges?q=parcelles")).body.map((c: { slug: string }) => c.slug)).toContain("cartobio");
    const audit = await lastAudit("challenge.updated", "cartobio");
    expect(Object.keys(audit.after).sort()).toEqual(["administrationWebsite", "datesApproximate", "startsOn", "title"]);
    expect(audit.before).toMatchObject({ title: "CartoBio", datesApproximate: true });
  });

  it("after a new end date, the outcomes after end follow it and the kept tables equal a rebuild", async () => {
    const reached = async () => {
      const stats = (await evaluator.get("/api/stats/outcomes-after-end?promotion=5")).body;
      return stats[0].offsets.find((offset: { months: number }) => offset.months === 6).reached;
    };
    await admin.patch("/api/challenges/archifiltre-2", { startsOn: "2020-01-01", endsOn: "2020-10-31" });
    const reachedEarly = await reached();
    expect((await admin.patch("/api/challenges/archifiltre-2", { startsOn: "2040-01-01", endsOn: "2040-10-31" })).status).toBe(200);
    expect(await reached()).toBe(reachedEarly - 1);
    const kept = derivedTables();
    rebuildDerivedState(server.db);
    expect(derivedTables()).toEqual(kept);
  });

  it("refuses an end before the start or a bad link (400) and changes nothing; 403 for a mentor and an evaluator", async () => {
    const before = (await admin.get("/api/challenges/datajust")).body;
    const answer = await admin.patch("/api/challenges/datajust", { endsOn: "2000-01-01", title: "Autre" });
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0].path).toBe("body.endsOn");
    expect((await admin.patch("/api/challenges/datajust", { website: "javascript:alert(1)" })).status).toBe(400);
    expect((await mentor.patch("/api/challenges/datajust", { title: "Autre" })).status).toBe(403);
    expect((await evaluator.patch("/api/challenges/datajust", { title: "Autre" })).status).toBe(403);
    expect((await admin.get("/api/challenges/datajust")).body).toEqual(before);
  });
});
