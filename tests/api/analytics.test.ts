import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertItem } from "../../server/src/repositories/challenge-items";
import { outcomesAfterEnd } from "../../server/src/repositories/stats";
import { replaceChallengeMentors } from "../../server/src/repositories/users";
import { challengeId, recordStatus } from "../support/factories";
import { SessionClient, signedInClient } from "../support/session-client";
import { startTestServer, type TestServer } from "../support/test-server";

let server: TestServer;
let evaluator: SessionClient;
let mentor: SessionClient;

beforeAll(async () => {
  server = await startTestServer();
  evaluator = (await signedInClient(server.baseUrl, server.db, "evaluator")).client;
  const signedMentor = await signedInClient(server.baseUrl, server.db, "mentor");
  mentor = signedMentor.client;
  replaceChallengeMentors(server.db, challengeId(server.db, "afd-geodata"), [signedMentor.account.id]);
});
afterAll(() => server.close());

const get = async (path: string) => (await evaluator.get(path)).body;

describe("GET /api/stats/trajectories", () => {
  it("has no point for a promotion without reports", async () => {
    const [eig1] = await get("/api/stats/trajectories?promotion=1");
    expect(eig1).toMatchObject({ key: "1", label: "EIG 1", challengeCount: 9 });
    expect(eig1.axes).toEqual({ production: [], transmission: [], reliability: [] });
  });

  it("counts whole months from the promotion's start, carries levels forward and fills empty months", async () => {
    // EIG 1 starts on 2017-01-01.
    recordStatus(server.db, "afd-geodata", "production", 1, "2017-03-20"); // month 2
    recordStatus(server.db, "afd-geodata", "production", 2, "2017-03-31"); // month 2, later: wins
    recordStatus(server.db, "bnf-catalogage", "production", 0, "2017-05-01"); // month 4
    recordStatus(server.db, "afd-geodata", "production", 3, "2017-07-15"); // month 6
    recordStatus(server.db, "ars-occitanie-parcours-de-soin", "production", 1, "2016-06-01"); // before the start: month 0
    const [eig1] = await get("/api/stats/trajectories?promotion=1");
    expect(eig1.axes.production).toEqual([
      { month: 0, meanLevel: 1, reported: 1 },
      { month: 1, meanLevel: 1, reported: 1 },
      { month: 2, meanLevel: 1.5, reported: 2 },
      { month: 3, meanLevel: 1.5, reported: 2 },
      { month: 4, meanLevel: 1, reported: 3 },
      { month: 5, meanLevel: 1, reported: 3 },
      { month: 6, meanLevel: 1.333, reported: 3 },
    ]);
    expect(eig1.axes.transmission).toEqual([]);
  });

  it("ignores retracted updates", async () => {
    const id = recordStatus(server.db, "bnf-catalogage", "reliability", 3, "2017-02-01");
    expect((await get("/api/stats/trajectories?promotion=1"))[0].axes.reliability).toHaveLength(1);
    const client = (await signedInClient(server.baseUrl, server.db, "admin")).client;
    expect((await client.post(`/api/status-updates/${id}/retraction`, { reason: "Erreur" })).status).toBe(201);
    expect((await get("/api/stats/trajectories?promotion=1"))[0].axes.reliability).toEqual([]);
  });

  it("follows the filters, and refuses unknown ones", async () => {
    const bySkill = await get("/api/stats/trajectories?promotion=1&skill=datascience");
    // ars-occitanie (datascience, dev) is in; afd-geodata (dev) and bnf (dev) are not.
    expect(bySkill[0].challengeCount).toBeLessThan(9);
    expect(bySkill[0].axes.production.every((p: { reported: number }) => p.reported === 1)).toBe(true);
    expect((await evaluator.get("/api/stats/trajectories?axis=production")).status).toBe(400);
    expect((await evaluator.get("/api/stats/trajectories?promotion=nine")).status).toBe(400);
  });
});

describe("GET /api/stats/cohorts with filters", () => {
  it("counts only the challenges of an administration or a skill", async () => {
    const all = await get("/api/stats/cohorts");
    const design = await get("/api/stats/cohorts?skill=design");
    const total = (list: { challengeCount: number }[]) => list.reduce((sum, c) => sum + c.challengeCount, 0);
    expect(total(all)).toBe(71);
    expect(total(design)).toBe(39);
    const administration = "Direction générale du Travail";
    const byAdministration = await get(`/api/stats/cohorts?administration=${encodeURIComponent(administration)}`);
    expect(total(byAdministration)).toBe((await get("/api/challenges")).filter((c: { administration: string }) => c.administration === administration).length);
  });
});

describe("GET /api/stats/outcomes-after-end", () => {
  it("reads the outcome in force 6, 12 and 24 months after each challenge's own end", async () => {
    const eig2 = (await get("/api/stats/outcomes-after-end?promotion=2"))[0];
    // EIG 2 ended in October 2018; the public outcomes are dated 2019-04-18.
    const [six, twelve, twentyFour] = eig2.offsets;
    expect(six).toMatchObject({ months: 6, reached: 13, reported: 6 });
    expect(twelve).toMatchObject({ months: 12, reached: 13, reported: 6 });
    expect(twelve.outcomes.maintained).toBe(2);
    expect(twentyFour.reported).toBe(6);
  });

  it("leaves out of the denominator the challenges whose date is not reached yet", () => {
    // Seen from 1 March 2019, EIG 2's +6 months (April 2019) is still to come.
    const [eig2] = outcomesAfterEnd(server.db, { promotion: "2" }, "2019-03-01");
    expect(eig2.offsets.map((offset) => offset.reached)).toEqual([0, 0, 0]);
    const [eig2Later] = outcomesAfterEnd(server.db, { promotion: "2" }, "2019-05-01");
    expect(eig2Later.offsets.map((offset) => offset.reached)).toEqual([13, 0, 0]);
    expect(eig2Later.offsets[0].reported).toBe(6);
  });
});

describe("GET /api/stats/sustainability and /api/stats/at-risk", () => {
  it("counts actions by kind and status, and challenges that kept people", async () => {
    const eig3 = (await get("/api/stats/sustainability?promotion=3"))[0];
    expect(eig3.actions.coordination.planned).toBeGreaterThanOrEqual(2);
    expect(eig3.peopleKept).toBe(0);
    insertItem(server.db, "resource", challengeId(server.db, "explocode"), { peopleKept: 2, budgetSecured: true }, { name: "x", asOf: "2020-01-01" });
    const after = (await get("/api/stats/sustainability?promotion=3"))[0];
    expect(after).toMatchObject({ resourcesReported: 1, peopleKept: 1 });
  });

  it("lists challenges at risk with their reasons, and apart those that never reported", async () => {
    // Neither has reported anything: a gap in the follow-up, not a risk (tests/api/headline.test.ts has the reasons).
    const { atRisk, neverReported } = await get("/api/stats/at-risk?promotion=3");
    const slugs = (rows: { slug: string }[]) => rows.map((row) => row.slug);
    expect(slugs(neverReported)).toEqual(expect.arrayContaining(["explocode", "cartobio"]));
    expect(slugs(atRisk)).not.toContain("explocode");
    expect(slugs(atRisk)).not.toContain("cartobio");
  });
});

describe("exports", () => {
  it("challenges.csv: UTF-8 with BOM, a header row, a dated file name, one row per challenge", async () => {
    const response = await fetch(`${server.baseUrl}/api/export/challenges.csv`, { headers: { Cookie: evaluator.cookie! } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="eig-defis_toutes-promotions_toutes-donnees_\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).trim().split("\r\n");
    expect(lines).toHaveLength(72);
    expect(lines[0]).toContain("identifiant,défi,promotion,administration");
    expect(lines.find((line) => line.startsWith("archifiltre,"))).toContain("Outil en production qui continue d'évoluer");
  });

  it("?sep=; gives semicolons; a bad separator is refused", async () => {
    const text = (await evaluator.get("/api/export/challenges.csv?sep=%3B")).body as string;
    expect(text.split("\r\n")[0]).toMatch(/^identifiant;défi;promotion/);
    expect((await evaluator.get("/api/export/challenges.csv?sep=%7C")).status).toBe(400);
  });

  it("neutralises cells that a spreadsheet would run as formulas", async () => {
    // Notes are trimmed on input, so tab and CR are covered by the unit test of the CSV writer.
    for (const [i, note] of ["=HYPERLINK(\"http://evil\")", "+1+1", "-2+3", "@SUM(A1)"].entries()) {
      const answer = await mentor.post("/api/challenges/afd-geodata/status-updates", { axis: "transmission", level: 1, note, asOf: `2018-0${i + 1}-01` });
      expect(answer.status, note).toBe(201);
    }
    const text = (await evaluator.get("/api/export/status-history.csv")).body as string;
    expect(text).toContain(`'=HYPERLINK(""http://evil"")`);
    for (const cell of ["'+1+1", "'-2+3", "'@SUM(A1)"]) expect(text).toContain(cell);
    expect(text).not.toMatch(/(^|,)[=+@]/m);
  });

  it("status-history.csv lists every update with its retraction", async () => {
    const text = (await evaluator.get("/api/export/status-history.csv")).body as string;
    const header = text.split("\r\n")[0];
    expect(header).toContain("axe,niveau,libellé,date");
    expect(text).toContain("Erreur"); // the retraction reason above
  });

  it("dataset.json has the seven tables and no personal data", async () => {
    const answer = await evaluator.get("/api/export/dataset.json");
    expect(answer.headers.get("content-disposition")).toMatch(/eig-donnees_toutes-promotions_toutes-donnees_\d{4}-\d{2}-\d{2}\.json/);
    expect(Object.keys(answer.body)).toEqual(["challenges", "statusUpdates", "outcomes", "actions", "scenarios", "allies", "resources"]);
    expect(answer.body.challenges).toHaveLength(71);
    const serialised = JSON.stringify(answer.body);
    expect(serialised).not.toMatch(/@test\.gouv\.fr|password|scrypt|csrf/i);
    expect(serialised).not.toContain("Mentor 2"); // author names stay out
  });

  it("dataset.xlsx is a real workbook with one sheet per table", async () => {
    const response = await fetch(`${server.baseUrl}/api/export/dataset.xlsx`, { headers: { Cookie: evaluator.cookie! } });
    expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      "Défis",
      "Historique des statuts",
      "Résultats",
      "Actions",
      "Scénarios",
      "Alliés",
      "Ressources",
      "Dictionnaire",
      "Méthode",
    ]);
    expect(workbook.getWorksheet("Défis")!.rowCount).toBe(72);
    const formulaCell = workbook.getWorksheet("Historique des statuts")!
      .getSheetValues()
      .flat()
      .find((value) => typeof value === "string" && value.includes("=HYPERLINK"));
    // Stored as text, not as a formula, and neutralised as in the CSV.
    expect(formulaCell).toBe(`'=HYPERLINK("http://evil")`);
  });

  it("?lang=en gives English headers, labels and sheet names; French stays the default; another language is refused", async () => {
    const challenges = (await evaluator.get("/api/export/challenges.csv?lang=en&sep=%3B")).body as string;
    expect(challenges.split("\r\n")[0]).toMatch(/^\uFEFF?id;challenge;promotion;administration;start;end/);
    expect(challenges.split("\r\n")[0]).toContain("Knowledge transfer: level");
    expect(challenges.split("\r\n").find((line) => line.startsWith("archifiltre;"))).toContain("Tool in production, still evolving");
    const history = (await evaluator.get("/api/export/status-history.csv?lang=en")).body as string;
    expect(history.split("\r\n")[0]).toContain("axis,level,label,date");
    // Yes/no columns speak the file's language too.
    expect(history).toMatch(/,no,/);
    expect(history).not.toMatch(/,(oui|non),/);
    expect((await evaluator.get("/api/export/challenges.csv?lang=fr")).body as string).toContain("identifiant,défi");
    expect((await evaluator.get("/api/export/challenges.csv?lang=de")).status).toBe(400);

    const response = await fetch(`${server.baseUrl}/api/export/dataset.xlsx?lang=en`, { headers: { Cookie: evaluator.cookie! } });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      "Challenges",
      "Status history",
      "Outcomes",
      "Actions",
      "Scenarios",
      "Allies",
      "Resources",
      "Dictionary",
      "Method",
    ]);
  });

  it("are refused to mentors (403) and to visitors (401)", async () => {
    expect((await mentor.get("/api/export/dataset.json")).status).toBe(403);
    expect((await new SessionClient(server.baseUrl).get("/api/export/challenges.csv")).status).toBe(401);
  });
});

describe("GET /api/openapi.json", () => {
  it("documents every route with its access rule", async () => {
    const document = await get("/api/openapi.json");
    expect(document.openapi).toBe("3.1.0");
    expect(document.paths["/api/challenges/{slug}/status-updates"].post).toMatchObject({
      "x-access": "challengeEditor",
      requestBody: { content: { "application/json": { schema: { properties: { axis: { enum: ["production", "transmission", "reliability"] } } } } } },
    });
    expect(document.paths["/api/export/dataset.xlsx"].get["x-access"]).toBe("exporter");
    expect(Object.keys(document.paths).length).toBeGreaterThan(30);
  });
});
