// "Télécharger le rapport (PDF)": /rapport printed by the server's own Chromium with the
// caller's session (docs/decisions/0009-reports-that-leave-the-building.md).
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readConfig } from "../../server/src/config";
import { runBrowserTests } from "../support/browser";
import { SessionClient, signedInClient } from "../support/session-client";
import { startTestServer, type TestServer } from "../support/test-server";

async function pdfOf(server: TestServer, client: SessionClient | undefined, query = "") {
  const response = await fetch(`${server.baseUrl}/api/export/report.pdf${query}`, { headers: client?.cookie ? { Cookie: client.cookie } : {} });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

describe("who may download the report as PDF", () => {
  let server: TestServer;
  beforeAll(async () => {
    // No browser needed to be refused; without one, the route says so.
    server = await startTestServer({ config: { chromiumPath: "/nonexistent/chromium" } });
  });
  afterAll(() => server.close());

  it("asks for a session, refuses mentors, and checks the query", async () => {
    expect((await pdfOf(server, undefined)).status).toBe(401);
    const mentor = (await signedInClient(server.baseUrl, server.db, "mentor")).client;
    expect((await pdfOf(server, mentor)).status).toBe(403);
    const evaluator = (await signedInClient(server.baseUrl, server.db, "evaluator")).client;
    const bad = await evaluator.get("/api/export/report.pdf?orientation=sideways");
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe("query.orientation");
    expect((await evaluator.get("/api/export/report.pdf?snapshot=999")).status).toBe(404);
  });

  it("says plainly, in problem+json, when the server has no Chromium to print with", async () => {
    const evaluator = (await signedInClient(server.baseUrl, server.db, "evaluator")).client;
    const answer = await evaluator.get("/api/export/report.pdf");
    expect(answer.status).toBe(503);
    expect(answer.headers.get("content-type")).toContain("application/problem+json");
    expect(answer.body.detail).toContain("Chromium absent");
  });
});

describe.runIf(runBrowserTests)("the report as PDF, printed by the server", () => {
  let server: TestServer;
  beforeAll(async () => {
    if (!fs.existsSync(`${readConfig().clientDist}/index.html`)) {
      throw new Error("Client not built: run `npm run build` (npm test does it) before this test.");
    }
    server = await startTestServer({ withClient: true });
  });
  afterAll(() => server.close());

  it("gives an evaluator the A4 PDF of /rapport, named after its promotion, data view and date", async () => {
    const evaluator = (await signedInClient(server.baseUrl, server.db, "evaluator")).client;
    const answer = await pdfOf(server, evaluator, "?promotion=2&data=validated");
    expect(answer.status, answer.bytes.toString().slice(0, 300)).toBe(200);
    expect(answer.headers.get("content-type")).toBe("application/pdf");
    expect(answer.bytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect(answer.headers.get("content-disposition")).toMatch(/^attachment; filename="rapport-eig-promotion-2-donnees-validees-\d{4}-\d{2}-\d{2}\.pdf"$/);
    const pdf = answer.bytes.toString("latin1");
    // A4 portrait, several pages (a cover, then the sections).
    expect(pdf).toMatch(/\/MediaBox \[0 0 59[45]\.\d+ 84[12]\.\d+\]/);
    expect(pdf.match(/\/Type\s*\/Page(?![s\w])/g)!.length).toBeGreaterThan(3);

    const landscape = await pdfOf(server, evaluator, "?orientation=landscape&lang=en");
    expect(landscape.status).toBe(200);
    expect(landscape.headers.get("content-disposition")).toMatch(/toutes-promotions-toutes-donnees-\d{4}-\d{2}-\d{2}-paysage\.pdf"$/);
    expect(landscape.bytes.toString("latin1")).toMatch(/\/MediaBox \[0 0 84[12]\.\d+ 59[45]\.\d+\]/);
  }, 90_000);

  it("prints one report at a time per session: a second click while the first prints is told to wait", async () => {
    const evaluator = (await signedInClient(server.baseUrl, server.db, "evaluator")).client;
    const [first, second] = await Promise.all([pdfOf(server, evaluator), pdfOf(server, evaluator)]);
    expect([first.status, second.status].sort()).toEqual([200, 429]);
  }, 90_000);
});
