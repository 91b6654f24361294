import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { replaceChallengeMentors } from "../../server/src/repositories/users";
import { addDays, parisDate } from "@shared/dates";
import { challengeId, recordStatus } from "../support/factories";
import { SessionClient, signedInClient } from "../support/session-client";
import { startTestServer, type TestServer } from "../support/test-server";

let server: TestServer;
let mentor: SessionClient;
let mentorName: string;
let otherMentor: SessionClient;
let admin: SessionClient;
let evaluator: SessionClient;

const TABLES = ["status_updates", "status_update_retractions", "outcomes", "actions", "scenarios", "allies", "resources", "checklist_items", "audit_log"];

/** Everything a write could change: compared before and after a refused request. */
function snapshot(slug: string) {
  const counts = Object.fromEntries(
    TABLES.map((table) => [table, server.db.get<{ n: number }>(`SELECT count(*) AS n FROM ${table}`)!.n]),
  );
  const challenge = server.db.get("SELECT version, updated_at, last_report_at FROM challenges WHERE slug = ?", [slug]);
  const current = server.db.all(
    "SELECT axis, level, as_of FROM current_status WHERE challenge_id = ? ORDER BY axis",
    [challengeId(server.db, slug)],
  );
  return { counts, challenge, current };
}

async function expectRefused(slug: string, request: () => Promise<{ status: number; body: any }>, status: number) {
  const before = snapshot(slug);
  const answer = await request();
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  expect(snapshot(slug)).toEqual(before);
  return answer.body;
}

const detail = async (slug: string) => (await mentor.get(`/api/challenges/${slug}`)).body;

beforeAll(async () => {
  server = await startTestServer();
  const signedMentor = await signedInClient(server.baseUrl, server.db, "mentor");
  mentor = signedMentor.client;
  mentorName = signedMentor.account.name;
  const signedOther = await signedInClient(server.baseUrl, server.db, "mentor");
  otherMentor = signedOther.client;
  admin = (await signedInClient(server.baseUrl, server.db, "admin")).client;
  evaluator = (await signedInClient(server.baseUrl, server.db, "evaluator")).client;
  for (const slug of ["archifiltre", "cartobio", "explocode", "datajust"]) {
    replaceChallengeMentors(server.db, challengeId(server.db, slug), [signedMentor.account.id]);
  }
  replaceChallengeMentors(server.db, challengeId(server.db, "enki"), [signedOther.account.id]);
});
afterAll(() => server.close());

describe("POST /api/challenges/:slug/status-updates", () => {
  it("stores the update (201), makes it current, bumps the version, resets staleness and audits it", async () => {
    const before = await detail("archifiltre");
    expect(before.stale).toBe(true);
    const answer = await mentor.post("/api/challenges/archifiltre/status-updates", {
      axis: "production",
      level: 2,
      note: "Lancé auprès des archivistes des ministères sociaux",
      evidenceUrl: "https://archifiltre.fabrique.social.gouv.fr",
      asOf: "2020-03-15",
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      id: expect.any(Number),
      axis: "production",
      level: 2,
      asOf: "2020-03-15",
      authorName: mentorName,
      kind: "update",
      retraction: null,
    });
    const after = await detail("archifiltre");
    expect(after.status.production).toEqual({ level: 2, asOf: "2020-03-15" });
    expect(after.history[0]).toEqual(answer.body);
    expect(after.version).toBe(before.version + 1);
    expect(after.stale).toBe(false);
    const audit = server.db.get<{ after: string }>(
      "SELECT after FROM audit_log WHERE action = 'status_update.created' AND target_id = 'archifiltre' ORDER BY id DESC",
    )!;
    expect(JSON.parse(audit.after)).toMatchObject({ id: answer.body.id, level: 2 });
  });

  it("defaults the date to today in Paris, and lets a back-dated update into history without overriding", async () => {
    const today = await mentor.post("/api/challenges/cartobio/status-updates", { axis: "transmission", level: 2 });
    expect(today.body.asOf).toBe(parisDate());
    const older = await mentor.post("/api/challenges/cartobio/status-updates", { axis: "transmission", level: 1, asOf: "2019-06-01" });
    expect(older.status).toBe(201);
    const after = await detail("cartobio");
    expect(after.status.transmission).toEqual({ level: 2, asOf: parisDate() });
    expect(after.history.map((u: { id: number }) => u.id)).toEqual([today.body.id, older.body.id]);
  });

  it.each([
    ["an unknown axis", { axis: "budget", level: 1 }, "body.axis"],
    ["a level above 3", { axis: "production", level: 4 }, "body.level"],
    ["a level given as text", { axis: "production", level: "2" }, "body.level"],
    ["a decimal level", { axis: "production", level: 1.5 }, "body.level"],
    ["an impossible date", { axis: "production", level: 1, asOf: "2021-02-30" }, "body.asOf"],
    ["a date before 2016", { axis: "production", level: 1, asOf: "2015-12-31" }, "body.asOf"],
    ["a date after today (Paris)", { axis: "production", level: 1, asOf: addDays(parisDate(), 1) }, "body.asOf"],
    ["a note over 2,000 characters", { axis: "production", level: 1, note: "x".repeat(2001) }, "body.note"],
    ["a javascript: link", { axis: "production", level: 1, evidenceUrl: "javascript:alert(1)" }, "body.evidenceUrl"],
    ["a link over 500 characters", { axis: "production", level: 1, evidenceUrl: `https://a.fr/${"x".repeat(500)}` }, "body.evidenceUrl"],
    ["an unknown field", { axis: "production", level: 1, author: "someone else" }, "body"],
  ])("refuses %s with 400 naming the field, and writes nothing", async (_case, body, path) => {
    const problem = await expectRefused("archifiltre", () => mentor.post("/api/challenges/archifiltre/status-updates", body), 400);
    expect(problem.errors.map((error: { path: string }) => error.path)).toContain(path);
  });

  it("accepts today (Paris), and refuses malformed JSON", async () => {
    expect((await mentor.post("/api/challenges/archifiltre/status-updates", { axis: "reliability", level: 1, asOf: parisDate() })).status).toBe(201);
    await expectRefused(
      "archifiltre",
      () => mentor.request("POST", "/api/challenges/archifiltre/status-updates", '{"axis": "production",', { "Content-Type": "application/json" }),
      400,
    );
  });

  it("refuses another mentor (403), an evaluator (403), an unknown challenge (404)", async () => {
    await expectRefused("archifiltre", () => otherMentor.post("/api/challenges/archifiltre/status-updates", { axis: "production", level: 3 }), 403);
    await expectRefused("archifiltre", () => evaluator.post("/api/challenges/archifiltre/status-updates", { axis: "production", level: 3 }), 403);
    expect((await mentor.post("/api/challenges/nexiste-pas/status-updates", { axis: "production", level: 3 })).status).toBe(404);
    expect((await admin.post("/api/challenges/archifiltre/status-updates", { axis: "production", level: 2, asOf: "2020-01-01" })).status).toBe(201);
  });
});

describe("POST /api/challenges/:slug/confirmations (Toujours exact)", () => {
  it("confirms the current levels in history, without changing them, and resets staleness", async () => {
    recordStatus(server.db, "explocode", "production", 2, "2019-10-01");
    server.db.run("UPDATE challenges SET last_report_at = '2020-01-01T00:00:00.000Z' WHERE slug = 'explocode'");
    expect((await detail("explocode")).stale).toBe(true);
    const answer = await mentor.post("/api/challenges/explocode/confirmations", {});
    expect(answer.status).toBe(201);
    expect(answer.body.updates).toEqual([
      expect.objectContaining({ axis: "production", level: 2, kind: "confirmation", asOf: parisDate(), note: "Toujours exact" }),
    ]);
    const after = await detail("explocode");
    expect(after.status.production).toEqual({ level: 2, asOf: parisDate() });
    expect(after.stale).toBe(false);
    expect(after.history[0].kind).toBe("confirmation");
  });

  it("refuses to confirm an axis that has no status (409) and writes nothing", async () => {
    await expectRefused("explocode", () => mentor.post("/api/challenges/explocode/confirmations", { axes: ["reliability"] }), 409);
    await expectRefused("explocode", () => mentor.post("/api/challenges/explocode/confirmations", { axes: ["nope"] }), 400);
  });
});

describe("POST /api/status-updates/:id/retraction", () => {
  it("takes the update out of the counts, keeps it in history with its reason, and refuses a second retraction", async () => {
    const good = await mentor.post("/api/challenges/datajust/status-updates", { axis: "production", level: 1, asOf: "2020-01-01" });
    const mistaken = await mentor.post("/api/challenges/datajust/status-updates", { axis: "production", level: 3, asOf: "2020-06-01" });
    const statsBefore = (await mentor.get("/api/stats/cohorts?promotion=3")).body[0].levels.production;
    expect(statsBefore["3"]).toBe(1);

    const answer = await mentor.post(`/api/status-updates/${mistaken.body.id}/retraction`, { reason: "Saisi sur le mauvais défi" });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ statusUpdateId: mistaken.body.id, reason: "Saisi sur le mauvais défi", authorName: mentorName });

    const after = await detail("datajust");
    expect(after.status.production).toEqual({ level: 1, asOf: "2020-01-01" });
    expect(after.history.find((u: { id: number }) => u.id === mistaken.body.id).retraction.reason).toBe("Saisi sur le mauvais défi");
    expect(after.history.find((u: { id: number }) => u.id === good.body.id).retraction).toBeNull();
    const statsAfter = (await mentor.get("/api/stats/cohorts?promotion=3")).body[0].levels.production;
    expect(statsAfter["3"]).toBe(0);
    expect(statsAfter["1"]).toBe(statsBefore["1"] + 1);

    await expectRefused("datajust", () => mentor.post(`/api/status-updates/${mistaken.body.id}/retraction`, { reason: "Encore" }), 409);
    await expectRefused("datajust", () => mentor.post(`/api/status-updates/${good.body.id}/retraction`, { reason: "" }), 400);
    await expectRefused("datajust", () => otherMentor.post(`/api/status-updates/${good.body.id}/retraction`, { reason: "Pas à moi" }), 403);
    expect((await mentor.post("/api/status-updates/99999999/retraction", { reason: "x" })).status).toBe(404);
  });

  it("with every update of an axis retracted, the axis is not reported any more", async () => {
    const only = await mentor.post("/api/challenges/datajust/status-updates", { axis: "reliability", level: 2, asOf: "2020-01-01" });
    await mentor.post(`/api/status-updates/${only.body.id}/retraction`, { reason: "Erreur" });
    expect((await detail("datajust")).status.reliability).toBeNull();
  });
});

describe("PUT /api/challenges/:slug/outcome", () => {
  const put = (client: SessionClient, body: unknown, version?: number) =>
    client.request("PUT", "/api/challenges/cartobio/outcome", body, version === undefined ? {} : { "If-Match": String(version) });

  it("with the current version: 200, the new outcome in force and in history, a new version", async () => {
    const { version } = await detail("cartobio");
    const answer = await put(
      mentor,
      { categories: ["beyond_initial_scope", "evolving_in_production"], path: "innovation_programme", note: "Devenue une Startup d'État" },
      version,
    );
    expect(answer.status).toBe(200);
    expect(answer.body.version).toBe(version + 1);
    expect(answer.body.outcome).toMatchObject({ categories: ["beyond_initial_scope", "evolving_in_production"], path: "innovation_programme", asOf: parisDate() });
    const after = await detail("cartobio");
    expect(after.outcome).toEqual({ categories: ["beyond_initial_scope", "evolving_in_production"], asOf: parisDate() });
    expect(after.outcomeDetail.note).toBe("Devenue une Startup d'État");
    expect(after.version).toBe(version + 1);
    const again = await put(mentor, { categories: ["maintained"] }, after.version);
    expect(again.status).toBe(200);
    expect((await detail("cartobio")).outcomeHistory).toHaveLength(2);
  });

  it("with a stale version: 409 with the current state, and nothing written", async () => {
    const { version, outcomeDetail } = await detail("cartobio");
    const problem = await expectRefused("cartobio", () => put(mentor, { categories: ["discontinued"] }, version - 1), 409);
    expect(problem.current).toEqual({ outcome: outcomeDetail, version });
  });

  it("without If-Match: 428; with bad categories: 400; nothing written", async () => {
    const { version } = await detail("cartobio");
    await expectRefused("cartobio", () => put(mentor, { categories: ["maintained"] }), 428);
    await expectRefused("cartobio", () => put(mentor, { categories: [] }, version), 400);
    await expectRefused("cartobio", () => put(mentor, { categories: ["maintained", "maintained"] }, version), 400);
    await expectRefused("cartobio", () => put(mentor, { categories: ["flourishing"] }, version), 400);
    await expectRefused("cartobio", () => put(mentor, { categories: ["maintained"], path: "abroad" }, version), 400);
    await expectRefused("cartobio", () => put(mentor, { categories: ["maintained"] }, Number.NaN), 400);
    await expectRefused("cartobio", () => put(otherMentor, { categories: ["maintained"] }, version), 403);
  });

  it("lets exactly one of parallel edits with the same version through", async () => {
    const { version } = await detail("cartobio");
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => put(i % 2 ? mentor : admin, { categories: ["maintained"], note: `Édition ${i}` }, version)),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
    expect((await detail("cartobio")).version).toBe(version + 1);
  });
});

describe("actions, scenarios, allies, resources", () => {
  it("creates, changes and deletes an action, bumping the version each time", async () => {
    const v0 = (await detail("explocode")).version;
    const created = await mentor.post("/api/challenges/explocode/actions", {
      kind: "coordination",
      title: "Prolonger deux postes de data scientists",
      dueOn: "2020-01-01",
      owner: "DGT",
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: expect.any(Number), status: "planned", authorName: mentorName, dueOn: "2020-01-01" });
    const done = await mentor.request("PATCH", `/api/actions/${created.body.id}`, { status: "done" }, { "If-Match": "1" });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: "done", title: "Prolonger deux postes de data scientists" });
    expect((await detail("explocode")).actions.find((a: { id: number }) => a.id === created.body.id).status).toBe("done");
    expect((await mentor.request("DELETE", `/api/actions/${created.body.id}`, undefined, { "If-Match": "2" })).status).toBe(204);
    const after = await detail("explocode");
    expect(after.actions.find((a: { id: number }) => a.id === created.body.id)).toBeUndefined();
    expect(after.version).toBe(v0 + 3);
  });

  it("refuses bad actions, foreign and unknown ones, and writes nothing", async () => {
    const seeded = (await detail("explocode")).actions[0];
    await expectRefused("explocode", () => mentor.post("/api/challenges/explocode/actions", { kind: "party", title: "x" }), 400);
    await expectRefused("explocode", () => mentor.post("/api/challenges/explocode/actions", { kind: "communication", title: "" }), 400);
    await expectRefused("explocode", () => mentor.post("/api/challenges/explocode/actions", { kind: "communication", title: "x".repeat(201) }), 400);
    await expectRefused("explocode", () => mentor.patch(`/api/actions/${seeded.id}`, { status: "forgotten" }), 400);
    await expectRefused("explocode", () => mentor.request("PATCH", `/api/actions/${seeded.id}`, { scenarioId: 99999 }, { "If-Match": String(seeded.version) }), 400);
    await expectRefused("explocode", () => otherMentor.patch(`/api/actions/${seeded.id}`, { status: "done" }), 403);
    await expectRefused("explocode", () => otherMentor.delete(`/api/actions/${seeded.id}`), 403);
    expect((await mentor.patch("/api/actions/99999999", { status: "done" })).status).toBe(404);
    expect((await mentor.delete("/api/actions/abc")).status).toBe(404);
  });

  it("keeps up to three scenarios plus one stop scenario, and one preferred", async () => {
    const ids: number[] = [];
    for (const title of ["Reprise par la DSI", "Marché avec un prestataire", "Startup d'État"]) {
      const answer = await mentor.post("/api/challenges/archifiltre/scenarios", { title, needs: "Un développeur à mi-temps" });
      expect(answer.status).toBe(201);
      ids.push(answer.body.id);
    }
    await expectRefused("archifiltre", () => mentor.post("/api/challenges/archifiltre/scenarios", { title: "Quatrième" }), 409);
    const stop = await mentor.post("/api/challenges/archifiltre/scenarios", { title: "Arrêt", isStop: true });
    expect(stop.status).toBe(201);
    await expectRefused("archifiltre", () => mentor.post("/api/challenges/archifiltre/scenarios", { title: "Autre arrêt", isStop: true }), 409);

    await mentor.request("PATCH", `/api/scenarios/${ids[0]}`, { preferred: true }, { "If-Match": "1" });
    await mentor.request("PATCH", `/api/scenarios/${ids[2]}`, { preferred: true }, { "If-Match": "1" });
    const scenarios = (await detail("archifiltre")).scenarios;
    expect(scenarios.filter((s: { preferred: boolean }) => s.preferred).map((s: { id: number }) => s.id)).toEqual([ids[2]]);
    expect(scenarios[0].id).toBe(ids[2]);
  });

  it("records allies and post-programme resources", async () => {
    const ally = await mentor.post("/api/challenges/archifiltre/allies", { name: "DNUM des ministères sociaux", kind: "dsi", role: "Hébergement" });
    expect(ally.status).toBe(201);
    expect((await mentor.request("PATCH", `/api/allies/${ally.body.id}`, { kind: "business" }, { "If-Match": "1" })).body.kind).toBe("business");
    await expectRefused("archifiltre", () => mentor.post("/api/challenges/archifiltre/allies", { name: "X", kind: "friend" }), 400);

    const resource = await mentor.post("/api/challenges/archifiltre/resources", {
      peopleKept: 2,
      arrangement: "new_post",
      timeShare: "full_time",
      budgetSecured: true,
      hosting: "DNUM",
    });
    expect(resource.status).toBe(201);
    expect(resource.body).toMatchObject({ peopleKept: 2, budgetSecured: true, hosting: "DNUM" });
    await expectRefused("archifiltre", () => mentor.post("/api/challenges/archifiltre/resources", { peopleKept: -1 }), 400);
    expect((await mentor.request("DELETE", `/api/resources/${resource.body.id}`, undefined, { "If-Match": "1" })).status).toBe(204);
    expect((await mentor.request("DELETE", `/api/resources/${resource.body.id}`, undefined, { "If-Match": "1" })).status).toBe(404);
  });
});

describe("handover checklist", () => {
  it("marks an item done with its link, and refuses an unknown item or a bad link", async () => {
    const answer = await mentor.put("/api/challenges/archifiltre/checklist/user_manual", { done: true, link: "https://archifiltre.gitbook.io" });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ key: "user_manual", done: true, link: "https://archifiltre.gitbook.io" });
    expect((await detail("archifiltre")).checklist.find((i: { key: string }) => i.key === "user_manual").done).toBe(true);
    await expectRefused("archifiltre", () => mentor.put("/api/challenges/archifiltre/checklist/secret_plans", { done: true }), 400);
    await expectRefused("archifiltre", () => mentor.put("/api/challenges/archifiltre/checklist/roadmap", { done: "yes" }), 400);
    await expectRefused("archifiltre", () => mentor.put("/api/challenges/archifiltre/checklist/roadmap", { done: true, link: "ftp://x" }), 400);
  });
});

describe("coherence warnings and Mes défis", () => {
  it("warns, without blocking, on a secured production with no means, a discontinued secured tool, a handover without checklist", async () => {
    const { version } = await detail("datajust");
    await mentor.post("/api/challenges/datajust/status-updates", { axis: "production", level: 3 });
    await mentor.post("/api/challenges/datajust/status-updates", { axis: "transmission", level: 2 });
    await mentor.request("PUT", "/api/challenges/datajust/outcome", { categories: ["discontinued"] }, { "If-Match": String(version + 2) });
    const warnings = (await detail("datajust")).warnings.map((w: { code: string }) => w.code);
    expect(warnings).toEqual(["production_secured_without_means", "discontinued_but_secured", "transmission_without_handover"]);

    await mentor.post("/api/challenges/datajust/resources", { peopleKept: 1, budgetSecured: true });
    await mentor.put("/api/challenges/datajust/checklist/technical_docs", { done: true });
    expect((await detail("datajust")).warnings.map((w: { code: string }) => w.code)).toEqual(["discontinued_but_secured"]);
  });

  it("lists the mentor's own challenges with what is missing", async () => {
    const mine = (await mentor.get("/api/me/challenges")).body;
    expect(mine.map((c: { slug: string }) => c.slug).sort()).toEqual(["archifiltre", "cartobio", "datajust", "explocode"]);
    const explocode = mine.find((c: { slug: string }) => c.slug === "explocode");
    expect(explocode.missing).toEqual(["transmission", "reliability", "outcome", "checklist"]);
    expect((await otherMentor.get("/api/me/challenges")).body.map((c: { slug: string }) => c.slug)).toEqual(["enki"]);
    expect((await evaluator.get("/api/me/challenges")).body).toEqual([]);
  });
});

