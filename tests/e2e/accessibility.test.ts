// Every route in French and in English: <html lang>, no serious or critical axe-core violation,
// no CSP problem, the page's text in the chosen language; the dark theme's contrast; the
// keyboard path (skip link first, chart exports reachable).
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { runBrowserTests, seriousAxeViolations } from "../support/browser";
import { browserSuite } from "../support/browser-suite";
import { assignMentor } from "../support/factories";
import { createAccount } from "../support/session-client";

type Lang = "fr" | "en";

interface RouteCheck {
  path: string;
  /** A heading that says the page is drawn, in each language; the other language's must be absent. */
  heading: Record<Lang, string>;
}

const PUBLIC_ROUTES: RouteCheck[] = [
  { path: "/connexion", heading: { fr: "Connexion", en: "Sign in" } },
  { path: "/accessibilite", heading: { fr: "Déclaration d'accessibilité", en: "Accessibility statement" } },
];

const ADMIN_ROUTES: RouteCheck[] = [
  { path: "/", heading: { fr: "Tableau de bord des promotions", en: "Promotions dashboard" } },
  { path: "/defis", heading: { fr: "Défis", en: "Challenges" } },
  { path: "/defis/explocode", heading: { fr: "Historique des statuts", en: "Status history" } },
  { path: "/mes-defis", heading: { fr: "Mes défis", en: "My challenges" } },
  { path: "/admin/comptes", heading: { fr: "Comptes", en: "Accounts" } },
  { path: "/admin/mentors", heading: { fr: "Mentors des défis", en: "Challenge mentors" } },
  { path: "/admin/journal", heading: { fr: "Journal d'audit", en: "Audit log" } },
  { path: "/admin/instantanes", heading: { fr: "Instantanés", en: "Snapshots" } },
  { path: "/admin/campagnes", heading: { fr: "Campagnes de mise à jour", en: "Update campaigns" } },
  { path: "/admin/a-valider", heading: { fr: "À valider", en: "To validate" } },
  { path: "/rapport", heading: { fr: "Rapport sur la pérennisation des défis EIG", en: "Report on the sustainability of the EIG challenges" } },
  { path: "/documentation-api", heading: { fr: "Documentation de l'API", en: "API documentation" } },
  { path: "/accessibilite", heading: { fr: "Déclaration d'accessibilité", en: "Accessibility statement" } },
];

const MENTOR_ROUTES: RouteCheck[] = [
  { path: "/mes-defis", heading: { fr: "Mes défis", en: "My challenges" } },
  { path: "/defis/explocode", heading: { fr: "Pérennisation", en: "Sustainability" } },
  { path: "/defis/explocode?edition=1", heading: { fr: "Mise à jour du défi", en: "Update the challenge" } },
];

const other = (lang: Lang): Lang => (lang === "fr" ? "en" : "fr");

describe.runIf(runBrowserTests)("accessibility in French and in English", () => {
  const suite = browserSuite({ timeoutMs: 10_000 });
  let admin: { email: string; password: string };
  let mentor: { email: string; password: string };

  beforeAll(async () => {
    admin = await createAccount(suite.db, "admin", { name: "Anne Programme" });
    const mentorAccount = await createAccount(suite.db, "mentor", { name: "Mona Mentor" });
    mentor = mentorAccount;
    assignMentor(suite.db, mentorAccount.id, "explocode");
  });

  const withLang = (path: string, lang: Lang) => `${path}${path.includes("?") ? "&" : "?"}lang=${lang}`;

  /** Opens a route in a language and checks what every page must satisfy. */
  async function checkRoute(page: Page, route: RouteCheck, lang: Lang): Promise<string[]> {
    await page.goto(`${suite.baseUrl}${withLang(route.path, lang)}`);
    await page.getByRole("heading", { name: route.heading[lang], exact: true }).first().waitFor();
    // Charts draw after their data arrive; the page settles before axe reads it.
    await page.waitForLoadState("networkidle");
    const failures: string[] = [];
    const htmlLang = await page.locator("html").getAttribute("lang");
    if (htmlLang !== lang) failures.push(`${route.path} [${lang}]: <html lang="${htmlLang}">`);
    if ((await page.getByRole("heading", { name: route.heading[other(lang)], exact: true }).count()) > 0) {
      failures.push(`${route.path} [${lang}]: heading in the other language`);
    }
    for (const violation of await seriousAxeViolations(page)) failures.push(`${route.path} [${lang}]: ${violation}`);
    const overflow = await horizontalOverflow(page);
    if (overflow > 0) failures.push(`${route.path} [${lang}]: the page is ${overflow} px wider than the window`);
    return failures;
  }

  /** How far the page spreads past the window's width: a wide table must scroll in its own box. */
  const horizontalOverflow = (page: Page) =>
    page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

  async function checkRoutes(page: Page, routes: RouteCheck[]) {
    const problems = suite.problems(page);
    const failures: string[] = [];
    for (const lang of ["fr", "en"] as const) {
      for (const route of routes) failures.push(...(await checkRoute(page, route, lang)));
    }
    expect(failures).toEqual([]);
    expect(problems).toEqual([]);
  }

  it("public pages: sign-in and accessibility statement, in both languages", async () => {
    const page = await suite.page();
    await checkRoutes(page, PUBLIC_ROUTES);
  }, 60_000);

  it("every page of the programme team, in both languages", async () => {
    const page = await suite.signedInPage(admin);
    await checkRoutes(page, ADMIN_ROUTES);
  }, 240_000);

  it("a mentor's pages, the challenge's edit mode included, in both languages", async () => {
    const page = await suite.signedInPage(mentor);
    await checkRoutes(page, MENTOR_ROUTES);
  }, 90_000);

  it("no page spreads past a phone's width (390 px): wide tables scroll in their own box", async () => {
    const page = await suite.signedInPage(admin, { width: 390, height: 844 });
    const failures: string[] = [];
    for (const route of ADMIN_ROUTES) {
      await page.goto(`${suite.baseUrl}${withLang(route.path, "fr")}`);
      await page.getByRole("heading", { name: route.heading.fr, exact: true }).first().waitFor();
      await page.waitForLoadState("networkidle");
      const overflow = await horizontalOverflow(page);
      if (overflow > 0) failures.push(`${route.path}: ${overflow} px wider than the window`);
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it("shows English text, numbers and dates in English mode, and keeps the choice", async () => {
    const page = await suite.signedInPage(admin);
    const problems = suite.problems(page);
    await page.goto(`${suite.baseUrl}/?lang=en&promotion=all`);
    await page.getByRole("heading", { level: 1, name: "Promotions dashboard" }).waitFor();
    // The address forgets ?lang= once applied; the choice is kept.
    await expect.poll(() => new URL(page.url()).searchParams.has("lang")).toBe(false);
    const navigation = () => page.locator("#en-tete-main-navigation a").allTextContents();
    await expect.poll(navigation).toEqual(["Dashboard", "My challenges", "Challenges", "Administration"]);
    const outcomes = page.getByRole("figure", { name: "Outcomes by promotion" });
    await outcomes.getByText("n = 71 challenges; 63 without a reported outcome").waitFor();
    await outcomes.getByRole("button", { name: /^CSV/ }).waitFor();
    expect(await outcomes.locator(".chart-legend").textContent()).toContain("Deliverables maintained");
    expect(await page.getByText("Livrables maintenus").count()).toBe(0);
    // Dates in English.
    expect(await outcomes.locator("figcaption").textContent()).toMatch(/data as of \d{1,2} [A-Z][a-z]+ \d{4}/);
    // The dataset exports ask for English headers.
    expect(await page.getByRole("link", { name: "Status history, one row per update (CSV)" }).getAttribute("href")).toBe(
      "/api/export/status-history.csv?lang=en",
    );

    await page.goto(`${suite.baseUrl}/defis/archifiltre`);
    await page.getByRole("heading", { level: 1, name: "Archifiltre" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    await page.getByText("Approximate dates").waitFor();
    expect(await page.title()).toBe("Archifiltre — EIG challenges sustainability tracker");

    // Back to French through the header's language selector.
    await page.locator("header").getByTitle("Select language").first().click();
    await page.getByRole("link", { name: /^fr\s-\sFrançais$/ }).click();
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("fr");
    await page.getByText("Dates approximatives").waitFor();
    await page.reload();
    await page.getByText("Dates approximatives").waitFor();
    expect(problems).toEqual([]);
  }, 60_000);

  it("keeps its contrast in the dark theme (DSFR display settings), in both languages", async () => {
    const page = await suite.page({ colorScheme: "dark" });
    const problems = suite.problems(page);
    await suite.signIn(page, admin);
    const failures: string[] = [];
    const mainRoutes = ADMIN_ROUTES.filter((route) => ["/", "/defis", "/defis/explocode", "/admin/comptes", "/accessibilite"].includes(route.path));
    for (const lang of ["fr", "en"] as const) {
      for (const route of mainRoutes) {
        await page.goto(`${suite.baseUrl}${withLang(route.path, lang)}`);
        await page.getByRole("heading", { name: route.heading[lang], exact: true }).first().waitFor();
        await page.waitForLoadState("networkidle");
        expect(await page.locator("html").getAttribute("data-fr-theme")).toBe("dark");
        for (const violation of await seriousAxeViolations(page, ["color-contrast"])) failures.push(`${route.path} [${lang}]: ${violation}`);
      }
    }
    expect(failures).toEqual([]);

    // The display settings switch back to the light theme, and that choice is kept.
    await page.goto(`${suite.baseUrl}/defis?lang=fr`);
    await page.getByRole("heading", { level: 1, name: "Défis" }).waitFor();
    await page.locator("#pied-de-page").getByRole("button", { name: "Paramètres d'affichage" }).click();
    await page.locator("label", { hasText: "Thème clair" }).click();
    await expect.poll(() => page.locator("html").getAttribute("data-fr-theme")).toBe("light");
    expect(problems).toEqual([]);
  }, 120_000);

  it("reaches the skip link first, then the charts' exports, with the keyboard", async () => {
    const page = await suite.signedInPage(admin);
    for (const [lang, label] of [["fr", "Contenu"], ["en", "Content"]] as const) {
      await page.goto(`${suite.baseUrl}/?lang=${lang}`);
      await page.getByRole("figure").first().locator("svg.recharts-surface").waitFor();
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(label);
    }

    // Tab on through the page until the first chart's PNG export has the focus: no mouse needed.
    const focusedName = () =>
      page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        return element ? `${element.tagName}:${element.textContent?.trim()}` : "";
      });
    let reached = false;
    for (let step = 0; step < 80 && !reached; step++) {
      await page.keyboard.press("Tab");
      reached = (await focusedName()).startsWith("BUTTON:PNG: Outcomes by promotion");
    }
    expect(reached).toBe(true);
    // Its neighbours follow in order, and a segmented control's choice is a radio reachable before it.
    await page.keyboard.press("Tab");
    expect(await focusedName()).toBe("BUTTON:SVG: Outcomes by promotion");
    await page.keyboard.press("Tab");
    expect(await focusedName()).toBe("BUTTON:CSV: Outcomes by promotion");
    // The focus is visible: the DSFR draws an outline on the focused button.
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(outline).not.toBe("none");
  }, 60_000);
});
