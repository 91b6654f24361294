// Full-page screenshots of the main pages of a running server, signed in as each given
// account, to look at them. Usage:
//   SHOT_ACCOUNTS="admin:admin@x.fr:password,mentor:m@x.fr:password" npx tsx scripts/screenshots.ts [baseUrl] [outDir]
// SHOT_LANG=en shows the pages in English; SHOT_SCHEME=dark in the DSFR's dark theme.
import type { Page } from "playwright-core";
import { launchBrowser } from "../tests/support/browser";

const baseUrl = process.argv[2] ?? "http://localhost:3000";
const outDir = process.argv[3] ?? ".tmp/screenshots";
const accounts = (process.env.SHOT_ACCOUNTS ?? "").split(",").filter(Boolean).map((item) => {
  const [label, email, ...password] = item.split(":");
  return { label, email, password: password.join(":") };
});

const only = process.env.SHOT_PAGES?.split(",");
const lang = process.env.SHOT_LANG === "en" ? "en" : "fr";
const scheme = process.env.SHOT_SCHEME === "dark" ? "dark" : "light";
const variant = `${lang === "en" ? "-en" : ""}${scheme === "dark" ? "-dark" : ""}`;
const withLang = (path: string) => `${path}${path.includes("?") ? "&" : "?"}lang=${lang}`;
const allPages: [string, string][] = [
  ["dashboard", "/"],
  ["dashboard-filtered", "/?promotion=2&skill=design"],
  ["report", "/rapport"],
  ["api-doc", "/documentation-api"],
  ["my-challenges", "/mes-defis"],
  ["list", "/defis?promotion=3&q=explo"],
  ["challenge", "/defis/archifiltre"],
  ["admin-users", "/admin/comptes"],
  ["admin-mentors", "/admin/mentors?promotion=2"],
  ["admin-audit", "/admin/journal"],
  ["accessibility", "/accessibilite"],
  ["challenge-edit", "/defis/explocode?edition=1"],
];
const pages = only ? allPages.filter(([name]) => only.includes(name)) : allPages;

async function shoot(page: Page, name: string) {
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: `${outDir}/${name}.png`, fullPage: true });
}

const browser = await launchBrowser();
for (const [width, suffix] of [[1280, ""], [390, "-mobile"]] as const) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
  const page = await context.newPage();
  await page.goto(`${baseUrl}${withLang("/connexion")}`);
  await shoot(page, `login${variant}${suffix}`);
  for (const account of accounts) {
    // Signs in in French, then each page asks for the language.
    await page.goto(`${baseUrl}/connexion?lang=fr`);
    await page.getByLabel("Adresse électronique").fill(account.email);
    await page.getByLabel("Mot de passe", { exact: true }).fill(account.password);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.getByRole("heading", { level: 1, name: "Tableau de bord des promotions" }).waitFor();
    for (const [name, path] of pages) {
      await page.goto(baseUrl + withLang(path));
      // Charts draw after their data arrive.
      await page.waitForTimeout(path === "/" || path.startsWith("/?") || path === "/rapport" ? 1500 : 300);
      await shoot(page, `${account.label}-${name}${variant}${suffix}`);
    }
    await context.clearCookies();
  }
  await context.close();
}
await browser.close();
console.log(`Screenshots in ${outDir}`);
