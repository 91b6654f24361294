import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { runBrowserTests } from "../support/browser";
import { browserSuite } from "../support/browser-suite";


/** A4 less the report's 15 mm margins, in CSS pixels (96 per inch): what a line may fill on paper. */
const MM = 96 / 25.4;
const PRINTABLE = { portrait: Math.floor((210 - 30) * MM), landscape: Math.floor((297 - 30) * MM) };

/** Pages of a PDF as Chromium writes it (one "/Type /Page" object per page, uncompressed). */
function pdfPageCount(pdf: Buffer): number {
  return pdf.toString("latin1").match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
}

/** The page sizes of a PDF, in points: A4 portrait is 595 × 842. */
function mediaBoxes(pdf: Buffer): Set<string> {
  return new Set([...pdf.toString("latin1").matchAll(/\/MediaBox (\[[^\]]*\])/g)].map((match) => match[1]));
}

/** Whatever is wider than the printable width, as laid out for print: "tag.class (right edge)". */
async function overflowingElements(page: Page, width: number): Promise<string[]> {
  return page.evaluate((limit) => {
    const describe = (element: Element) => `${element.tagName.toLowerCase()}.${[...element.classList].slice(0, 2).join(".")}`;
    const found: string[] = [];
    for (const element of document.querySelectorAll("main *")) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      // Hidden in print: what is not laid out does not print.
      if (getComputedStyle(element).display === "none" || element.closest("[hidden]")) continue;
      if (box.right > limit + 1) found.push(`${describe(element)} (right ${Math.round(box.right)})`);
    }
    for (const element of document.querySelectorAll("main table, main figure, main .fr-table__content, main .recharts-wrapper")) {
      if (element.scrollWidth > element.clientWidth + 1) found.push(`${describe(element)} (scrolls: ${element.scrollWidth} > ${element.clientWidth})`);
    }
    return found;
  }, width);
}

describe.runIf(runBrowserTests)("the printed report", () => {
  const suite = browserSuite({ timeoutMs: 15_000 });
  let page: Page;

  beforeAll(async () => {
    page = await suite.signedInPage("evaluator");
  }, 60_000);

  async function openReport(search: string) {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.emulateMedia({ media: null });
    await page.goto(`${suite.baseUrl}/rapport${search}`);
    await page.locator("[data-report-ready='true']").waitFor({ state: "attached" });
  }

  it("prints on A4 portrait with nothing wider than the page, a cover, and a reasonable page count", async () => {
    await openReport("");
    // Printed from the browser's own dialog: the layout as it is when "Imprimer" is pressed.
    const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true, printBackground: true });
    const pages = pdfPageCount(pdf);
    console.info(`Rapport A4 portrait : ${pages} pages`);
    expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
    expect(mediaBoxes(pdf)).toEqual(new Set(["[0 0 594.95996 841.91998]"]));
    expect(pages).toBeGreaterThanOrEqual(6);
    // 18 pages for the 37 challenges of EIG 1–3 (the default selection), the matrix taking a row per challenge.
    expect(pages).toBeLessThanOrEqual(20);

    // The DOM as laid out for print, in a window as wide as the printable area of the page.
    await page.emulateMedia({ media: "print" });
    await page.setViewportSize({ width: PRINTABLE.portrait, height: 1100 });
    expect(await overflowingElements(page, PRINTABLE.portrait)).toEqual([]);
    // What does not print: navigation, buttons, selectors.
    for (const hidden of ["header.fr-header", "main button", "main select"]) {
      const shown = await page.locator(hidden).evaluateAll((elements) => elements.filter((e) => getComputedStyle(e).display !== "none" && e.getClientRects().length > 0).length);
      expect(shown, hidden).toBe(0);
    }
    expect(suite.problems(page)).toEqual([]);
  });

  it("has a cover with the title, filters, data view, date or snapshot, and n", async () => {
    await openReport("?promotion=2&data=validated");
    const cover = page.locator(".report__cover");
    await expect.poll(() => cover.getByRole("heading", { level: 1 }).textContent()).toBe("Rapport sur la pérennisation des défis EIG");
    const text = await cover.textContent();
    expect(text).toContain("promotion EIG 2");
    expect(text).toContain("Données : validées uniquement");
    expect(text).toMatch(/Établi le \d{1,2} \S+ \d{4}/);
    expect(text).toMatch(/révision \d+/);
    expect(text).toContain("13 défis");
  });

  it("offers landscape: the page turns, and still nothing is wider than it", async () => {
    await openReport("");
    await page.getByText("Paysage", { exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("orientation")).toBe("landscape");
    await page.locator(".report--landscape [data-report-ready='true']").waitFor({ state: "attached" });
    const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true, printBackground: true });
    console.info(`Rapport A4 paysage : ${pdfPageCount(pdf)} pages`);
    expect(mediaBoxes(pdf)).toEqual(new Set(["[0 0 841.91998 594.95996]"]));
    await page.emulateMedia({ media: "print" });
    await page.setViewportSize({ width: PRINTABLE.landscape, height: 800 });
    expect(await overflowingElements(page, PRINTABLE.landscape)).toEqual([]);
  });
});
