import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { drawAllCharts, openDataTable, runBrowserTests, seriousAxeViolations } from "../support/browser";
import { browserSuite } from "../support/browser-suite";

describe.runIf(runBrowserTests)("the dashboard in a browser", () => {
  const suite = browserSuite();
  let page: Page;

  beforeAll(async () => {
    page = await suite.signedInPage("evaluator");
  });

  async function expectNoSeriousAxeViolation() {
    expect(await seriousAxeViolations(page)).toEqual([]);
  }

  it("shows the cohorts' charts in French, with their data tables", async () => {
    // Every promotion: without a choice the dashboard shows EIG 1–3 (tests/e2e/headline.test.ts).
    await page.goto(`${suite.baseUrl}/?promotion=all`);
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("fr");
    await page.getByRole("heading", { level: 1, name: "Tableau de bord des promotions" }).waitFor();
    const outcomes = page.getByRole("figure", { name: "Résultats par promotion" });
    await outcomes.locator("svg.recharts-surface").first().waitFor();
    const ticks = outcomes.locator(".recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value");
    await expect.poll(() => ticks.allTextContents()).toEqual(["EIG 1", "EIG 2", "EIG 3", "DIG", "EIG 4"]);
    // Coloured bands (EIG 1 and EIG 2 outcomes) stack above the grey "no outcome" bars.
    await expect.poll(() => outcomes.locator(".recharts-bar-rectangle").count()).toBeGreaterThan(5);
    await drawAllCharts(page);

    // The transcription, drawn when its accordion opens.
    const table = await openDataTable(outcomes);
    await expect.poll(() => table.locator("tbody tr").count()).toBe(5);
    const eig2Row = await table.locator("tbody tr", { hasText: "EIG 2" }).locator("th, td").allTextContents();
    expect(eig2Row.slice(0, 3)).toEqual(["EIG 2", "13", "2"]);

    for (const axis of ["Mise en production", "Transmission", "Fiabilisation"]) {
      await expect.poll(() => page.getByRole("figure", { name: `Niveaux : ${axis}`, exact: true }).locator(".recharts-wrapper > svg.recharts-surface").count()).toBe(1);
    }
    await expect.poll(() => page.getByText("n = 71 défis ; 63 sans résultat renseigné").count()).toBe(1);
    await expectNoSeriousAxeViolation();
    // The Content-Security-Policy blocks nothing the pages need.
    expect(suite.problems(page)).toEqual([]);
  });

  it("lists the challenges, filtered by promotion and search kept in the URL", async () => {
    await page.goto(`${suite.baseUrl}/`);
    await page.getByRole("link", { name: "Défis", exact: true }).first().click();
    await page.getByRole("heading", { level: 1, name: "Défis" }).waitFor();
    await expect.poll(() => page.locator("tbody tr").count()).toBe(71);

    await page.getByLabel("Promotion").selectOption({ label: "EIG 2 (2018)" });
    await expect.poll(() => page.locator("tbody tr").count()).toBe(13);
    await page.getByLabel("Rechercher un défi").fill("ARCHIFILTRE");
    await expect.poll(() => page.locator("tbody tr").count()).toBe(1);
    await expect.poll(() => new URL(page.url()).search).toBe("?promotion=2&q=ARCHIFILTRE");

    // The URL is a permalink: opening it again gives the same list.
    await page.goto(page.url());
    await expect.poll(() => page.locator("tbody tr").count()).toBe(1);
    await expect.poll(() => page.getByLabel("Rechercher un défi").inputValue()).toBe("ARCHIFILTRE");
    await expectNoSeriousAxeViolation();

    await page.getByRole("link", { name: "Archifiltre" }).click();
    await page.waitForURL(`${suite.baseUrl}/defis/archifiltre`);
  });

  it("opens a challenge page with its axes, outcome and approximate dates", async () => {
    await page.goto(`${suite.baseUrl}/defis/archifiltre`);
    await page.getByRole("heading", { level: 1, name: "Archifiltre" }).waitFor();
    for (const axis of ["Mise en production", "Transmission", "Fiabilisation"]) {
      const card = page.getByRole("region", { name: axis });
      await expect.poll(() => card.textContent()).toContain("Non renseigné");
    }
    await expect.poll(() => page.getByText("Outil en production qui continue d'évoluer").count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByText("Dates approximatives").count()).toBe(1);
    expect(await page.title()).toBe("Archifiltre — Suivi de pérennisation des défis EIG");
    await expectNoSeriousAxeViolation();
  });

  it("says so plainly when a challenge does not exist", async () => {
    await page.goto(`${suite.baseUrl}/defis/nexiste-pas`);
    await page.getByRole("heading", { level: 1, name: "Défi introuvable" }).waitFor();
  });
});
