// The dashboard's headline in a browser, on the hand-worked scenario of tests/api/headline.test.ts.
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { runBrowserTests, seriousAxeViolations } from "../support/browser";
import { browserSuite } from "../support/browser-suite";
import { signedInClient } from "../support/session-client";

const SHOTS = process.env.HEADLINE_SCREENSHOTS; // a folder: the test also shoots the first screen there

describe.runIf(runBrowserTests)("the dashboard's headline", () => {
  const suite = browserSuite();
  let page: Page;

  beforeAll(async () => {
    const admin = (await signedInClient(suite.baseUrl, suite.db, "admin")).client;
    const report = async (slug: string, axis: string, level: number) =>
      expect((await admin.post(`/api/challenges/${slug}/status-updates`, { axis, level })).status).toBe(201);
    // As in tests/api/headline.test.ts. EIG 1 (9 challenges, 2 published outcomes):
    // afd-geodata production 2, transmission 3, reliability 1, one person kept; bnf-catalogage
    // production 1; mi-matchid production 3. EIG 2 (13 challenges, 6 published outcomes):
    // archifiltre transmission 2. All reported today.
    await report("afd-geodata", "production", 2);
    await report("afd-geodata", "transmission", 3);
    await report("afd-geodata", "reliability", 1);
    await admin.post("/api/challenges/afd-geodata/resources", { peopleKept: 1, arrangement: null, timeShare: null, budgetSecured: false });
    await report("bnf-catalogage", "production", 1);
    await report("mi-matchid", "production", 3);
    await report("archifiltre", "transmission", 2);

    page = await suite.signedInPage("evaluator");
  });

  const tile = (figure: string) => page.locator(`.headline-tile[data-figure="${figure}"]`);
  const value = async (figure: string) => (await tile(figure).locator(".headline-tile__value").textContent())!.replace(/\s/g, " ");
  const n = async (figure: string) => (await tile(figure).locator(".headline-tile__n").textContent())!.replace(/\s/g, " ");

  it("preselects EIG 1 to 3 when the address chooses no promotion, and says so", async () => {
    await page.goto(`${suite.baseUrl}/`);
    await tile("challenges").waitFor();
    await expect.poll(() => page.getByText("Sans choix de promotion, le tableau de bord montre EIG 1, EIG 2 et EIG 3").count()).toBe(1);
    for (const label of ["EIG 1", "EIG 2", "EIG 3"]) expect(await page.getByRole("checkbox", { name: label }).isChecked()).toBe(true);
    for (const label of ["DIG", "EIG 4"]) expect(await page.getByRole("checkbox", { name: label }).isChecked()).toBe(false);
    // 9 + 13 + 15 challenges.
    await expect.poll(() => value("challenges")).toBe("37");
    // Above the fold at 1280 × 900: every tile's bottom edge is on the first screen.
    const bottoms = await page.locator(".headline-tile").evaluateAll((tiles) => tiles.map((t) => t.getBoundingClientRect().bottom));
    expect(bottoms).toHaveLength(6);
    for (const bottom of bottoms) expect(bottom).toBeLessThanOrEqual(900);
    if (SHOTS) {
      await page.screenshot({ path: `${SHOTS}/dashboard-1280.png` });
      await page.locator("#section-risk").scrollIntoViewIfNeeded();
      await page.getByTestId("risk-gap").waitFor();
      await page.screenshot({ path: `${SHOTS}/dashboard-1280-risk.png` });
    }
  });

  it("reads the hand-worked figures once EIG 3 is unticked, and keeps the choice in the address", async () => {
    // The DSFR draws its own box over the input: a person clicks the label.
    await page.locator(".headline-promotions label", { hasText: /^EIG 3$/ }).click();
    await page.waitForURL((url) => url.searchParams.get("promotion") === "1,2");
    await expect.poll(() => value("challenges")).toBe("22");
    // 2 + 6 outcomes of 22: 36 %; production 2 of 22: 9 %; transmission 2: 9 %; reliability 0; reported today: 4.
    expect([await value("outcome"), await n("outcome")]).toEqual(["36 %", "8 sur 22 défis"]);
    expect([await value("production"), await n("production")]).toEqual(["9 %", "2 sur 22 défis"]);
    expect([await value("transmission"), await n("transmission")]).toEqual(["9 %", "2 sur 22 défis"]);
    expect([await value("reliability"), await n("reliability")]).toEqual(["0 %", "0 sur 22 défis"]);
    expect([await value("recent"), await n("recent")]).toEqual(["18 %", "4 sur 22 défis"]);
    await expect.poll(() => tile("recent").textContent()).toContain("12 jamais remonté");
    expect(await tile("production").textContent()).toContain("19 sans niveau renseigné");
    // Each tile leads to the chart behind it.
    expect(await tile("production").getByRole("link").getAttribute("href")).toBe("#levels-production");
    expect(await page.locator("#levels-production").count()).toBe(1);

    // The promotions side by side, as a table on demand.
    await page.getByText("Tableau", { exact: true }).click();
    const rows = page.locator(".headline-compare table tbody tr");
    await expect.poll(() => rows.count()).toBe(3);
    expect((await rows.nth(0).textContent())!.replace(/\s/g, " ")).toContain("EIG 19");
    expect((await rows.nth(0).textContent())!.replace(/\s/g, " ")).toContain("22 % (2 sur 9)");
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it("reads several promotions from repeated keys, and a one-promotion link as before", async () => {
    await page.goto(`${suite.baseUrl}/?promotion=1&promotion=2`);
    await expect.poll(() => value("challenges")).toBe("22");
    await page.goto(`${suite.baseUrl}/?promotion=1`);
    await expect.poll(() => value("challenges")).toBe("9");
    expect(await page.getByRole("checkbox", { name: "EIG 2" }).isChecked()).toBe(false);
    await page.goto(`${suite.baseUrl}/?promotion=all`);
    await expect.poll(() => value("challenges")).toBe("71");
    expect(suite.problems(page)).toEqual([]);
  });

  it("stacks the tiles on a phone, with nothing wider than the screen", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${suite.baseUrl}/`);
    await tile("recent").waitFor();
    const lefts = await page.locator(".headline-tile").evaluateAll((tiles) => tiles.map((t) => Math.round(t.getBoundingClientRect().left)));
    expect(new Set(lefts).size).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    if (SHOTS) {
      await page.screenshot({ path: `${SHOTS}/dashboard-390.png` });
      await page.locator(".headline-compare").scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/dashboard-390-compare.png` });
      await page.locator("#section-risk").scrollIntoViewIfNeeded();
      await page.getByTestId("risk-gap").waitFor();
      await page.screenshot({ path: `${SHOTS}/dashboard-390-risk.png` });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
