// Citable snapshots (docs/decisions/0005-citable-snapshots.md): an admin freezes the data; every statistic and export read
// "as of" the snapshot gives what the live read gave when it was taken, and never moves.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SNAPSHOT_COPIES } from "../../server/src/repositories/snapshot-copies";
import { replaceChallengeMentors } from "../../server/src/repositories/users";
import { METHODOLOGY_VERSION } from "@shared/methodology";
import { parisDate } from "@shared/dates";
import { challengeId, recordStatus } from "../support/factories";
import { SessionClient, signedInClient } from "../support/session-client";
import { startTestServer, type TestServer } from "../support/test-server";

let server: TestServer;
let admin: SessionClient;
let evaluator: SessionClient;
let mentor: SessionClient;

beforeAll(async () => {
  server = await startTestServer();
  admin = (await signedInClient(server.baseUrl, server.db, "admin")).client;
  evaluator = (await signedInClient(server.baseUrl, server.db, "evaluator")).client;
  const signedMentor = await signedInClient(server.baseUrl, server.db, "mentor");
  mentor = signedMentor.client;
  replaceChallengeMentors(server.db, challengeId(server.db, "afd-geodata"), [signedMentor.account.id]);
});
afterAll(() => server.close());

const snapshotCount = () => server.db.get<{ n: number }>("SELECT count(*) AS n FROM snapshots")!.n;

async function takeSnapshot(name: string): Promise<{ id: number; name: string; takenAt: string; methodologyVersion: string }> {
  const answer = await admin.post("/api/snapshots", { name });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body;
}

describe("POST, GET /api/snapshots", () => {
  it("an admin takes a named, dated snapshot with the methodology version; everyone signed in reads it back", async () => {
    const before = Date.now();
    const snapshot = await takeSnapshot("Rapport annuel 2026");
    expect(snapshot).toMatchObject({ name: "Rapport annuel 2026", methodologyVersion: METHODOLOGY_VERSION, challengeCount: 71 });
    expect(Number.isInteger(snapshot.id)).toBe(true);
    expect(Date.parse(snapshot.takenAt)).toBeGreaterThanOrEqual(before - 1000);
    // Edition 2: the at-risk rule (shared/methodology.ts).
    expect(METHODOLOGY_VERSION).toMatch(/^2\.[0-9a-f]{8}$/);

    for (const client of [evaluator, mentor, admin]) {
      expect((await client.get(`/api/snapshots/${snapshot.id}`)).body).toEqual(snapshot);
      const list = (await client.get("/api/snapshots")).body as { id: number }[];
      expect(list[0]).toEqual(snapshot);
    }
    const audit = (await admin.get("/api/audit?action=snapshot.created")).body;
    expect(audit.items[0]).toMatchObject({ targetType: "snapshot", targetId: String(snapshot.id), after: { name: "Rapport annuel 2026" } });
  });

  it("lists the newest first", async () => {
    const older = await takeSnapshot("Bilan de printemps");
    const newer = await takeSnapshot("Bilan d'automne");
    const ids = ((await evaluator.get("/api/snapshots")).body as { id: number }[]).map((s) => s.id);
    expect(ids.indexOf(newer.id)).toBeLessThan(ids.indexOf(older.id));
  });

  it("refuses a bad name with a French error (400) or a name already used (409), and writes nothing", async () => {
    const count = snapshotCount();
    for (const body of [{}, { name: "" }, { name: "   " }, { name: "x".repeat(121) }, { name: 12 }, { name: "Ok", extra: true }]) {
      const answer = await admin.post("/api/snapshots", body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.headers.get("content-type")).toContain("application/problem+json");
    }
    expect((await admin.post("/api/snapshots", {})).body.errors[0].message).toMatch(/nom/);
    const duplicate = await admin.post("/api/snapshots", { name: "rapport ANNUEL 2026" });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.detail).toContain("« rapport ANNUEL 2026 »");
    expect(snapshotCount()).toBe(count);
  });

  it("refuses evaluators and mentors who try to take or delete a snapshot (403), and anonymous callers (401)", async () => {
    const { id } = await takeSnapshot("Ne pas toucher");
    const count = snapshotCount();
    for (const client of [evaluator, mentor]) {
      expect((await client.post("/api/snapshots", { name: "Le mien" })).status).toBe(403);
      expect((await client.delete(`/api/snapshots/${id}`)).status).toBe(403);
    }
    const anonymous = new SessionClient(server.baseUrl);
    expect((await anonymous.get("/api/snapshots")).status).toBe(401);
    expect((await anonymous.get(`/api/stats/cohorts?snapshot=${id}`)).status).toBe(401);
    expect(snapshotCount()).toBe(count);
    expect((await evaluator.get(`/api/snapshots/${id}`)).status).toBe(200);
  });

  it("answers 404 for an unknown snapshot, and 400 for an id that is not one", async () => {
    expect((await evaluator.get("/api/snapshots/999999")).status).toBe(404);
    expect((await admin.delete("/api/snapshots/999999")).status).toBe(404);
    expect((await evaluator.get("/api/snapshots/abc")).status).toBe(400);
  });
});

describe("DELETE /api/snapshots/:id", () => {
  it("deletes the snapshot and its copies, and writes the deletion to the audit log", async () => {
    const snapshot = await takeSnapshot("Brouillon à supprimer");
    expect((await evaluator.get(`/api/stats/cohorts?snapshot=${snapshot.id}`)).status).toBe(200);
    expect((await admin.delete(`/api/snapshots/${snapshot.id}`)).status).toBe(204);

    expect((await evaluator.get(`/api/snapshots/${snapshot.id}`)).status).toBe(404);
    // Even a cached answer is no longer served.
    expect((await evaluator.get(`/api/stats/cohorts?snapshot=${snapshot.id}`)).status).toBe(404);
    for (const table of Object.keys(SNAPSHOT_COPIES)) {
      expect(server.db.get<{ n: number }>(`SELECT count(*) AS n FROM snapshot_${table} WHERE snapshot_id = ?`, [snapshot.id])!.n, table).toBe(0);
    }
    const audit = (await admin.get(`/api/audit?action=snapshot.deleted&targetId=${snapshot.id}`)).body;
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({ targetType: "snapshot", before: { name: "Brouillon à supprimer", takenAt: snapshot.takenAt } });
  });
});

describe("immutability in the database", () => {
  it("refuses to update a snapshot or its copies, and to delete them without the audit entry", async () => {
    const { id } = await takeSnapshot("Gravé dans le marbre");
    expect(() => server.db.run("UPDATE snapshots SET name = 'Autre' WHERE id = ?", [id])).toThrow(/immutable/);
    for (const table of Object.keys(SNAPSHOT_COPIES)) {
      const [column] = SNAPSHOT_COPIES[table as keyof typeof SNAPSHOT_COPIES];
      // Every copied table has rows in the seeded catalogue except a few: try those that do.
      const rows = server.db.get<{ n: number }>(`SELECT count(*) AS n FROM snapshot_${table} WHERE snapshot_id = ?`, [id])!.n;
      if (rows === 0) continue;
      expect(() => server.db.run(`UPDATE snapshot_${table} SET ${column} = ${column} WHERE snapshot_id = ?`, [id]), table).toThrow(/immutable/);
      expect(() => server.db.run(`DELETE FROM snapshot_${table} WHERE snapshot_id = ?`, [id]), table).toThrow(/immutable/);
    }
    expect(() => server.db.run("DELETE FROM snapshots WHERE id = ?", [id])).toThrow(/audit/);
    expect((await evaluator.get(`/api/snapshots/${id}`)).body.name).toBe("Gravé dans le marbre");
  });

  it("keeps every column the readers use: each listed column exists in the live table and in its snapshot copy", () => {
    for (const [table, columns] of Object.entries(SNAPSHOT_COPIES)) {
      const live = server.db.all<{ name: string }>(`SELECT name FROM pragma_table_info('${table}')`).map((c) => c.name);
      const copy = server.db.all<{ name: string }>(`SELECT name FROM pragma_table_info('snapshot_${table}')`).map((c) => c.name);
      for (const column of columns) {
        expect(live, `${table}.${column}`).toContain(column);
        expect(copy, `snapshot_${table}.${column}`).toContain(column);
      }
    }
  });
});

// Every statistic, with and without filters (the filtered trajectories take another path),
// and every export.
const VIEWS = [
  "/api/stats/cohorts",
  "/api/stats/cohorts?promotion=1",
  "/api/stats/cohorts?skill=design",
  "/api/stats/cohorts?administration=Agence%20Fran%C3%A7aise%20de%20D%C3%A9veloppement",
  "/api/stats/trajectories",
  "/api/stats/trajectories?promotion=1",
  "/api/stats/trajectories?skill=dev",
  "/api/stats/outcomes-after-end",
  "/api/stats/outcomes-after-end?promotion=1",
  "/api/stats/sustainability",
  "/api/stats/at-risk",
  "/api/stats/at-risk?promotion=1",
  "/api/stats/facets",
  "/api/challenges",
  "/api/challenges?promotion=1&q=catalogage",
  "/api/export/challenges.csv",
  "/api/export/challenges.csv?sep=%3B&lang=en",
  "/api/export/status-history.csv",
  "/api/export/dataset.json",
  "/api/export/dataset.xlsx",
] as const;

const withSnapshot = (path: string, id: number) => `${path}${path.includes("?") ? "&" : "?"}snapshot=${id}`;

/** What a reader sees of a view: the JSON, the CSV text, or every sheet's values. */
async function read(path: string): Promise<unknown> {
  if (path.includes(".xlsx")) {
    const response = await fetch(server.baseUrl + path, { headers: { Cookie: evaluator.cookie! } });
    expect(response.status, path).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    // The « Méthode » sheet cites its source (live revision or snapshot) and file name: the
    // data sheets and the dictionary are what must be the same.
    return workbook.worksheets.filter((sheet) => sheet.name !== "Méthode").map((sheet) => [sheet.name, sheet.getSheetValues()]);
  }
  const answer = await evaluator.get(path);
  expect(answer.status, path).toBe(200);
  if (path.includes("dataset.json")) {
    // The citation member is what the live export does not have; the data must be the same.
    const { snapshot: _citation, ...data } = answer.body as Record<string, unknown>;
    return data;
  }
  return answer.body;
}

async function readAll(snapshotId?: number): Promise<Map<string, unknown>> {
  const answers = new Map<string, unknown>();
  for (const view of VIEWS) answers.set(view, await read(snapshotId === undefined ? view : withSnapshot(view, snapshotId)));
  return answers;
}

describe("figures as of a snapshot", () => {
  let snapshotId: number;
  let atCapture: Map<string, unknown>;
  let retractable: number;

  beforeAll(async () => {
    // Some history before the snapshot, in every view: levels, trajectories, outcomes,
    // sustainability work, resources.
    recordStatus(server.db, "afd-geodata", "production", 1, "2017-03-20");
    recordStatus(server.db, "bnf-catalogage", "production", 2, "2017-06-01");
    retractable = recordStatus(server.db, "afd-geodata", "transmission", 2, "2017-09-01");
    const version = (await admin.get("/api/challenges/bnf-catalogage")).body.version;
    expect((await admin.request("PUT", "/api/challenges/bnf-catalogage/outcome", { categories: ["maintained"], asOf: "2018-01-15" }, { "If-Match": String(version) })).status).toBe(200);
    expect((await admin.post("/api/challenges/afd-geodata/actions", { kind: "communication", title: "Démo" })).status).toBe(201);
  });

  it("are exactly the live figures at capture, for every statistic and export", async () => {
    const live = await readAll();
    snapshotId = (await takeSnapshot("Rapport 2026")).id;
    atCapture = await readAll(snapshotId);
    for (const view of VIEWS) expect(atCapture.get(view), view).toEqual(live.get(view));
    // Not vacuous: the views hold the history recorded above.
    const [eig1] = atCapture.get("/api/stats/trajectories?promotion=1") as { axes: { production: unknown[] } }[];
    expect(eig1.axes.production.length).toBeGreaterThan(0);
    const [byAdministration] = atCapture.get(VIEWS[3]) as { challengeCount: number }[];
    expect(byAdministration.challengeCount).toBe(1);
  });

  it("stay the same after new updates, retractions, outcomes, actions, resources and corrections, while live figures change", async () => {
    const liveBefore = await readAll();
    // A mentor records updates; the team retracts one from before the snapshot.
    expect((await mentor.post("/api/challenges/afd-geodata/status-updates", { axis: "production", level: 3, asOf: "2018-02-01" })).status).toBe(201);
    expect((await mentor.post("/api/challenges/afd-geodata/status-updates", { axis: "reliability", level: 2 })).status).toBe(201);
    expect((await admin.post(`/api/status-updates/${retractable}/retraction`, { reason: "Saisie en double" })).status).toBe(201);
    const version = (await admin.get("/api/challenges/afd-geodata")).body.version;
    expect((await admin.request("PUT", "/api/challenges/afd-geodata/outcome", { categories: ["evolving_in_production"], asOf: "2018-01-10" }, { "If-Match": String(version) })).status).toBe(200);
    const action = (await admin.post("/api/challenges/afd-geodata/actions", { kind: "resources", title: "Marché de maintenance" })).body;
    expect((await admin.request("PATCH", `/api/actions/${action.id}`, { status: "done" }, { "If-Match": String(action.version) })).status).toBe(200);
    expect((await admin.post("/api/challenges/afd-geodata/resources", { peopleKept: 2 })).status).toBe(201);
    // The programme team corrects a challenge's administration and skills (catalogue edit).
    server.db.transaction(() => {
      server.db.run("UPDATE challenges SET administration = 'Ministère corrigé' WHERE slug = 'bnf-catalogage'");
      server.db.run("INSERT INTO challenge_skills (challenge_id, skill) VALUES (?, 'design')", [challengeId(server.db, "afd-geodata")]);
    });

    const liveAfter = await readAll();
    const unchanged = VIEWS.filter((view) => JSON.stringify(liveAfter.get(view)) === JSON.stringify(liveBefore.get(view)));
    // Every view moved live.
    expect(unchanged).toEqual([]);

    const asOfSnapshot = await readAll(snapshotId);
    for (const view of VIEWS) expect(asOfSnapshot.get(view), view).toEqual(atCapture.get(view));
  });

  it("keep the retracted update counting as it did, and leave later updates out of the history export", async () => {
    const history = (await evaluator.get(withSnapshot("/api/export/status-history.csv", snapshotId))).body as string;
    const live = (await evaluator.get("/api/export/status-history.csv")).body as string;
    expect(live).toContain("Saisie en double");
    expect(history).not.toContain("Saisie en double");
    expect(live.split("\r\n").length).toBeGreaterThan(history.split("\r\n").length);
  });

  it("name the snapshot in the exports: file names, the JSON citation and the workbook's title", async () => {
    const snapshot = (await evaluator.get(`/api/snapshots/${snapshotId}`)).body;
    const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(new Date(snapshot.takenAt));
    const citation = `Instantané « Rapport 2026 » du ${day.split("-").reverse().join("/")}, méthodologie v${METHODOLOGY_VERSION}`;
    for (const [path, file] of [
      ["/api/export/challenges.csv", `eig-defis_toutes-promotions_toutes-donnees_instantane-${snapshotId}-${day}.csv`],
      ["/api/export/status-history.csv", `eig-historique-des-statuts_toutes-promotions_toutes-donnees_instantane-${snapshotId}-${day}.csv`],
      ["/api/export/dataset.json", `eig-donnees_toutes-promotions_toutes-donnees_instantane-${snapshotId}-${day}.json`],
      ["/api/export/dataset.xlsx", `eig-donnees_toutes-promotions_toutes-donnees_instantane-${snapshotId}-${day}.xlsx`],
    ]) {
      const response = await fetch(server.baseUrl + withSnapshot(path, snapshotId), { headers: { Cookie: evaluator.cookie! } });
      expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${file}"`);
      if (path.endsWith(".json")) expect((await response.json()).snapshot).toMatchObject({ id: snapshotId, name: "Rapport 2026", methodologyVersion: METHODOLOGY_VERSION, citation });
      if (path.endsWith(".xlsx")) {
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(await response.arrayBuffer());
        expect(workbook.title).toBe(citation);
      }
    }
    // The live JSON export keeps its contract: no snapshot member.
    expect((await evaluator.get("/api/export/dataset.json")).body.snapshot).toBeUndefined();
  });

  it("answers 404 for an unknown snapshot on every statistic and export, 400 for a malformed id", async () => {
    for (const view of VIEWS) {
      const answer = await evaluator.get(withSnapshot(view, 987654));
      expect(answer.status, view).toBe(404);
      expect(answer.headers.get("content-type"), view).toContain("application/problem+json");
      expect(answer.body.detail).toContain("instantané");
      expect((await evaluator.get(`${view}${view.includes("?") ? "&" : "?"}snapshot=abc`)).status, view).toBe(400);
    }
  });

  it("are cached for ever under the snapshot's own ETag, whatever the writes since", async () => {
    const path = withSnapshot("/api/stats/cohorts", snapshotId);
    const first = await evaluator.get(path);
    expect(first.headers.get("etag")).toBe(`W/"s${snapshotId}"`);
    expect(first.headers.get("cache-control")).toContain("immutable");
    recordStatus(server.db, "cartobio", "production", 3, "2020-01-01");
    const again = await evaluator.request("GET", path, undefined, { "If-None-Match": first.headers.get("etag")! });
    expect(again.status).toBe(304);
    const liveTag = (await evaluator.get("/api/stats/cohorts")).headers.get("etag");
    expect(liveTag).not.toBe(first.headers.get("etag"));
  });
});

describe("data views as of a snapshot (validated / declared)", () => {
  const promotionOf = (slug: string) => server.db.get<{ key: string }>("SELECT promotion_key AS key FROM challenges WHERE slug = ?", [slug])!.key;
  /** The answer's body; an export as of a snapshot also cites it, which the live one does not. */
  const read = async (path: string) => {
    const answer = await evaluator.get(path);
    expect(answer.status, path).toBe(200);
    if (!Array.isArray(answer.body)) delete answer.body.snapshot;
    return answer.body;
  };

  it("count the declarations as they stood when the snapshot was taken, whatever is validated or sent back later", async () => {
    // The mentor of afd-geodata declares a production level: "declared" until an admin decides.
    const declared = await mentor.post("/api/challenges/afd-geodata/status-updates", { axis: "production", level: 3, asOf: parisDate() });
    expect(declared.status, JSON.stringify(declared.body)).toBe(201);
    const snapshot = await takeSnapshot("Avant validation");
    const views = ["validated", "declared"].flatMap((data) => [
      `/api/stats/cohorts?promotion=${promotionOf("afd-geodata")}&data=${data}`,
      `/api/stats/trajectories?promotion=${promotionOf("afd-geodata")}&data=${data}`,
      `/api/stats/trajectories?skill=dev&data=${data}`,
      `/api/stats/outcomes-after-end?data=${data}`,
      `/api/export/dataset.json?data=${data}`,
    ]);
    const atCapture = new Map<string, unknown>();
    for (const view of views) {
      const live = await read(view);
      expect(await read(withSnapshot(view, snapshot.id)), view).toEqual(live);
      atCapture.set(view, live);
    }

    const updateId = server.db.get<{ id: number }>("SELECT max(id) AS id FROM status_updates")!.id;
    expect((await admin.post(`/api/status-updates/${updateId}/validation`, { decision: "validated" })).status).toBe(201);

    const cohortsValidated = `/api/stats/cohorts?promotion=${promotionOf("afd-geodata")}&data=validated`;
    // Live, the validated view now counts the level; the snapshot's does not move.
    expect(await read(cohortsValidated)).not.toEqual(atCapture.get(cohortsValidated));
    const trajectoriesValidated = `/api/stats/trajectories?promotion=${promotionOf("afd-geodata")}&data=validated`;
    expect(await read(trajectoriesValidated)).not.toEqual(atCapture.get(trajectoriesValidated));
    for (const view of views) {
      expect(await read(withSnapshot(view, snapshot.id)), view).toEqual(atCapture.get(view));
    }
  });
});
