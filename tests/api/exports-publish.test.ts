// Exports ready to publish (docs/decisions/0009-reports-that-leave-the-building.md): each
// file is named after what it holds, the filters, the data view and the day or snapshot; the
// workbook speaks the reader's language, shows labels rather than codes, and carries its own
// dictionary and method.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { METHODOLOGY_VERSION } from "@shared/methodology";
import { parisDate } from "@shared/dates";
import { SessionClient, signedInClient } from "../support/session-client";
import { startTestServer, type TestServer } from "../support/test-server";

let server: TestServer;
let evaluator: SessionClient;
let admin: SessionClient;
const today = parisDate();

beforeAll(async () => {
  server = await startTestServer();
  evaluator = (await signedInClient(server.baseUrl, server.db, "evaluator")).client;
  admin = (await signedInClient(server.baseUrl, server.db, "admin")).client;
  const answer = await admin.post("/api/challenges/archifiltre/status-updates", { axis: "production", level: 2, note: "En service" });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
});
afterAll(() => server.close());

async function download(path: string, client = evaluator) {
  const response = await fetch(server.baseUrl + path, { headers: { Cookie: client.cookie! } });
  expect(response.status, path).toBe(200);
  const disposition = response.headers.get("content-disposition") ?? "";
  return { name: /filename="([^"]+)"/.exec(disposition)?.[1], response };
}

async function workbook(query = "", client = evaluator) {
  const { response } = await download(`/api/export/dataset.xlsx${query}`, client);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await response.arrayBuffer());
  return book;
}

const headersOf = (sheet: ExcelJS.Worksheet) => (sheet.getRow(1).values as unknown[]).filter((value) => value != null).map(String);
const DATA_SHEETS = { fr: ["Défis", "Historique des statuts", "Résultats", "Actions", "Scénarios", "Alliés", "Ressources"], en: ["Challenges", "Status history", "Outcomes", "Actions", "Scenarios", "Allies", "Resources"] };

describe("export file names", () => {
  it("each export has its own name, which says what it holds, the promotions, the data view and the day", async () => {
    const paths = [
      "/api/export/challenges.csv",
      "/api/export/challenges.csv?sep=%3B",
      "/api/export/status-history.csv",
      "/api/export/dataset.xlsx",
      "/api/export/dataset.json",
    ];
    const names = [];
    for (const path of paths) names.push((await download(path)).name);
    expect(names).toEqual([
      `eig-defis_toutes-promotions_toutes-donnees_${today}.csv`,
      `eig-defis_toutes-promotions_toutes-donnees_point-virgule_${today}.csv`,
      `eig-historique-des-statuts_toutes-promotions_toutes-donnees_${today}.csv`,
      `eig-donnees_toutes-promotions_toutes-donnees_${today}.xlsx`,
      `eig-donnees_toutes-promotions_toutes-donnees_${today}.json`,
    ]);
  });

  it("the name follows the filters, the data view, the language and the snapshot", async () => {
    expect((await download("/api/export/challenges.csv?promotion=2&data=validated")).name).toBe(`eig-defis_eig2_validees_${today}.csv`);
    expect((await download("/api/export/dataset.xlsx?promotion=dig&skill=design&lang=en&data=declared")).name).toBe(
      `eig-dataset_dig_design_declared_${today}.xlsx`,
    );
    const taken = await admin.post("/api/snapshots", { name: "Bilan 2026" });
    expect(taken.status).toBe(201);
    const day = parisDate(new Date(taken.body.takenAt));
    expect((await download(`/api/export/status-history.csv?snapshot=${taken.body.id}&promotion=1&sep=%3B`)).name).toBe(
      `eig-historique-des-statuts_eig1_toutes-donnees_point-virgule_instantane-${taken.body.id}-${day}.csv`,
    );
  });

  it("the filters in the name are the filters of the content", async () => {
    const { response } = await download("/api/export/challenges.csv?promotion=2");
    const lines = (await response.text()).trim().split("\r\n").slice(1);
    expect(lines.length).toBe(13);
    expect(lines.every((line) => line.split(",")[2] === "EIG 2")).toBe(true);
    const json = (await evaluator.get("/api/export/dataset.json?promotion=1")).body;
    expect(json.challenges).toHaveLength(9);
    const slugs = new Set(json.challenges.map((c: { slug: string }) => c.slug));
    expect(json.statusUpdates.every((u: { challenge: string }) => slugs.has(u.challenge))).toBe(true);
    expect((await evaluator.get("/api/export/dataset.xlsx?promotion=eig9")).status).toBe(400);
  });
});

describe("the workbook", () => {
  it("has headers in the reader's language and labels instead of codes", async () => {
    for (const lang of ["fr", "en"] as const) {
      const book = await workbook(`?lang=${lang}`);
      expect(book.worksheets.map((sheet) => sheet.name)).toEqual([...DATA_SHEETS[lang], lang === "fr" ? "Dictionnaire" : "Dictionary", lang === "fr" ? "Méthode" : "Method"]);
      const challenges = book.getWorksheet(DATA_SHEETS[lang][0])!;
      const headers = headersOf(challenges);
      // No camelCase member names left.
      expect(headers.filter((header) => /[a-z][A-Z]/.test(header))).toEqual([]);
      const column = (header: string) => headers.indexOf(header) + 1;
      const archifiltre = challenges.getRows(2, challenges.rowCount - 1)!.find((row) => row.getCell(1).value === "archifiltre")!;
      if (lang === "fr") {
        expect(headers).toEqual(expect.arrayContaining(["identifiant", "défi", "Mise en production : niveau", "Mise en production : niveau (code)", "résultat", "voie de pérennisation"]));
        expect(archifiltre.getCell(column("Mise en production : niveau")).value).toBe("2 — Atteint");
        expect(archifiltre.getCell(column("Mise en production : niveau (code)")).value).toBe(2);
        expect(archifiltre.getCell(column("résultat")).value).toContain("Outil en production qui continue d'évoluer");
        expect(String(archifiltre.getCell(column("voie de pérennisation")).value ?? "")).not.toMatch(/^[a-z_]+$/);
      } else {
        expect(headers).toEqual(expect.arrayContaining(["id", "challenge", "Production: level", "Production: level (code)", "outcome", "sustainability path"]));
        expect(archifiltre.getCell(column("Production: level")).value).toBe("2 — Achieved");
        expect(archifiltre.getCell(column("outcome")).value).toContain("Tool in production, still evolving");
      }
      const history = book.getWorksheet(DATA_SHEETS[lang][1])!;
      const axisColumn = headersOf(history).indexOf(lang === "fr" ? "axe" : "axis") + 1;
      const axes = new Set(history.getRows(2, history.rowCount - 1)!.map((row) => row.getCell(axisColumn).value));
      for (const code of ["production", "transmission", "reliability"]) expect(axes.has(code)).toBe(false);
      const validationColumn = headersOf(history).indexOf("validation") + 1;
      expect(history.getRow(2).getCell(validationColumn).value).toMatch(lang === "fr" ? /^(Déclaré|Validé|Renvoyé)$/ : /^(Declared|Validated|Sent back)$/);
    }
  });

  it("the Dictionnaire sheet describes every column of every data sheet, and the codes behind the labels", async () => {
    for (const [lang, client] of [
      ["fr", evaluator],
      ["en", evaluator],
      ["fr", admin],
    ] as const) {
      const book = await workbook(`?lang=${lang}`, client);
      const dictionary = book.getWorksheet(lang === "fr" ? "Dictionnaire" : "Dictionary")!;
      const rows = dictionary.getRows(2, dictionary.rowCount - 1)!.map((row) => [1, 2, 3, 4, 5].map((index) => row.getCell(index).value));
      const described = new Set(rows.filter(([, , about]) => typeof about === "string" && about.length > 0).map(([sheet, column]) => `${sheet} › ${column}`));
      const columns = DATA_SHEETS[lang].flatMap((name) => headersOf(book.getWorksheet(name)!).map((header) => `${name} › ${header}`));
      expect(columns.length).toBeGreaterThan(50);
      expect(columns.filter((column) => !described.has(column))).toEqual([]);
      expect([...described].filter((entry) => !columns.includes(entry))).toEqual([]);
      // The codes: levels, outcome categories, axes…, each with its label.
      const codes = rows.filter(([, , , code]) => code != null).map(([sheet, column, , code, label]) => `${sheet} › ${column} › ${code} › ${label}`);
      const levelColumn = lang === "fr" ? "Défis › Mise en production : niveau" : "Challenges › Production: level";
      expect(codes).toContain(`${levelColumn} › 2 › ${lang === "fr" ? "2 — Atteint" : "2 — Achieved"}`);
      expect(codes).toContain(`${lang === "fr" ? "Historique des statuts › axe" : "Status history › axis"} › reliability › ${lang === "fr" ? "Fiabilisation" : "Reliability"}`);
      expect(codes.some((code) => code.includes("› evolving_in_production ›"))).toBe(true);
    }
  });

  it("the Méthode sheet gives the methodology version and the source caption", async () => {
    const method = (book: ExcelJS.Workbook, name: string) =>
      new Map(book.getWorksheet(name)!.getRows(2, book.getWorksheet(name)!.rowCount - 1)!.map((row) => [String(row.getCell(1).value), row.getCell(2).value]));
    const fr = method(await workbook("?promotion=3&data=validated"), "Méthode");
    expect(fr.get("version de la méthodologie")).toBe(`v${METHODOLOGY_VERSION}`);
    expect(fr.get("source")).toMatch(/^Source : Suivi de pérennisation des défis EIG, données du .+, révision \d+\.$/);
    expect(fr.get("filtres")).toBe("Filtres : promotion EIG 3");
    expect(fr.get("données comptées")).toBe("Données : validées uniquement");
    expect(fr.get("nombre de défis")).toBe(15);
    expect(fr.get("fichier")).toBe(`eig-donnees_eig3_validees_${today}.xlsx`);
    const en = method(await workbook("?lang=en"), "Method");
    expect(en.get("methodology version")).toBe(`v${METHODOLOGY_VERSION}`);
    expect(en.get("filters")).toBe("Filters: none (all challenges)");
    expect(en.get("number of challenges")).toBe(71);
  });
});
