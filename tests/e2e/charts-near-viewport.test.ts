// The dashboard draws a chart when its figure comes within about a screen of the viewport: the
// page loads without drawing eight charts at once. What is not drawn yet keeps its title,
// caption, n and data table; scrolling, focus, an export, printing or the report draw it.
import fs from "node:fs";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { openDataTable, runBrowserTests } from "../support/browser";
import { browserSuite } from "../support/browser-suite";

const CHART = ".recharts-wrapper > svg.recharts-surface";

describe.runIf(runBrowserTests)("charts drawn as they come near the viewport", () => {
  const suite = browserSuite({ timeoutMs: 10_000 });
  let page: Page;

  beforeAll(async () => {
    page = await suite.signedInPage("evaluator");
  });

  const figure = (name: string) => page.getByRole("figure", { name, exact: true });
  const peopleKept = () => figure("Personnes gardées sur les livrables après le programme");
  const actions = () => figure("Actions de pérennisation par nature et par état");

  it("draws the first charts at once, and keeps the ones far below as titled placeholders of their size", async () => {
    await page.goto(`${suite.baseUrl}/?promotion=all`);
    await figure("Résultats par promotion").locator(CHART).waitFor();
    // Every figure is in the page, with its title, coverage (n), caption and data table...
    await peopleKept().getByRole("heading", { name: "Personnes gardées sur les livrables après le programme", exact: true }).waitFor();
    for (const far of [peopleKept(), actions()]) {
      expect(await far.locator(".chart-coverage").textContent()).toMatch(/\d/);
      expect(await far.locator("figcaption").textContent()).toMatch(/Source : .*71 défis/s);
      expect(await far.getByRole("button", { name: /^Tableau des données/ }).count()).toBe(1);
    }
    // ...but the charts far below are not drawn yet, and each keeps the place of its chart.
    expect(await page.locator("figure").count()).toBe(8);
    expect(await peopleKept().locator(CHART).count()).toBe(0);
    expect(await actions().locator(CHART).count()).toBe(0);
    expect(await peopleKept().locator(".chart-placeholder").evaluate((element) => element.getBoundingClientRect().height)).toBe(260);
    expect(await page.locator(`figure ${CHART}`).count()).toBeLessThan(8);
  });

  it("draws a chart once it is scrolled near, without moving what is around it", async () => {
    const before = await peopleKept().getByRole("heading").first().evaluate((element) => element.getBoundingClientRect().top + window.scrollY);
    await peopleKept().scrollIntoViewIfNeeded();
    await peopleKept().locator(CHART).waitFor();
    await actions().locator(CHART).waitFor();
    expect(await peopleKept().getByRole("heading").first().evaluate((element) => element.getBoundingClientRect().top + window.scrollY)).toBe(before);
    expect(await (await openDataTable(peopleKept())).locator("tbody tr").count()).toBeGreaterThan(0);
  });

  it("draws a chart before exporting it, even when it was not drawn yet", async () => {
    await page.goto(`${suite.baseUrl}/?promotion=all`);
    await figure("Résultats par promotion").locator(CHART).waitFor();
    await peopleKept().getByRole("heading").first().waitFor();
    expect(await peopleKept().locator(CHART).count()).toBe(0);
    // A click that neither scrolls nor focuses: the export itself draws the chart.
    const [file] = await Promise.all([page.waitForEvent("download"), peopleKept().getByRole("button", { name: /^SVG/ }).dispatchEvent("click")]);
    const svg = fs.readFileSync((await file.path())!, "utf8");
    expect(svg).toContain("recharts-cartesian-axis");
    expect(await peopleKept().locator(CHART).count()).toBe(1);
  });

  it("draws a chart when focus enters its figure", async () => {
    await page.goto(`${suite.baseUrl}/?promotion=all`);
    await figure("Résultats par promotion").locator(CHART).waitFor();
    await actions().getByRole("heading").first().waitFor();
    expect(await actions().locator(CHART).count()).toBe(0);
    // Focus without scrolling: what a keyboard user tabbing in finds is drawn.
    await actions().getByRole("button", { name: /^PNG/ }).evaluate((button: HTMLElement) => button.focus({ preventScroll: true }));
    await actions().locator(CHART).waitFor();
  });

  it("draws every chart before the browser prints the page", async () => {
    await page.goto(`${suite.baseUrl}/?promotion=all`);
    await figure("Résultats par promotion").locator(CHART).waitFor();
    await peopleKept().getByRole("heading").first().waitFor();
    await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
    await expect.poll(() => page.locator(`figure ${CHART}`).count()).toBe(8);
  });

  it("draws every chart of the printable report without scrolling", async () => {
    await page.goto(`${suite.baseUrl}/rapport?promotion=all`);
    await page.locator("[data-report-ready=true]").waitFor();
    expect(await page.locator("figure").count()).toBe(8);
    await expect.poll(() => page.locator(`figure ${CHART}`).count()).toBe(8);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expect(suite.problems(page)).toEqual([]);
  });
});
