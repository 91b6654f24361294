// The printable report as a PDF, printed by a headless Chromium on the server
// (docs/decisions/0009-reports-that-leave-the-building.md). The browser is sent to this
// server's own address only, with the caller's session cookie set server-side, so that it
// prints exactly what the caller would see on /rapport; every other request it makes is
// refused. A print is bounded in time, and few run at once: each one is a browser.
import fs from "node:fs";
import { HttpError } from "../http/errors";
import { t } from "../i18n/messages";

/** Prints at once, in all: each is a Chromium of some 100 MB on a small server. */
const MAX_PRINTS = 2;
/** After this, the print is abandoned and its browser closed. */
const PRINT_TIMEOUT_MS = 30_000;

/** Headless Debian Chromium without the background traffic a closed network refuses, no sandbox inside a container (the browser tests use the same). */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

class PrintUnavailableError extends HttpError {
  constructor(detail: string, retryAfterSeconds?: number) {
    super(503, t("print.unavailable.title"), detail, undefined, retryAfterSeconds ? { "Retry-After": String(retryAfterSeconds) } : {});
  }
}

export interface PrintRequest {
  chromiumPath: string;
  /** This server as reached from itself: `http://127.0.0.1:3000`. */
  origin: string;
  /** The page to print, on that origin: `/rapport?…`. */
  path: string;
  cookie: { name: string; value: string };
  /** One print at a time per session: a second click waits for the first. */
  sessionKey: string;
  timeoutMs?: number;
}

const running = new Set<string>();

/** Prints `origin + path` to an A4 PDF (the page's own @page size and orientation). */
export async function printReport(request: PrintRequest): Promise<Buffer> {
  if (!fs.existsSync(request.chromiumPath)) {
    throw new PrintUnavailableError(t("print.noChromium"));
  }
  if (running.has(request.sessionKey)) {
    throw new HttpError(429, t("print.running.title"), t("print.running"), undefined, {
      "Retry-After": "10",
    });
  }
  if (running.size >= MAX_PRINTS) {
    throw new PrintUnavailableError(t("print.busy"), 10);
  }
  running.add(request.sessionKey);
  try {
    return await printWithin(request, request.timeoutMs ?? PRINT_TIMEOUT_MS);
  } finally {
    running.delete(request.sessionKey);
  }
}

async function printWithin(request: PrintRequest, timeoutMs: number): Promise<Buffer> {
  // Loaded on the first print only: the server starts and serves without it.
  const { chromium } = await import("playwright-core");
  let browser: Awaited<ReturnType<typeof chromium.launch>> | undefined;
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    void browser?.close().catch(() => {});
  }, timeoutMs);
  try {
    browser = await chromium.launch({ executablePath: request.chromiumPath, headless: true, args: CHROMIUM_ARGS, timeout: timeoutMs });
    if (timedOut) throw new Error("timed out");
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: "reduce", serviceWorkers: "block" });
    context.setDefaultTimeout(timeoutMs);
    const origin = new URL(request.origin).origin;
    await context.addCookies([{ name: request.cookie.name, value: request.cookie.value, url: origin, httpOnly: true, sameSite: "Lax" }]);
    // Only this server: a link, image or script pointing elsewhere is refused, not fetched.
    await context.route("**/*", (route) => (new URL(route.request().url()).origin === origin ? route.continue() : route.abort("blockedbyclient")));
    const page = await context.newPage();
    await page.goto(`${origin}${request.path}`, { waitUntil: "load" });
    const outcome = await page
      .locator("[data-report-ready='true'], main .fr-alert--error")
      .first()
      .waitFor({ state: "attached" })
      .then(() => page.locator("[data-report-ready='true']").count());
    if (outcome === 0) {
      throw new HttpError(502, t("print.incomplete.title"), t("print.incomplete"));
    }
    // The charts are drawn the frame after their data: fonts loaded, two frames later.
    await page.evaluate(() => document.fonts.ready.then(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))));
    return await page.pdf({ format: "A4", preferCSSPageSize: true, printBackground: true });
  } catch (error) {
    if (error instanceof HttpError) throw error;
    if (timedOut) throw new PrintUnavailableError(t("print.timeout", { seconds: Math.round(timeoutMs / 1000) }));
    throw new PrintUnavailableError(t("print.failed"));
  } finally {
    clearTimeout(timer);
    await browser?.close().catch(() => {});
  }
}
