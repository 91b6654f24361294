// Citable snapshots in a browser (docs/decisions/0005-citable-snapshots.md): the programme team freezes the data, a mentor
// reports afterwards, and an evaluator still finds the old figure "as of" the snapshot, named
// in the caption and its exports, while the live dashboard shows the new one.
import fs from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { METHODOLOGY_VERSION } from "@shared/methodology";
import { runBrowserTests, seriousAxeViolations } from "../support/browser";
import { browserSuite } from "../support/browser-suite";
import { assignMentor } from "../support/factories";
import { createAccount, SessionClient } from "../support/session-client";

describe.runIf(runBrowserTests)("citable snapshots in a browser", () => {
  const suite = browserSuite({ timeoutMs: 10_000 });
  let slug: string;
  let notReportedAtCapture: number;

  /** The production chart says how many challenges have no production level: "n = 71 défis ; 70 non renseignés." */
  const productionCoverage = (page: Page, notReported: number) =>
    page
      .getByRole("figure", { name: "Niveaux : Mise en production" })
      .getByText(new RegExp(`^n = 71 défis ; ${notReported} non renseignés?\\.$`));

  const notReportedInProduction = () =>
    suite.db.get<{ n: number }>("SELECT count(*) AS n FROM challenges WHERE production_level IS NULL")!.n;

  it("an admin takes a snapshot on the « Instantanés » page, and deletes another after confirming", async () => {
    const admin = await createAccount(suite.db, "admin", { name: "Alice Admin" });
    const page = await suite.signedInPage(admin);
    const problems = suite.problems(page);
    await page.goto(`${suite.baseUrl}/admin`);
    await page.getByRole("link", { name: "Instantanés" }).click();
    await page.getByRole("heading", { level: 1, name: "Instantanés" }).waitFor();
    // The list arrives after the heading: wait for it to say it is empty.
    await page.getByText("Aucun instantané pour l'instant.").waitFor();

    notReportedAtCapture = notReportedInProduction();
    for (const name of ["Brouillon", "Rapport 2026"]) {
      await page.getByLabel("Nom").fill(name);
      await page.getByRole("button", { name: "Figer les données actuelles" }).click();
      await page.getByText(`Instantané « ${name} » pris.`).waitFor();
    }
    const table = page.getByRole("table", { name: "Instantanés, du plus récent au plus ancien" });
    expect(await table.getByRole("rowheader").allTextContents()).toEqual(["Rapport 2026", "Brouillon"]);
    expect(await table.getByText(`v${METHODOLOGY_VERSION}`).count()).toBe(2);

    await page.getByRole("button", { name: "Supprimer l'instantané « Brouillon »" }).click();
    await page.getByText("Supprimer définitivement « Brouillon » ?").waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Confirmer la suppression" }).click();
    await page.getByText("Instantané « Brouillon » supprimé (inscrit au journal d'audit).").waitFor();
    expect(await table.getByRole("rowheader").allTextContents()).toEqual(["Rapport 2026"]);
    expect(problems).toEqual([]);
  });

  it("a mentor's update after the snapshot moves the live figure, not the snapshot's, which the caption names", async () => {
    // A mentor reports a production level for a challenge that had none.
    slug = suite.db.get<{ slug: string }>("SELECT slug FROM challenges WHERE production_level IS NULL ORDER BY id LIMIT 1")!.slug;
    const mentor = await createAccount(suite.db, "mentor");
    assignMentor(suite.db, mentor.id, slug);
    const client = new SessionClient(suite.baseUrl);
    await client.login(mentor.email, mentor.password);
    expect((await client.post(`/api/challenges/${slug}/status-updates`, { axis: "production", level: 2, note: "Lancé officiellement" })).status).toBe(201);
    expect(notReportedInProduction()).toBe(notReportedAtCapture - 1);

    const evaluator = await createAccount(suite.db, "evaluator");
    const page = await suite.signedInPage(evaluator);
    const problems = suite.problems(page);
    // Every promotion, as the snapshot counts them (the dashboard alone shows EIG 1–3).
    await page.goto(`${suite.baseUrl}/?promotion=all`);
    await productionCoverage(page, notReportedAtCapture - 1).waitFor();

    // Choosing the snapshot: the URL keeps it, a notice says so, the old figure is back.
    const selector = page.getByLabel("Données affichées");
    await selector.locator("option", { hasText: "Rapport 2026" }).waitFor({ state: "attached" });
    await selector.selectOption((await selector.locator("option", { hasText: "Rapport 2026" }).getAttribute("value"))!);
    await page.waitForURL(/[?&]snapshot=\d+/);
    await page.getByText("Vous consultez l'instantané « Rapport 2026 »").waitFor();
    await productionCoverage(page, notReportedAtCapture).waitFor();
    const figure = page.getByRole("figure", { name: "Niveaux : Mise en production" });
    const citation = new RegExp(`Instantané « Rapport 2026 » du \\d{2}/\\d{2}/\\d{4}, méthodologie v${METHODOLOGY_VERSION.replace(".", "\\.")}`);
    await figure.getByText(citation).waitFor();

    // The chart's own export carries the same caption; the dataset links ask for the snapshot.
    const [file] = await Promise.all([page.waitForEvent("download"), figure.getByRole("button", { name: /^SVG/ }).click()]);
    const svg = fs.readFileSync((await file.path())!, "utf8");
    expect(svg).toMatch(citation);
    const snapshotId = new URL(page.url()).searchParams.get("snapshot");
    const hrefs = await page.getByRole("region", { name: "Télécharger les données" }).getByRole("link").evaluateAll((links) => links.map((link) => link.getAttribute("href")));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).toContain(`snapshot=${snapshotId}`);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The address reopens the same frozen view; the report says which snapshot it was drawn from.
    await page.reload();
    await productionCoverage(page, notReportedAtCapture).waitFor();
    await page.goto(`${suite.baseUrl}/rapport?snapshot=${snapshotId}`);
    await page.getByText(citation).first().waitFor();

    // Back to live data: the new figure, and the live caption.
    await page.goto(`${suite.baseUrl}/?promotion=all&snapshot=${snapshotId}`);
    await page.getByRole("button", { name: "Revenir aux données en direct" }).click();
    await productionCoverage(page, notReportedAtCapture - 1).waitFor();
    expect(new URL(page.url()).searchParams.get("snapshot")).toBeNull();
    expect(await page.getByText("Vous consultez l'instantané").count()).toBe(0);
    expect(await figure.getByText(/révision \d+/).count()).toBe(1);
    expect(problems).toEqual([]);
  });
});
