// The mentor's daily flows: no status dated in the future, long notes refused rather than cut,
// an unchanged outcome save that writes nothing, https-only links, and the declared /
// validated / sent-back state on « Mes défis » and in the campaign to-do.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendStatusUpdate } from "../../server/src/domain/status-updates";
import { replaceChallengeMentors } from "../../server/src/repositories/users";
import { addDays, parisDate } from "@shared/dates";
import { challengeId } from "../support/factories";
import { SessionClient, signedInClient } from "../support/session-client";
import { startTestServer, type TestServer } from "../support/test-server";

let server: TestServer;
let mentor: SessionClient;
let admin: SessionClient;

const TABLES = ["status_updates", "outcomes", "validation_decisions", "checklist_items", "resources", "audit_log"];

/** Everything a write could change: compared before and after a refused or empty request. */
function snapshot(slug: string) {
  const counts = Object.fromEntries(TABLES.map((table) => [table, server.db.get<{ n: number }>(`SELECT count(*) AS n FROM ${table}`)!.n]));
  const challenge = server.db.get("SELECT version, updated_at, last_report_at FROM challenges WHERE slug = ?", [slug]);
  return { counts, challenge };
}

async function expectRefused(slug: string, request: () => Promise<{ status: number; body: any }>) {
  const before = snapshot(slug);
  const answer = await request();
  expect(answer.status, JSON.stringify(answer.body)).toBe(400);
  expect(snapshot(slug)).toEqual(before);
  return answer.body;
}

const messagesOf = (problem: { errors: { path: string; message: string }[] }, path: string) =>
  problem.errors.filter((error) => error.path === path).map((error) => error.message);

beforeAll(async () => {
  server = await startTestServer();
  const signed = await signedInClient(server.baseUrl, server.db, "mentor");
  mentor = signed.client;
  admin = (await signedInClient(server.baseUrl, server.db, "admin")).client;
  for (const slug of ["archifiltre", "cartobio", "explocode"]) {
    replaceChallengeMentors(server.db, challengeId(server.db, slug), [signed.account.id]);
  }
});
afterAll(() => server.close());

describe("a status is never dated after today in Paris", () => {
  it("refuses tomorrow (Paris) with 400 and a clear message, writing nothing; accepts today", async () => {
    const tomorrow = addDays(parisDate(), 1);
    const problem = await expectRefused("archifiltre", () =>
      mentor.post("/api/challenges/archifiltre/status-updates", { axis: "production", level: 1, asOf: tomorrow }),
    );
    expect(messagesOf(problem, "body.asOf")).toEqual(["La date ne peut être postérieure à aujourd'hui."]);

    const today = await mentor.post("/api/challenges/archifiltre/status-updates", { axis: "production", level: 1, asOf: parisDate() });
    expect(today.status).toBe(201);
    expect(today.body.asOf).toBe(parisDate());
  });

  it("refuses an outcome dated tomorrow too", async () => {
    const { version } = (await mentor.get("/api/challenges/archifiltre")).body;
    await expectRefused("archifiltre", () =>
      mentor.request("PUT", "/api/challenges/archifiltre/outcome", { categories: ["discontinued"], asOf: addDays(parisDate(), 1) }, { "If-Match": String(version) }),
    );
  });
});

describe("notes over 2,000 characters are refused, never cut", () => {
  it("refuses 2,001 characters with 400 naming the note, and stores exactly 2,000 whole", async () => {
    const problem = await expectRefused("cartobio", () =>
      mentor.post("/api/challenges/cartobio/status-updates", { axis: "reliability", level: 2, note: "é".repeat(2001) }),
    );
    expect(messagesOf(problem, "body.note")).toEqual(["Note : 2000 caractères au plus."]);

    const note = `${"Une phrase assez longue. ".repeat(79)}${"x".repeat(25)}`;
    expect(note).toHaveLength(2000);
    const stored = await mentor.post("/api/challenges/cartobio/status-updates", { axis: "reliability", level: 2, note });
    expect(stored.status).toBe(201);
    expect(stored.body.note).toBe(note);
    const history = (await mentor.get("/api/challenges/cartobio")).body.history;
    expect(history.find((u: { id: number }) => u.id === stored.body.id).note).toBe(note);
  });

  it("refuses an over-long outcome or resource note the same way", async () => {
    const { version } = (await mentor.get("/api/challenges/cartobio")).body;
    await expectRefused("cartobio", () =>
      mentor.request("PUT", "/api/challenges/cartobio/outcome", { categories: ["discontinued"], note: "x".repeat(2001) }, { "If-Match": String(version) }),
    );
    await expectRefused("cartobio", () => mentor.post("/api/challenges/cartobio/resources", { peopleKept: 1, note: "x".repeat(2001) }));
  });
});

describe("saving the outcome unchanged is a no-op", () => {
  it("answers changed: false, with no new outcome, no validation item, nobody credited and the same version", async () => {
    const first = (await mentor.get("/api/challenges/explocode")).body;
    const saved = await mentor.request(
      "PUT",
      "/api/challenges/explocode/outcome",
      { categories: ["evolving_in_production", "beyond_initial_scope"], path: null, note: "Reprise par la DINUM" },
      { "If-Match": String(first.version) },
    );
    expect(saved.status).toBe(200);
    expect(saved.body.changed).toBe(true);
    // The reviewer validates it: a no-op must not bring it back into the queue.
    expect((await admin.post(`/api/outcomes/${saved.body.outcome.id}/validation`, { decision: "validated" })).status).toBe(201);

    const before = snapshot("explocode");
    const detail = (await mentor.get("/api/challenges/explocode")).body;
    const queueBefore = (await admin.get("/api/validations")).body.total;
    // What the pre-filled form sends: the same fields (categories in another order), today's date.
    const again = await mentor.request(
      "PUT",
      "/api/challenges/explocode/outcome",
      { categories: ["beyond_initial_scope", "evolving_in_production"], path: null, note: " Reprise par la DINUM ", asOf: parisDate() },
      { "If-Match": String(detail.version) },
    );
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ changed: false, outcome: detail.outcomeDetail, version: detail.version });
    expect(snapshot("explocode")).toEqual(before);
    expect((await admin.get("/api/validations")).body.total).toBe(queueBefore);
    const after = (await mentor.get("/api/challenges/explocode")).body;
    expect(after.outcomeHistory).toEqual(detail.outcomeHistory);
    expect(after.outcomeDetail.validation.state).toBe("validated");

    // A real change still records a new outcome.
    const changed = await mentor.request(
      "PUT",
      "/api/challenges/explocode/outcome",
      { categories: ["beyond_initial_scope", "evolving_in_production"], path: null, note: "Reprise par la DINUM en 2024" },
      { "If-Match": String(detail.version) },
    );
    expect(changed.body).toMatchObject({ changed: true, version: detail.version + 1 });
  });
});

describe("links must be https://", () => {
  it("refuses an http:// evidence link or checklist link with « L'adresse doit commencer par https:// »", async () => {
    const problem = await expectRefused("archifiltre", () =>
      mentor.post("/api/challenges/archifiltre/status-updates", { axis: "transmission", level: 1, evidenceUrl: "http://archifiltre.fr/preuve" }),
    );
    expect(messagesOf(problem, "body.evidenceUrl")).toEqual(["L'adresse doit commencer par https://"]);
    const checklist = await expectRefused("archifiltre", () =>
      mentor.request("PUT", "/api/challenges/archifiltre/checklist/discovery_report", { done: true, link: "http://wiki.example.fr/doc" }),
    );
    expect(messagesOf(checklist, "body.link")).toEqual(["L'adresse doit commencer par https://"]);

    const ok = await mentor.post("/api/challenges/archifiltre/status-updates", {
      axis: "transmission",
      level: 1,
      evidenceUrl: "https://archifiltre.fr/preuve",
    });
    expect(ok.status).toBe(201);
    expect(ok.body.evidenceUrl).toBe("https://archifiltre.fr/preuve");
    expect((await mentor.request("PUT", "/api/challenges/archifiltre/checklist/discovery_report", { done: true, link: "https://wiki.example.fr/doc" })).status).toBe(200);
  });

  it("still shows an http:// link stored before the rule", async () => {
    const id = appendStatusUpdate(server.db, {
      challengeId: challengeId(server.db, "archifiltre"),
      axis: "reliability",
      level: 1,
      asOf: "2021-05-01",
      evidenceUrl: "http://ancien.example.fr",
      authorId: null,
      authorName: "Mentor de test",
    });
    const history = (await mentor.get("/api/challenges/archifiltre")).body.history;
    expect(history.find((u: { id: number }) => u.id === id).evidenceUrl).toBe("http://ancien.example.fr");
  });
});

describe("declared / validated / sent back, where the mentor looks", () => {
  it("a sent-back axis is to do again in the campaign to-do, and « Mes défis » says so with the reason", async () => {
    const opened = await admin.post("/api/campaigns", { name: "Bilan de printemps", deadline: addDays(parisDate(), 10), challenges: ["cartobio"] });
    expect(opened.status).toBe(201);
    const answers = [];
    for (const axis of ["production", "transmission", "reliability"]) {
      answers.push((await mentor.post("/api/challenges/cartobio/status-updates", { axis, level: 2 })).body);
    }
    const todo = async () =>
      (await mentor.get("/api/me/campaigns")).body.find((c: { id: number }) => c.id === opened.body.campaign.id).challenges[0];
    expect(await todo()).toMatchObject({ answered: true, axes: { production: true, transmission: true, reliability: true } });

    expect((await admin.post(`/api/status-updates/${answers[0].id}/validation`, { decision: "sent_back", comment: "Le lien ne montre pas la mise en production." })).status).toBe(201);
    expect((await admin.post(`/api/status-updates/${answers[1].id}/validation`, { decision: "validated" })).status).toBe(201);

    const after = await todo();
    expect(after).toMatchObject({ answered: false, axes: { production: false, transmission: true, reliability: true } });
    expect(after.validation).toMatchObject({
      production: { state: "sent_back", comment: "Le lien ne montre pas la mise en production." },
      transmission: { state: "validated" },
      reliability: { state: "declared" },
    });
    const mine = (await mentor.get("/api/me/challenges")).body.find((c: { slug: string }) => c.slug === "cartobio");
    expect(mine.validation).toMatchObject({
      production: { state: "sent_back", comment: "Le lien ne montre pas la mise en production." },
      transmission: { state: "validated" },
      reliability: { state: "declared" },
    });
    // The admin's campaign page counts it the same way.
    expect((await admin.get(`/api/campaigns/${opened.body.campaign.id}`)).body.answeredCount).toBe(0);

    // « Toujours exact » does not answer a sent-back level: left out by default, refused by name.
    const confirmed = await mentor.post("/api/challenges/cartobio/confirmations", {});
    expect(confirmed.status).toBe(201);
    expect(confirmed.body.updates.map((update: { axis: string }) => update.axis).sort()).toEqual(["reliability", "transmission"]);
    const before = snapshot("cartobio");
    const refused = await mentor.post("/api/challenges/cartobio/confirmations", { axes: ["production"] });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain("renvoyé");
    expect(snapshot("cartobio")).toEqual(before);
    expect(await todo()).toMatchObject({ answered: false, axes: { production: false } });

    // Answered again: done.
    await mentor.post("/api/challenges/cartobio/status-updates", { axis: "production", level: 1 });
    expect((await todo()).answered).toBe(true);
  });
});
