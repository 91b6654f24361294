import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { recordStatus } from "../support/factories";
import { runBrowserTests, seriousAxeViolations } from "../support/browser";
import { browserSuite } from "../support/browser-suite";

const pageScrollsSideways = (page: Page) =>
  page.evaluate(() => document.scrollingElement!.scrollWidth > document.scrollingElement!.clientWidth);

describe.runIf(runBrowserTests)("the challenge list in a browser", () => {
  const suite = browserSuite();
  let page: Page;

  beforeAll(async () => {
    recordStatus(suite.db, "afd-geodata", "production", 3, "2024-03-01");
    recordStatus(suite.db, "bnf-catalogage", "production", 1, "2024-03-01");
    page = await suite.signedInPage("admin");
  });

  it("fits 1280 px with the levels visible, sorts by a column header kept in the URL, and stays usable at 390 px", async () => {
    await page.goto(`${suite.baseUrl}/defis?promotion=1`);
    await page.getByRole("heading", { level: 1, name: "Défis" }).waitFor();
    await expect.poll(() => page.locator("tbody tr").count()).toBe(9);
    expect(await pageScrollsSideways(page)).toBe(false);
    for (const axis of ["Mise en production", "Transmission", "Fiabilisation"]) {
      const header = page.getByRole("columnheader", { name: axis });
      const box = (await header.boundingBox())!;
      expect(box.x + box.width, axis).toBeLessThanOrEqual(1280);
      expect(await header.getAttribute("aria-sort")).toBe("none");
    }
    // The table itself does not scroll sideways either: every column is in view.
    expect(await page.locator(".fr-table__container").evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);

    const production = page.getByRole("columnheader", { name: "Mise en production" });
    await production.getByRole("button").click();
    await expect.poll(() => production.getAttribute("aria-sort")).toBe("ascending");
    await expect.poll(() => new URL(page.url()).searchParams.get("sort")).toBe("production");
    await expect.poll(() => page.locator("tbody tr th a").first().textContent()).toBe("BNF - catalogage");
    await production.getByRole("button").click();
    await expect.poll(() => production.getAttribute("aria-sort")).toBe("descending");
    await expect.poll(() => page.locator("tbody tr th a").first().textContent()).toBe("AFD - Geodata");
    expect(await seriousAxeViolations(page)).toEqual([]);

    // A filter by level, from the URL too.
    await page.getByLabel("Mise en production", { exact: true }).selectOption({ label: "3 · Pérennisé" });
    await expect.poll(() => page.locator("tbody tr").count()).toBe(1);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${suite.baseUrl}/defis`);
    await expect.poll(() => page.locator("tbody tr").count()).toBeGreaterThan(9);
    expect(await pageScrollsSideways(page)).toBe(false);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it("the challenge picker shows the promotion beside each name", async () => {
    await page.goto(`${suite.baseUrl}/admin/campagnes`);
    const form = page.getByRole("form", { name: "Ouvrir une campagne" });
    const options = form.getByLabel("Défi à ajouter").locator("option");
    await expect.poll(async () => (await options.allTextContents()).filter((option) => option.startsWith("EIG Link")).sort()).toEqual(["EIG Link (EIG 2)", "EIG Link (EIG 3)", "EIG Link (EIG 4)"]);
  });
});
