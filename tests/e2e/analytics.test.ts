import fs from "node:fs";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { drawAllCharts, openDataTable, runBrowserTests, seriousAxeViolations } from "../support/browser";
import { browserSuite } from "../support/browser-suite";
import { recordStatus } from "../support/factories";
import { parisDate } from "@shared/dates";

describe.runIf(runBrowserTests)("cohort analytics in a browser", () => {
  const suite = browserSuite({ timeoutMs: 10_000 });
  let page: Page;

  beforeAll(async () => {
    const { db } = suite.server;
    // A few reports, so that trajectories have points (EIG 1 starts on 2017-01-01).
    recordStatus(db, "afd-geodata", "production", 1, "2017-04-10");
    recordStatus(db, "afd-geodata", "production", 3, "2018-02-01");
    recordStatus(db, "bnf-catalogage", "production", 2, "2017-09-15");
    recordStatus(db, "archifiltre", "production", 2, "2018-11-01");
    page = await suite.signedInPage("evaluator");
  });

  async function download(button: ReturnType<Page["getByRole"]>): Promise<Buffer> {
    const [file] = await Promise.all([page.waitForEvent("download"), button.click()]);
    return fs.readFileSync((await file.path())!);
  }

  it("shows at least four charts, each with PNG, SVG and CSV exports and a data table", async () => {
    // Every promotion: without a choice the dashboard shows EIG 1–3 (tests/e2e/headline.test.ts).
    await page.goto(`${suite.baseUrl}/?promotion=all`);
    await page.getByRole("figure", { name: "Résultats par promotion" }).locator("svg.recharts-surface").waitFor();
    await drawAllCharts(page);
    await expect.poll(() => page.locator("figure svg.recharts-surface").count()).toBeGreaterThanOrEqual(4);
    const figures = page.locator("figure");
    const count = await figures.count();
    expect(count).toBeGreaterThanOrEqual(4);
    for (let i = 0; i < count; i += 1) {
      const figure = figures.nth(i);
      for (const format of ["PNG", "SVG", "CSV"]) expect(await figure.getByRole("button", { name: new RegExp(`^${format}`) }).count()).toBe(1);
      expect(await (await openDataTable(figure)).locator("tbody tr").count()).toBeGreaterThan(0);
      expect(await figure.locator("figcaption").textContent()).toMatch(/Source : .*révision \d+.*Filtres : aucun.*71 défis/s);
    }
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it("draws the trajectories with a marker at the programme's end", async () => {
    const figure = page.getByRole("figure", { name: /Trajectoires des promotions/ });
    await expect.poll(() => figure.locator(".recharts-line").count()).toBe(5);
    await expect.poll(() => figure.locator(".recharts-reference-line").count()).toBe(1);
    await expect.poll(() => figure.locator("svg.recharts-surface").first().textContent()).toContain("Fin du programme");
    const rows = await (await openDataTable(figure)).locator("tbody tr").allTextContents();
    expect(rows.some((row) => row.startsWith("EIG 1, mois 3"))).toBe(true);
  });

  it("downloads a real PNG at twice the size, an SVG and a CSV of the chart's data", async () => {
    const figure = page.getByRole("figure", { name: "Résultats par promotion" });
    const png = await download(figure.getByRole("button", { name: /^PNG/ }));
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const width = png.readUInt32BE(16);
    const areaWidth = await figure.locator(".chart-export-area").evaluate((node) => node.getBoundingClientRect().width);
    expect(width).toBeGreaterThanOrEqual(Math.floor(areaWidth * 2) - 2);

    const svg = (await download(figure.getByRole("button", { name: /^SVG/ }))).toString("utf8");
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain("Résultats par promotion");
    expect(svg).toContain("Livrables maintenus");
    expect(svg).toMatch(/Source : Suivi de pérennisation des défis EIG/);

    const csv = (await download(figure.getByRole("button", { name: /^CSV/ }))).toString("utf8");
    expect(csv.startsWith("\uFEFFPromotion,Défis,Livrables maintenus")).toBe(true);
    expect(csv).toContain("EIG 2,13,2,2,1,1,0,0,7");
    // The caption goes with the figures: in a last column, on every row.
    const [header, ...rows] = csv.trim().split("\r\n");
    expect(header.endsWith(",Légende du graphique")).toBe(true);
    for (const row of rows) expect(row).toMatch(/Source : Suivi de pérennisation des défis EIG.*Données : toutes \(déclarées et validées\)\."?$/);
    expect(suite.problems(page)).toEqual([]);
  });

  it("names each chart export after the chart and the view, so that no download overwrites another", async () => {
    const fileName = async (figureName: string | RegExp, format: string) => {
      const [file] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("figure", { name: figureName }).getByRole("button", { name: new RegExp(`^${format}`) }).click(),
      ]);
      return file.suggestedFilename();
    };
    const day = parisDate();
    const outcomes = await fileName("Résultats par promotion", "PNG");
    const trajectories = await fileName(/Trajectoires des promotions/, "PNG");
    expect(outcomes).toBe(`eig-resultats-par-promotion_toutes-promotions_toutes-donnees_${day}.png`);
    expect(trajectories).toMatch(new RegExp(`^eig-trajectoires-des-promotions[a-z0-9-]*_toutes-promotions_toutes-donnees_${day}\\.png$`));
    expect(await fileName("Résultats par promotion", "CSV")).toBe(`eig-resultats-par-promotion_toutes-promotions_toutes-donnees_${day}.csv`);

    // Another view of the same chart: another name.
    await page.goto(`${suite.baseUrl}/?promotion=2&data=validated`);
    await page.getByRole("figure", { name: "Résultats par promotion" }).locator("svg.recharts-surface").waitFor();
    expect(await fileName("Résultats par promotion", "PNG")).toBe(`eig-resultats-par-promotion_eig2_validees_${day}.png`);

    // The dataset links keep the view and are all different.
    const hrefs = await page.getByRole("region", { name: "Télécharger les données" }).getByRole("link").evaluateAll((links) => links.map((link) => link.getAttribute("href")));
    expect(new Set(hrefs).size).toBe(5);
    for (const href of hrefs) expect(href).toMatch(/promotion=2.*data=validated|data=validated.*promotion=2/);
    await page.goto(`${suite.baseUrl}/`);
  });

  it("filters change the charts and the URL, which reopens the same view", async () => {
    // Promotions are checkboxes (the DSFR box covers the input: a person clicks the label).
    await page.goto(`${suite.baseUrl}/?promotion=1`);
    const promotion = (label: string) => page.locator(".headline-promotions label", { hasText: new RegExp(`^${label}$`) });
    await promotion("EIG 2").click();
    await expect.poll(() => new URL(page.url()).searchParams.get("promotion")).toBe("1,2");
    await promotion("EIG 1").click();
    await expect.poll(() => new URL(page.url()).searchParams.get("promotion")).toBe("2");
    const ticks = page.getByRole("figure", { name: "Résultats par promotion" }).locator(".recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value");
    await expect.poll(() => ticks.allTextContents()).toEqual(["EIG 2"]);
    await page.getByLabel("Compétence").selectOption("design");
    await expect.poll(() => new URL(page.url()).searchParams.get("skill")).toBe("design");
    const caption = page.getByRole("figure", { name: "Résultats par promotion" }).locator("figcaption");
    await expect.poll(() => caption.textContent()).toMatch(/promotion EIG 2 ; compétence Design/);

    await page.goto(page.url());
    await expect.poll(() => ticks.allTextContents()).toEqual(["EIG 2"]);
    await expect.poll(() => page.getByLabel("Compétence").inputValue()).toBe("design");
  });

  it("prints a report with every chart and its table open", async () => {
    await page.goto(`${suite.baseUrl}/rapport`);
    await page.getByRole("heading", { level: 1, name: "Rapport sur la pérennisation des défis EIG" }).waitFor();
    await expect.poll(() => page.locator("figure svg.recharts-surface").count()).toBeGreaterThanOrEqual(4);
    const tables = page.locator("figure table");
    // Charts arrive one by one: compare both counts in each poll, once every chart is there.
    await expect
      .poll(async () => {
        const all = await tables.count();
        const visible = await tables.evaluateAll((list) => list.filter((t) => (t as HTMLElement).offsetParent !== null).length);
        return all >= 8 && visible === all;
      })
      .toBe(true);
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".fr-header").isVisible()).toBe(false);
    await page.emulateMedia({ media: "screen" });
  });
});
