// What a signed-in browser fetches and reports on the three pages people open most: the
// challenge list and a challenge's page do not load the chart library (they draw no chart),
// the dashboard does, beside its first screen; no page trips the Content-Security-Policy,
// not even in a probe that the page catches (the browser reports those too).
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { runBrowserTests } from "../support/browser";
import { browserSuite } from "../support/browser-suite";
import { createAccount } from "../support/session-client";

// A string that only the chart library's code holds (the class of every chart's <svg>).
const RECHARTS = "recharts-surface";

describe.runIf(runBrowserTests)("page weight and CSP on the main pages", () => {
  const suite = browserSuite({ timeoutMs: 15_000 });
  let page: Page;
  /** Every script the page fetched, with whether it holds the chart library. */
  let scripts: { url: string; charts: boolean }[] = [];

  beforeAll(async () => {
    const evaluator = await createAccount(suite.db, "evaluator", { name: "Eve Évaluation" });
    page = await suite.page();
    page.on("response", async (response) => {
      if (response.request().resourceType() !== "script") return;
      const body = await response.text().catch(() => "");
      scripts.push({ url: new URL(response.url()).pathname, charts: body.includes(RECHARTS) });
    });
    // Every violation, caught or not, as the page itself hears of it.
    await page.context().addInitScript(() => {
      const seen: string[] = ((window as unknown as { cspViolations: string[] }).cspViolations = []);
      document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.violatedDirective} ${event.sourceFile}:${event.lineNumber}`));
    });
    await suite.signIn(page, evaluator);
    // The dashboard that follows sign-in finishes loading before any page is looked at.
    await page.waitForLoadState("networkidle");
  });

  /** Opens `path` in a fresh document (the cache emptied) and waits for `ready`. */
  async function open(path: string, ready: () => Promise<unknown>) {
    // Off the previous page first: none of its late answers counts for the next one.
    await page.goto("about:blank");
    scripts = [];
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Network.clearBrowserCache");
    await cdp.detach();
    await page.goto(`${suite.baseUrl}${path}`);
    await ready();
    await page.waitForLoadState("networkidle");
  }
  const violations = () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

  it("the challenge list draws no chart and loads no chart code", async () => {
    await open("/defis", () => page.getByRole("heading", { level: 1, name: "Défis" }).waitFor());
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((script) => script.charts)).toEqual([]);
    expect(await violations()).toEqual([]);
  });

  it("a challenge's page loads no chart code either", async () => {
    await open("/defis/afd-geodata", () => page.getByRole("heading", { level: 1, name: "AFD - Geodata" }).waitFor());
    expect(scripts.filter((script) => script.charts)).toEqual([]);
    expect(await violations()).toEqual([]);
  });

  it("the dashboard loads it, and draws its charts, without a CSP report", async () => {
    await open("/", () => page.getByRole("figure", { name: "Résultats par promotion" }).locator(`svg.${RECHARTS}`).waitFor());
    expect(scripts.filter((script) => script.charts).length).toBe(1);
    expect(await violations()).toEqual([]);
  });
});
