// What the exports let out (docs/decisions/0008-sign-in-hardening.md): challenge-level data
// for evaluators, without the free text that names people (allies, action owners), kept for
// the programme team; and no text cell a spreadsheet would run as a formula, XLSX included.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SessionClient, signedInClient } from "../support/session-client";
import { startTestServer, type TestServer } from "../support/test-server";

const ALLY = "Dominique Témoin-Allié";
const OWNER = "Claude Témoin-Porteur";
const ALLY_ROLE = "Directrice des systèmes d'information";
const FORMULA = '=HYPERLINK("http://evil.example","cliquez")';

let server: TestServer;
let admin: SessionClient;
let evaluator: SessionClient;

beforeAll(async () => {
  server = await startTestServer();
  admin = (await signedInClient(server.baseUrl, server.db, "admin")).client;
  evaluator = (await signedInClient(server.baseUrl, server.db, "evaluator")).client;
  const slug = "archifiltre";
  const writes = [
    await admin.post(`/api/challenges/${slug}/allies`, { name: ALLY, kind: "dsi", role: ALLY_ROLE }),
    await admin.post(`/api/challenges/${slug}/actions`, { kind: "coordination", title: "Comité de passation", owner: OWNER }),
    await admin.post(`/api/challenges/${slug}/status-updates`, { axis: "production", level: 2, note: FORMULA }),
    await admin.post(`/api/challenges/${slug}/resources`, {
      peopleKept: 1,
      arrangement: null,
      timeShare: null,
      budgetSecured: false,
      note: "+33 1 23 45 67 89",
    }),
  ];
  for (const answer of writes) expect(answer.status, JSON.stringify(answer.body)).toBe(201);
});
afterAll(() => server.close());

async function workbook(client: SessionClient, query = "") {
  const response = await fetch(`${server.baseUrl}/api/export/dataset.xlsx${query}`, { headers: { Cookie: client.cookie! } });
  expect(response.status).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await response.arrayBuffer());
  return book;
}

/** Every cell value of the workbook, as read back by a spreadsheet library. */
const cellsOf = (book: ExcelJS.Workbook) => book.worksheets.flatMap((sheet) => sheet.getSheetValues().flat().filter((value) => value != null));

describe("evaluators' exports", () => {
  it("dataset.json has the allies and actions, without allies' names or action owners", async () => {
    const answer = await evaluator.get("/api/export/dataset.json");
    expect(answer.status).toBe(200);
    const serialised = JSON.stringify(answer.body);
    expect(serialised).not.toContain(ALLY);
    expect(serialised).not.toContain(OWNER);
    const ally = answer.body.allies.find((row: { role: string | null }) => row.role === ALLY_ROLE);
    expect(ally).toMatchObject({ challenge: "archifiltre", kind: "dsi" });
    expect(ally).not.toHaveProperty("name");
    const action = answer.body.actions.find((row: { title: string }) => row.title === "Comité de passation");
    expect(action).toMatchObject({ challenge: "archifiltre", kind: "coordination" });
    expect(action).not.toHaveProperty("owner");
  });

  it("dataset.xlsx has no ally name nor action owner, and says so in its description", async () => {
    const book = await workbook(evaluator);
    const cells = cellsOf(book);
    expect(cells).not.toContain(ALLY);
    expect(cells).not.toContain(OWNER);
    expect(cells).toContain(ALLY_ROLE);
    expect(book.getWorksheet("Alliés")!.getRow(1).values).not.toContain("nom");
    expect(book.getWorksheet("Actions")!.getRow(1).values).not.toContain("porteur");
    expect(book.description).toContain("ni noms des alliés, ni porteurs des actions");
    expect((await workbook(evaluator, "?lang=en")).description).toContain("no allies' names, no action owners");
  });

  it("as of a snapshot, the JSON citation does not name who took it (the programme team's does)", async () => {
    const taken = await admin.post("/api/snapshots", { name: "Bilan pour l'évaluation" });
    expect(taken.status, JSON.stringify(taken.body)).toBe(201);
    const path = `/api/export/dataset.json?snapshot=${taken.body.id}`;
    const evaluators = (await evaluator.get(path)).body.snapshot;
    expect(evaluators).toMatchObject({ name: "Bilan pour l'évaluation" });
    expect(evaluators).not.toHaveProperty("takenBy");
    expect((await admin.get(path)).body.snapshot.takenBy).toMatch(/^Admin \d+$/);
  });

  it("the CSV exports name nobody either", async () => {
    for (const path of ["/api/export/challenges.csv", "/api/export/status-history.csv"]) {
      const text = (await evaluator.get(path)).body as string;
      expect(text, path).not.toContain(ALLY);
      expect(text, path).not.toContain(OWNER);
    }
  });
});

describe("the programme team's exports", () => {
  it("keep allies' names and action owners, in JSON and XLSX", async () => {
    const answer = await admin.get("/api/export/dataset.json");
    expect(answer.body.allies).toContainEqual(expect.objectContaining({ name: ALLY, role: ALLY_ROLE }));
    expect(answer.body.actions).toContainEqual(expect.objectContaining({ owner: OWNER }));
    const book = await workbook(admin);
    expect(cellsOf(book)).toEqual(expect.arrayContaining([ALLY, OWNER]));
    expect(book.description).toContain("noms des alliés et porteurs des actions compris");
  });
});

describe("XLSX cells a spreadsheet would run", () => {
  it("are neutralised as in the CSV: a leading apostrophe, numbers left as numbers", async () => {
    for (const client of [evaluator, admin]) {
      const cells = cellsOf(await workbook(client));
      expect(cells).toContain(`'${FORMULA}`);
      expect(cells).toContain("'+33 1 23 45 67 89");
      expect(cells.filter((value) => typeof value === "string" && /^[=+\-@\t\r]/.test(value))).toEqual([]);
      // Levels stay numbers (a number is never a formula).
      const history = (await workbook(client)).getWorksheet("Historique des statuts")!;
      const levelColumn = (history.getRow(1).values as unknown[]).indexOf("niveau (code)");
      expect(typeof history.getRow(2).getCell(levelColumn).value).toBe("number");
    }
  });
});

describe("the API documentation", () => {
  it("says who gets people's names in the dataset exports", async () => {
    const document = (await evaluator.get("/api/openapi.json")).body;
    for (const path of ["/api/export/dataset.xlsx", "/api/export/dataset.json"]) {
      expect(document.paths[path].get.summary, path).toContain("Noms des alliés et porteurs des actions pour l'équipe du programme seulement");
    }
  });
});
