// Takes full-page screenshots of the main pages of a running server, to look at them.
// Usage: npx tsx scripts/screenshots.ts [baseUrl] [outDir]
import { launchBrowser } from "../tests/support/browser";

const baseUrl = process.argv[2] ?? "http://localhost:3000";
const outDir = process.argv[3] ?? ".tmp/screenshots";
const pages: [string, string][] = [
  ["dashboard", "/"],
  ["list", "/defis"],
  ["list-filtered", "/defis?promotion=3&q=explo"],
  ["challenge-archifiltre", "/defis/archifiltre"],
  ["challenge-explocode", "/defis/explocode"],
  ["challenge-unknown", "/defis/nexiste-pas"],
];

const browser = await launchBrowser();
for (const [width, suffix] of [[1280, ""], [390, "-mobile"]] as const) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  for (const [name, path] of pages) {
    await page.goto(baseUrl + path, { waitUntil: "networkidle" });
    await page.screenshot({ path: `${outDir}/${name}${suffix}.png`, fullPage: true });
  }
  await context.close();
}
await browser.close();
console.log(`Screenshots in ${outDir}`);
