import fs from "node:fs";
import type { Locator, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { runBrowserTests } from "../support/browser";
import { browserSuite } from "../support/browser-suite";

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
const intersects = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The boxes of the y axis title and of each y tick label of the chart's SVG under `root`. */
async function yAxisBoxes(root: Locator): Promise<{ title: Box | null; ticks: { text: string; box: Box }[] }> {
  return root.evaluate((element) => {
    const rect = (node: Element) => {
      const { x, y, width, height } = node.getBoundingClientRect();
      return { x, y, width, height };
    };
    // Recharts draws the labels in a layer of their own, apart from the axis lines.
    const title = element.querySelector(".recharts-surface .recharts-label");
    const ticks = [...element.querySelectorAll(".recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value")].map((tick) => ({
      text: (tick.textContent ?? "").replace(/\s/g, " "),
      box: rect(tick),
    }));
    return { title: title ? rect(title) : null, ticks };
  });
}

describe.runIf(runBrowserTests)("the y axis title of a chart in “share of the promotion” mode", () => {
  const suite = browserSuite();
  let page: Page;

  beforeAll(async () => {
    page = await suite.signedInPage("evaluator");
  });

  it("overlaps no tick label, on screen and in the exported SVG (the PNG is drawn from the same on-screen node)", async () => {
    await page.goto(`${suite.baseUrl}/?promotion=all`);
    const outcomes = page.getByRole("figure", { name: "Résultats par promotion" });
    await outcomes.locator("svg.recharts-surface").first().waitFor();
    await page.getByText("Part de la promotion", { exact: true }).click();
    const ticks = outcomes.locator(".recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value");
    await expect.poll(async () => (await ticks.allTextContents()).map((text) => text.replace(/\s/g, " "))).toContain("50 %");

    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await expect.poll(async () => (await ticks.allTextContents()).map((text) => text.replace(/\s/g, " "))).toContain("50 %");
      const screen = await yAxisBoxes(outcomes);
      expect(screen.title, "axis title drawn").not.toBeNull();
      expect(screen.ticks.filter(({ box }) => intersects(box, screen.title!)).map(({ text }) => `${width}px: ${text}`)).toEqual([]);
    }

    // The SVG export: put the downloaded file in the page and measure it the same way.
    await page.setViewportSize({ width: 1280, height: 900 });
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      outcomes.getByRole("button", { name: /^SVG/ }).click(),
    ]);
    const markup = fs.readFileSync((await download.path())!, "utf8");
    await page.evaluate((svg) => {
      const holder = document.createElement("div");
      holder.id = "exported-svg";
      holder.innerHTML = svg;
      document.body.prepend(holder);
    }, markup);
    const exported = await yAxisBoxes(page.locator("#exported-svg"));
    expect(exported.ticks.map(({ text }) => text)).toContain("50 %");
    expect(exported.title).not.toBeNull();
    expect(exported.ticks.filter(({ box }) => intersects(box, exported.title!)).map(({ text }) => text)).toEqual([]);
  });
});
