import AxeBuilder from "@axe-core/playwright";
import fs from "node:fs";
import { chromium, type Browser, type Locator, type Page } from "playwright-core";
import { hasTotp, nextSecondFactorCode } from "./session-client";
import { CHROMIUM_ARGS } from "../../server/src/report/print-report";

const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const hasChromium = fs.existsSync(chromiumPath);
/** In CI the browser must be there: browser tests fail loudly instead of skipping. */
export const runBrowserTests = hasChromium || Boolean(process.env.CI);
if (!runBrowserTests) {
  console.warn("Tests navigateur ignorés : Chromium absent. Installez-le avec « apt-get install -y chromium ».");
}

/** Headless Debian Chromium, without the background traffic that this closed network refuses. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/** Signs in through the login form, as a person would. */
export async function signInThroughForm(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/connexion`);
  await page.getByLabel("Adresse électronique").fill(email);
  await page.getByLabel("Mot de passe", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  // Accounts with TOTP (every test admin): the second step, with a real code.
  if (hasTotp(email)) {
    await page.getByLabel("Code de vérification").fill(await nextSecondFactorCode(email));
    await page.getByRole("button", { name: "Vérifier" }).click();
  }
  await page.waitForURL((url) => url.pathname !== "/connexion");
}

/** axe-core's serious and critical violations on the page, as "rule: targets" lines (none expected). */
export async function seriousAxeViolations(page: Page, rules?: string[]): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  if (rules) builder.withRules(rules);
  const results = await builder.analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
}

/** Opens a chart's data table, as a person would (drawn only once its accordion opens), and returns the table. */
export async function openDataTable(figure: Locator): Promise<Locator> {
  const toggle = figure.getByRole("button", { name: /^Tableau des données/ });
  if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
  const table = figure.locator("table");
  await table.waitFor();
  return table;
}

/**
 * Draws every chart of the page, as scrolling through it would: a chart is drawn once its figure
 * comes near the viewport (client/src/components/chart-figure.tsx). Waits for the dashboard's
 * sections to be all in place, brings each figure into view until its chart is drawn, then
 * returns to the top of the page.
 */
export async function drawAllCharts(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const sections = document.querySelector(".cohort-sections");
    // The challenge matrix waits in its closed accordion until it is opened: not a chart.
    return sections !== null && [...sections.querySelectorAll("[role=status]")].every((status) => status.closest("[aria-labelledby=section-matrix]"));
  });
  const figures = page.locator("figure.chart-figure");
  for (let i = 0, count = await figures.count(); i < count; i += 1) {
    const figure = figures.nth(i);
    await figure.scrollIntoViewIfNeeded();
    await figure.locator(".recharts-wrapper > svg.recharts-surface").waitFor();
  }
  await page.evaluate(() => window.scrollTo(0, 0));
}
