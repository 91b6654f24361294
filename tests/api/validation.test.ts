// Review of mentors' declarations (docs/decisions/0004-validation-of-declarations.md), through the real server: who may decide,
// what a decision changes, and how the "validated only" / "declared only" views count.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { replaceChallengeMentors } from "../../server/src/repositories/users";
import { challengeId } from "../support/factories";
import { SessionClient, signedInClient } from "../support/session-client";
import { startTestServer, type TestServer } from "../support/test-server";

let server: TestServer;
let admin: SessionClient;
let mentor: SessionClient;
let otherMentor: SessionClient;
let evaluator: SessionClient;
let mentorName: string;

// EIG 1 (9 challenges, no status in the catalogue; cartAV and matchID have a catalogue outcome).
const A = "afd-geodata"; // production 2 declared by the mentor
const B = "bnf-catalogage"; // production 1 by an admin, then 3 declared by the mentor
const C = "ars-occitanie-parcours-de-soin"; // production 2 declared, then validated
const D = "cc-api-rapports"; // production 1 declared, then sent back
const CARTAV = "mi-cartav-securite-routiere";

const ids: Record<string, number> = {};

async function record(client: SessionClient, slug: string, level: number, note = "Déclaration", asOf = "2024-03-01") {
  const answer = await client.post(`/api/challenges/${slug}/status-updates`, { axis: "production", level, note, asOf });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body as { id: number; validation: { state: string; comment: string | null } };
}

async function recordOutcome(client: SessionClient, slug: string, categories: string[], asOf: string) {
  const { version } = (await client.get(`/api/challenges/${slug}`)).body;
  const answer = await client.request("PUT", `/api/challenges/${slug}/outcome`, { categories, asOf }, { "If-Match": String(version) });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body.outcome as { id: number; validation: { state: string } };
}

const countRows = (table: string) => server.db.get<{ n: number }>(`SELECT count(*) AS n FROM ${table}`)!.n;
const eig1 = async (path: string, data?: string) => {
  const answer = await evaluator.get(`${path}?promotion=1${data ? `&data=${data}` : ""}`);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body[0];
};

beforeAll(async () => {
  server = await startTestServer();
  admin = (await signedInClient(server.baseUrl, server.db, "admin")).client;
  const signedMentor = await signedInClient(server.baseUrl, server.db, "mentor");
  mentor = signedMentor.client;
  mentorName = signedMentor.account.name;
  otherMentor = (await signedInClient(server.baseUrl, server.db, "mentor")).client;
  evaluator = (await signedInClient(server.baseUrl, server.db, "evaluator")).client;
  for (const slug of [A, B, C, D, CARTAV]) replaceChallengeMentors(server.db, challengeId(server.db, slug), [signedMentor.account.id]);
});
afterAll(() => server.close());

describe("recording", () => {
  it("an admin's own entries are validated when recorded; a mentor's are declared", async () => {
    const byAdmin = await record(admin, B, 1, "Relevé par l'équipe", "2024-01-15");
    expect(byAdmin.validation).toMatchObject({ state: "validated", comment: null });
    ids.B1 = byAdmin.id;
    const byMentor = await record(mentor, A, 2, "Lancé officiellement");
    expect(byMentor.validation).toEqual({ state: "declared", comment: null, decidedAt: null, decidedBy: null });
    ids.A = byMentor.id;
    ids.B3 = (await record(mentor, B, 3)).id;
    ids.C = (await record(mentor, C, 2)).id;
    ids.D = (await record(mentor, D, 1, "Bêta")).id;

    const adminOutcome = await recordOutcome(admin, B, ["discontinued"], "2024-01-15");
    expect(adminOutcome.validation.state).toBe("validated");
    const mentorOutcome = await recordOutcome(mentor, A, ["maintained"], "2018-06-01");
    expect(mentorOutcome.validation.state).toBe("declared");
    ids.outcomeA = mentorOutcome.id;
    ids.outcomeCartav = (await recordOutcome(mentor, CARTAV, ["maintained"], "2020-01-01")).id;

    // The catalogue's outcomes are not declarations: they count as validated.
    const cartav = (await evaluator.get(`/api/challenges/${CARTAV}`)).body;
    expect(cartav.outcomeHistory.map((o: { validation: { state: string } }) => o.validation.state)).toEqual(["declared", "validated"]);
  });

  it("lists the declarations to validate, oldest first, with challenge, axis, level, note, author and date", async () => {
    const page = (await admin.get("/api/validations")).body;
    expect(page.total).toBe(6);
    expect(page.items.map((item: { kind: string; id: number }) => `${item.kind}:${item.id}`)).toEqual([
      `status_update:${ids.A}`,
      `status_update:${ids.B3}`,
      `status_update:${ids.C}`,
      `status_update:${ids.D}`,
      `outcome:${ids.outcomeA}`,
      `outcome:${ids.outcomeCartav}`,
    ]);
    expect(page.items[0]).toMatchObject({
      challenge: { slug: A, title: expect.any(String), promotion: "1" },
      axis: "production",
      level: 2,
      note: "Lancé officiellement",
      asOf: "2024-03-01",
      authorName: mentorName,
      current: true,
      validation: { state: "declared" },
    });
    expect(page.items[4]).toMatchObject({ kind: "outcome", categories: ["maintained"], axis: null, level: null });
    const second = (await admin.get("/api/validations?pageSize=2&page=2")).body;
    expect(second).toMatchObject({ total: 6, page: 2, pageSize: 2 });
    expect(second.items.map((item: { id: number }) => item.id)).toEqual([ids.C, ids.D]);
    expect((await admin.get("/api/validations?state=validated")).status).toBe(400);
  });
});

describe("decisions", () => {
  it("validate and send back; the mentor reads the comment on the challenge and in a notice", async () => {
    const validated = await admin.post(`/api/status-updates/${ids.C}/validation`, { decision: "validated" });
    expect(validated.status, JSON.stringify(validated.body)).toBe(201);
    expect(validated.body).toMatchObject({ kind: "status_update", id: ids.C, challenge: C, validation: { state: "validated" } });

    const comment = "Quel service utilise l'outil ? Ajoutez un lien vers la bêta.";
    const sentBack = await admin.post(`/api/status-updates/${ids.D}/validation`, { decision: "sent_back", comment });
    expect(sentBack.status).toBe(201);
    expect(sentBack.body.validation).toMatchObject({ state: "sent_back", comment, decidedBy: expect.any(String) });

    const history = (await mentor.get(`/api/challenges/${D}`)).body.history;
    expect(history[0]).toMatchObject({ id: ids.D, validation: { state: "sent_back", comment } });
    const notice = (await mentor.get("/api/me/sent-back")).body;
    expect(notice).toHaveLength(1);
    expect(notice[0]).toMatchObject({ id: ids.D, challenge: { slug: D }, validation: { comment } });
    expect((await otherMentor.get("/api/me/sent-back")).body).toEqual([]);

    expect((await admin.get("/api/validations?state=sent_back")).body.items.map((item: { id: number }) => item.id)).toEqual([ids.D]);
    expect((await admin.get("/api/validations")).body.total).toBe(4);

    const audit = (await admin.get("/api/audit?targetType=status_update")).body.items;
    expect(audit.map((entry: { action: string }) => entry.action)).toEqual(["status_update.sent_back", "status_update.validated"]);
    expect(audit[0]).toMatchObject({ targetId: String(ids.D), after: { state: "sent_back", comment, challenge: D } });
  });

  it("refuses to send back without a comment, and writes nothing", async () => {
    const before = [countRows("validation_decisions"), countRows("audit_log")];
    for (const body of [{ decision: "sent_back" }, { decision: "sent_back", comment: "   " }, { decision: "sent_back", comment: null }]) {
      const answer = await admin.post(`/api/status-updates/${ids.A}/validation`, body);
      expect(answer.status).toBe(400);
      expect(answer.headers.get("content-type")).toContain("application/problem+json");
      expect(answer.body.errors.map((error: { path: string }) => error.path)).toContain("body.comment");
    }
    expect([countRows("validation_decisions"), countRows("audit_log")]).toEqual(before);
    expect((await admin.get(`/api/challenges/${A}`)).body.history[0].validation.state).toBe("declared");
  });

  it("answers 4xx to unknown, retracted, bad and repeated decisions, and writes nothing", async () => {
    const retracted = (await record(mentor, A, 0, "Erreur de saisie", "2020-01-01")).id;
    expect((await mentor.post(`/api/status-updates/${retracted}/retraction`, { reason: "Mauvais défi" })).status).toBe(201);
    const before = [countRows("validation_decisions"), countRows("audit_log")];
    const cases: [string, unknown, number][] = [
      ["/api/status-updates/999999/validation", { decision: "validated" }, 404],
      ["/api/outcomes/999999/validation", { decision: "validated" }, 404],
      [`/api/status-updates/${retracted}/validation`, { decision: "validated" }, 409],
      [`/api/status-updates/${ids.C}/validation`, { decision: "validated" }, 409],
      [`/api/status-updates/${ids.D}/validation`, { decision: "sent_back", comment: "Encore" }, 409],
      [`/api/status-updates/${ids.A}/validation`, { decision: "approved" }, 400],
      [`/api/status-updates/${ids.A}/validation`, { decision: "validated", extra: 1 }, 400],
      [`/api/status-updates/${ids.A}/validation`, { decision: "validated", comment: "x".repeat(2001) }, 400],
      ["/api/status-updates/abc/validation", { decision: "validated" }, 404],
    ];
    for (const [path, body, status] of cases) {
      const answer = await admin.post(path, body);
      expect(answer.status, `${path} ${JSON.stringify(body)}`).toBe(status);
      expect(answer.headers.get("content-type")).toContain("application/problem+json");
    }
    const repeated = await admin.post(`/api/status-updates/${ids.C}/validation`, { decision: "validated" });
    expect(repeated.body.current).toMatchObject({ state: "validated" });
    expect([countRows("validation_decisions"), countRows("audit_log")]).toEqual(before);
  });

  it("mentors and evaluators get 403 on decisions and on the queue, and nothing is written", async () => {
    const before = countRows("validation_decisions");
    for (const client of [mentor, otherMentor, evaluator]) {
      expect((await client.post(`/api/status-updates/${ids.A}/validation`, { decision: "validated" })).status).toBe(403);
      expect((await client.post(`/api/outcomes/${ids.outcomeA}/validation`, { decision: "validated" })).status).toBe(403);
      // Even for an entry that does not exist: nothing is told to whoever may not decide.
      expect((await client.post("/api/status-updates/999999/validation", { decision: "validated" })).status).toBe(403);
      expect((await client.get("/api/validations")).status).toBe(403);
    }
    expect((await new SessionClient(server.baseUrl).get("/api/validations")).status).toBe(401);
    expect(countRows("validation_decisions")).toBe(before);
  });

  it("an admin may change their mind: a validated entry can be sent back, and the other way round", async () => {
    const comment = "Finalement, précisez la date de mise en production.";
    expect((await admin.post(`/api/outcomes/${ids.outcomeCartav}/validation`, { decision: "validated" })).status).toBe(201);
    const back = await admin.post(`/api/outcomes/${ids.outcomeCartav}/validation`, { decision: "sent_back", comment });
    expect(back.body.validation).toMatchObject({ state: "sent_back", comment });
    const again = await admin.post(`/api/outcomes/${ids.outcomeCartav}/validation`, { decision: "validated", comment: "Vu au comité" });
    expect(again.body.validation).toMatchObject({ state: "validated", comment: "Vu au comité" });
    // Back to the state the figures below expect: the mentor's cartAV outcome sent back.
    expect((await admin.post(`/api/outcomes/${ids.outcomeCartav}/validation`, { decision: "sent_back", comment })).status).toBe(201);
  });
});

describe("data views", () => {
  // Production in EIG 1 now: A 2 (declared), B 3 (declared; 1 validated before it), C 2 (validated),
  // D 1 (sent back); five challenges without a status.
  it("cohort levels: validated only and declared only differ from all exactly as expected", async () => {
    const all = (await eig1("/api/stats/cohorts")).levels.production;
    const validated = (await eig1("/api/stats/cohorts", "validated")).levels.production;
    const declared = (await eig1("/api/stats/cohorts", "declared")).levels.production;
    expect(all).toEqual({ "0": 0, "1": 1, "2": 2, "3": 1, none: 5 });
    expect(validated).toEqual({ "0": 0, "1": 1, "2": 1, "3": 0, none: 7 });
    expect(declared).toEqual({ "0": 0, "1": 1, "2": 1, "3": 1, none: 6 });
    // Declared-only plus the current values that are validated (C: 2) add up to all.
    const validatedCurrent = { "0": 0, "1": 0, "2": 1, "3": 0 };
    for (const level of ["0", "1", "2", "3"] as const) expect(declared[level] + validatedCurrent[level]).toBe(all[level]);
    expect((await eig1("/api/stats/cohorts", "all")).levels.production).toEqual(all);
    expect((await evaluator.get("/api/stats/cohorts?data=everything")).status).toBe(400);
  });

  it("cohort outcomes follow the view: the catalogue's and the admin's count as validated", async () => {
    // All: A maintained (declared), cartAV maintained (sent back; the catalogue's "evolving" before it),
    // matchID beyond scope (catalogue), B discontinued (admin).
    const all = await eig1("/api/stats/cohorts");
    const validated = await eig1("/api/stats/cohorts", "validated");
    const declared = await eig1("/api/stats/cohorts", "declared");
    const pick = (stats: { outcomes: Record<string, number>; outcomesNotReported: number }) => ({
      ...stats.outcomes,
      none: stats.outcomesNotReported,
    });
    expect(pick(all)).toMatchObject({ maintained: 2, evolving_in_production: 0, beyond_initial_scope: 1, discontinued: 1, none: 5 });
    expect(pick(validated)).toMatchObject({ maintained: 0, evolving_in_production: 1, beyond_initial_scope: 1, discontinued: 1, none: 6 });
    expect(pick(declared)).toMatchObject({ maintained: 2, evolving_in_production: 0, beyond_initial_scope: 0, discontinued: 0, none: 7 });
  });

  it("outcomes after the end and the at-risk list follow the view", async () => {
    // A's declared outcome dates from 2018-06-01: in force 12 months after EIG 1's end (2018-10-31).
    const at12 = (stats: { offsets: { months: number; reported: number; outcomes: Record<string, number> }[] }) =>
      stats.offsets.find((offset) => offset.months === 12)!;
    const all = at12(await eig1("/api/stats/outcomes-after-end"));
    const validated = at12(await eig1("/api/stats/outcomes-after-end", "validated"));
    const declared = at12(await eig1("/api/stats/outcomes-after-end", "declared"));
    expect(all.reported - validated.reported).toBe(1);
    expect(all.outcomes.maintained - validated.outcomes.maintained).toBe(1);
    expect(declared).toMatchObject({ reported: 1, outcomes: { maintained: 1 } });

    const reasonsOf = async (data?: string) =>
      Object.fromEntries(
        ((await evaluator.get(`/api/stats/at-risk?promotion=1${data ? `&data=${data}` : ""}`)).body.atRisk as { slug: string; reasons: string[] }[]).map(
          (row) => [row.slug, row.reasons.includes("production_below_achieved")],
        ),
      );
    const [allRisk, validatedRisk, declaredRisk] = [await reasonsOf(), await reasonsOf("validated"), await reasonsOf("declared")];
    // A is "Atteint" as declared, but nothing validated says so.
    expect([allRisk[A], validatedRisk[A]]).toEqual([false, true]);
    // C is validated at 2; D is sent back at 1: below "Atteint" in the declared view.
    expect([validatedRisk[C], declaredRisk[C] ?? false, declaredRisk[D]]).toEqual([false, false, true]);
  });

  it("exports honour the view and name it", async () => {
    const response = await fetch(`${server.baseUrl}/api/export/challenges.csv?data=validated`, { headers: { Cookie: evaluator.cookie! } });
    expect(response.headers.get("content-disposition")).toMatch(/filename="eig-defis_toutes-promotions_validees_\d{4}-\d{2}-\d{2}\.csv"/);
    const lines = (await response.text()).split("\r\n");
    expect(lines[0]).toMatch(/,données$/);
    const row = (slug: string) => lines.find((line) => line.startsWith(`${slug},`))!;
    // Production level is the 8th column.
    expect(row(A).split(",")[7]).toBe("");
    expect(row(B).split(",")[7]).toBe("1");
    expect(row(C).split(",")[7]).toBe("2");
    expect(row(A)).toMatch(/Données : validées uniquement$/);

    const declared = (await evaluator.get("/api/export/challenges.csv?data=declared")).body as string;
    const declaredRow = (slug: string) => declared.split("\r\n").find((line) => line.startsWith(`${slug},`))!;
    expect([declaredRow(A).split(",")[7], declaredRow(B).split(",")[7], declaredRow(C).split(",")[7]]).toEqual(["2", "3", ""]);
    expect(declaredRow(A)).toContain("Données : déclarées, en attente de validation, uniquement");

    const all = (await evaluator.get("/api/export/challenges.csv")).body as string;
    expect(all.split("\r\n").find((line) => line.startsWith(`${B},`))!.split(",")[7]).toBe("3");
    expect(all).toContain("Données : toutes (déclarées et validées)");

    const history = (await evaluator.get("/api/export/status-history.csv?data=declared&lang=en")).body as string;
    const historyLines = history.trim().split("\r\n");
    expect(historyLines[0]).toMatch(/,validation,data$/);
    expect(historyLines.slice(1).every((line) => /,(Declared|Sent back),"Data: declared, awaiting validation, only"$/.test(line))).toBe(true);
    expect(historyLines.some((line) => line.startsWith(`${D},`) && line.includes("Sent back"))).toBe(true);

    const json = await evaluator.get("/api/export/dataset.json?data=validated");
    expect(json.headers.get("content-disposition")).toMatch(/eig-donnees_toutes-promotions_validees_/);
    expect(json.body.statusUpdates.every((u: { validation: string }) => u.validation === "validated")).toBe(true);
    expect(json.body.challenges.find((c: { slug: string }) => c.slug === B).productionLevel).toBe(1);
    expect((await evaluator.get("/api/export/dataset.xlsx?data=nope")).status).toBe(400);
  });

  it("a new declaration replaces the sent-back one: the notice goes, the queue grows", async () => {
    const fresh = await record(mentor, D, 2, "Lien vers la bêta : https://beta.example.gouv.fr", "2024-03-02");
    expect(fresh.validation.state).toBe("declared");
    // Only cartAV's outcome, sent back above, is still in the notice.
    expect((await mentor.get("/api/me/sent-back")).body.map((entry: { kind: string; challenge: { slug: string } }) => [entry.kind, entry.challenge.slug])).toEqual([
      ["outcome", CARTAV],
    ]);
    expect((await eig1("/api/stats/cohorts", "declared")).levels.production).toEqual({ "0": 0, "1": 0, "2": 2, "3": 1, none: 6 });
  });
});
