// Writes that happen once (Idempotency-Key on create routes), a mistaken campaign deleted while
// nobody answered it, and plan items that two editors cannot overwrite unseen (If-Match).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, parisDate } from "@shared/dates";
import { assignMentor } from "../support/factories";
import { signedInClient, type Answer, type SessionClient } from "../support/session-client";
import { startTestServer, type TestServer } from "../support/test-server";

let server: TestServer;
let admin: SessionClient;
let mentor: SessionClient;
let otherMentor: SessionClient;
const SLUG = "archifiltre";

const count = (sql: string, params: unknown[] = []) => server.db.get<{ n: number }>(sql, params)!.n;
const withKey = (key: string) => ({ "Idempotency-Key": key });
const campaignBody = (name: string) => ({ name, deadline: addDays(parisDate(), 14), challenges: [SLUG] });

/** Two requests as a double click sends them: at the same moment, same key, same body. */
async function doubleClick(send: () => Promise<Answer>): Promise<Answer[]> {
  return Promise.all([send(), send()]);
}

/** Each answer either created (201) or was refused while the first ran (409); the 2xx ones say the same. */
function expectOneResult(answers: Answer[]): Answer {
  for (const answer of answers) expect([201, 409]).toContain(answer.status);
  const created = answers.filter((answer) => answer.status === 201);
  expect(created.length).toBeGreaterThanOrEqual(1);
  for (const answer of created) expect(answer.body).toEqual(created[0].body);
  return created[0];
}

beforeAll(async () => {
  server = await startTestServer();
  admin = (await signedInClient(server.baseUrl, server.db, "admin")).client;
  const first = await signedInClient(server.baseUrl, server.db, "mentor");
  const second = await signedInClient(server.baseUrl, server.db, "mentor");
  mentor = first.client;
  otherMentor = second.client;
  assignMentor(server.db, first.account.id, SLUG);
  assignMentor(server.db, second.account.id, SLUG);
});

afterAll(async () => {
  await server?.close();
});

describe("Idempotency-Key on create routes", () => {
  it("a double click opens ONE campaign, whether the two requests arrive together or one after the other", async () => {
    const key = randomUUID();
    const body = campaignBody("Campagne du double clic");
    const together = await doubleClick(() => admin.request("POST", "/api/campaigns", body, withKey(key)));
    const first = expectOneResult(together);
    expect(count("SELECT count(*) AS n FROM campaigns WHERE name = ?", [body.name])).toBe(1);

    const again = await admin.request("POST", "/api/campaigns", body, withKey(key));
    expect(again.status).toBe(201);
    expect(again.headers.get("Idempotent-Replayed")).toBe("true");
    expect(again.body).toEqual(first.body);
    expect(count("SELECT count(*) AS n FROM campaigns WHERE name = ?", [body.name])).toBe(1);
    expect(count("SELECT count(*) AS n FROM audit_log WHERE action = 'campaign.created'")).toBe(1);
  });

  it("a repeated status update records ONE update and answers the first one again", async () => {
    const key = randomUUID();
    const body = { axis: "production", level: 2, note: "Une seule fois" };
    const path = `/api/challenges/${SLUG}/status-updates`;
    const before = count("SELECT count(*) AS n FROM status_updates WHERE note = ?", [body.note]);
    const first = expectOneResult(await doubleClick(() => mentor.request("POST", path, body, withKey(key))));
    const again = await mentor.request("POST", path, body, withKey(key));
    expect(again.status).toBe(201);
    expect(again.headers.get("Idempotent-Replayed")).toBe("true");
    expect(again.body).toEqual(first.body);
    expect(count("SELECT count(*) AS n FROM status_updates WHERE note = ?", [body.note])).toBe(before + 1);
  });

  it("a repeated plan item creates ONE item", async () => {
    const key = randomUUID();
    const body = { kind: "communication", title: "Présenter le défi au comité" };
    const path = `/api/challenges/${SLUG}/actions`;
    const first = expectOneResult(await doubleClick(() => mentor.request("POST", path, body, withKey(key))));
    const again = await mentor.request("POST", path, body, withKey(key));
    expect(again.body).toEqual(first.body);
    expect(count("SELECT count(*) AS n FROM actions WHERE title = ?", [body.title])).toBe(1);
  });

  it("an invitation sent twice while its link is being delivered is created once", async () => {
    const key = randomUUID();
    const body = { email: "invitee-once@test.gouv.fr", name: "Invitée Unique", role: "evaluator" };
    expectOneResult(await doubleClick(() => admin.request("POST", "/api/invitations", body, withKey(key))));
    const again = await admin.request("POST", "/api/invitations", body, withKey(key));
    expect(again.status).toBe(201);
    expect(again.headers.get("Idempotent-Replayed")).toBe("true");
    expect(count("SELECT count(*) AS n FROM invitations WHERE email = ?", [body.email])).toBe(1);
    // The kept answer holds the one-time link: never in clear in the database.
    expect(count("SELECT count(*) AS n FROM idempotency_keys WHERE body LIKE '%invitation%'")).toBe(0);
  });

  it("keys are per account: another mentor's same key records their own update", async () => {
    const key = randomUUID();
    const body = { axis: "reliability", level: 1, note: "Même clé, autre compte" };
    const path = `/api/challenges/${SLUG}/status-updates`;
    const mine = await mentor.request("POST", path, body, withKey(key));
    const theirs = await otherMentor.request("POST", path, body, withKey(key));
    expect(mine.status).toBe(201);
    expect(theirs.status).toBe(201);
    expect(theirs.headers.get("Idempotent-Replayed")).toBeNull();
    expect(theirs.body.id).not.toBe(mine.body.id);
    expect(count("SELECT count(*) AS n FROM status_updates WHERE note = ?", [body.note])).toBe(2);
  });

  it("the same key with another body, or on another route, is refused (422) and creates nothing", async () => {
    const key = randomUUID();
    const path = `/api/challenges/${SLUG}/status-updates`;
    expect((await mentor.request("POST", path, { axis: "transmission", level: 1, note: "Premier" }, withKey(key))).status).toBe(201);
    const before = count("SELECT count(*) AS n FROM status_updates");
    const otherBody = await mentor.request("POST", path, { axis: "transmission", level: 3, note: "Autre" }, withKey(key));
    expect(otherBody.status).toBe(422);
    expect(otherBody.body.detail).toMatch(/Idempotency-Key/);
    const otherRoute = await mentor.request("POST", `/api/challenges/${SLUG}/actions`, { kind: "resources", title: "Autre route" }, withKey(key));
    expect(otherRoute.status).toBe(422);
    expect(count("SELECT count(*) AS n FROM status_updates")).toBe(before);
    expect(count("SELECT count(*) AS n FROM actions WHERE title = 'Autre route'")).toBe(0);
  });

  it("a refused request keeps nothing: the corrected retry with the same key goes through", async () => {
    const key = randomUUID();
    expect((await admin.request("POST", "/api/snapshots", { name: "Instantané unique" })).status).toBe(201);
    const clash = await admin.request("POST", "/api/snapshots", { name: "Instantané unique" }, withKey(key));
    expect(clash.status).toBe(409);
    const corrected = await admin.request("POST", "/api/snapshots", { name: "Instantané unique, bis" }, withKey(key));
    expect(corrected.status).toBe(201);
    expect(corrected.headers.get("Idempotent-Replayed")).toBeNull();
  });

  it("refuses a malformed key (400) and documents the header in the OpenAPI document", async () => {
    const bad = await mentor.request("POST", `/api/challenges/${SLUG}/actions`, { kind: "resources", title: "Clé invalide" }, withKey("é".repeat(3)));
    expect(bad.status).toBe(400);
    const doc = (await admin.get("/api/openapi.json")).body;
    const parameters = doc.paths["/api/campaigns"].post.parameters as { name: string; required: boolean }[];
    expect(parameters).toContainEqual(expect.objectContaining({ name: "Idempotency-Key", required: false }));
    const patch = doc.paths["/api/actions/{id}"].patch.parameters as { name: string; required: boolean }[];
    expect(patch).toContainEqual(expect.objectContaining({ name: "If-Match", required: true }));
  });
});

describe("Deleting a mistaken campaign", () => {
  it("an admin deletes a campaign nobody has answered; audited; mentors may not", async () => {
    const created = await admin.post("/api/campaigns", campaignBody("Campagne par erreur"));
    expect(created.status).toBe(201);
    const id = created.body.campaign.id as number;
    expect((await admin.get(`/api/campaigns/${id}`)).body.deletable).toBe(true);
    expect((await mentor.delete(`/api/campaigns/${id}`)).status).toBe(403);

    const deleted = await admin.delete(`/api/campaigns/${id}`);
    expect(deleted.status).toBe(204);
    expect((await admin.get(`/api/campaigns/${id}`)).status).toBe(404);
    expect(count("SELECT count(*) AS n FROM campaign_challenges WHERE campaign_id = ?", [id])).toBe(0);
    const audit = server.db.get<{ before: string }>(
      "SELECT before FROM audit_log WHERE action = 'campaign.deleted' AND target_id = ?",
      [String(id)],
    );
    expect(JSON.parse(audit!.before)).toMatchObject({ name: "Campagne par erreur" });
    expect((await admin.delete(`/api/campaigns/${id}`)).status).toBe(404);
  });

  it("once a mentor has answered through it, 409 and the campaign stays", async () => {
    const created = await admin.post("/api/campaigns", campaignBody("Campagne qui a reçu une réponse"));
    const id = created.body.campaign.id as number;
    expect((await mentor.post(`/api/challenges/${SLUG}/confirmations`, {})).status).toBe(201);
    expect((await admin.get(`/api/campaigns/${id}`)).body.deletable).toBe(false);
    const refused = await admin.delete(`/api/campaigns/${id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/répondu/);
    expect((await admin.get(`/api/campaigns/${id}`)).status).toBe(200);
  });
});

describe("Optimistic concurrency on plan items", () => {
  const editors = () => [mentor, otherMentor] as const;

  it("two mentors edit the same action: the second gets 409 with the first's values; nothing is overwritten", async () => {
    const [first, second] = editors();
    const created = await first.post(`/api/challenges/${SLUG}/actions`, { kind: "coordination", title: "Réunir les partenaires" });
    expect(created.body.version).toBe(1);
    const id = created.body.id as number;

    const mine = await first.request("PATCH", `/api/actions/${id}`, { title: "Réunir les partenaires en mars" }, { "If-Match": "1" });
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ title: "Réunir les partenaires en mars", version: 2 });

    const theirs = await second.request("PATCH", `/api/actions/${id}`, { title: "Annuler la réunion", status: "dropped" }, { "If-Match": "1" });
    expect(theirs.status).toBe(409);
    expect(theirs.body.current).toMatchObject({ id, title: "Réunir les partenaires en mars", status: "planned", version: 2 });
    expect(server.db.get("SELECT title, status, version FROM actions WHERE id = ?", [id])).toEqual({
      title: "Réunir les partenaires en mars",
      status: "planned",
      version: 2,
    });
  });

  it("without If-Match: 428 for an edit and a delete, on every kind of item", async () => {
    const created = {
      actions: await mentor.post(`/api/challenges/${SLUG}/actions`, { kind: "communication", title: "Sans version" }),
      scenarios: await mentor.post(`/api/challenges/${SLUG}/scenarios`, { title: "Scénario sans version" }),
      allies: await mentor.post(`/api/challenges/${SLUG}/allies`, { name: "Allié sans version", kind: "strategic" }),
      resources: await mentor.post(`/api/challenges/${SLUG}/resources`, { peopleKept: 1 }),
    };
    for (const [plural, answer] of Object.entries(created)) {
      expect(answer.status, plural).toBe(201);
      expect(answer.body.version, plural).toBe(1);
      expect((await mentor.patch(`/api/${plural}/${answer.body.id}`, {})).status, plural).toBe(428);
      expect((await mentor.delete(`/api/${plural}/${answer.body.id}`)).status, plural).toBe(428);
      expect((await mentor.request("PATCH", `/api/${plural}/${answer.body.id}`, {}, { "If-Match": "1" })).body.version, plural).toBe(2);
    }
  });

  it("a delete with a stale version gets 409 and the item stays; with the current one it goes", async () => {
    const created = await mentor.post(`/api/challenges/${SLUG}/allies`, { name: "Direction du numérique", kind: "strategic" });
    const id = created.body.id as number;
    await otherMentor.request("PATCH", `/api/allies/${id}`, { role: "Finance l'hébergement" }, { "If-Match": "1" });
    const stale = await mentor.request("DELETE", `/api/allies/${id}`, undefined, { "If-Match": "1" });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({ id, role: "Finance l'hébergement", version: 2 });
    expect(count("SELECT count(*) AS n FROM allies WHERE id = ?", [id])).toBe(1);
    expect((await mentor.request("DELETE", `/api/allies/${id}`, undefined, { "If-Match": '"2"' })).status).toBe(204);
    expect(count("SELECT count(*) AS n FROM allies WHERE id = ?", [id])).toBe(0);
  });

  it("the challenge page gives each item its version", async () => {
    const detail = (await mentor.get(`/api/challenges/${SLUG}`)).body;
    for (const list of [detail.actions, detail.scenarios, detail.allies, detail.resources]) {
      for (const item of list) expect(Number.isInteger(item.version)).toBe(true);
    }
  });
});
