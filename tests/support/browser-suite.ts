import fs from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import type { Role } from "@shared/domain";
import { readConfig } from "../../server/src/config";
import type { Db } from "../../server/src/db/database";
import { launchBrowser, signInThroughForm } from "./browser";
import { startServerWithProvider, type TestOidcProvider } from "./oidc-provider";
import { createAccount } from "./session-client";
import { startSmtpSink, type SmtpSink } from "./smtp-sink";
import { startTestServer, type TestServer } from "./test-server";

export interface BrowserSuiteOptions {
  /** The server's environment beyond the test defaults (PUBLIC_URL…). */
  env?: NodeJS.ProcessEnv;
  /** An SMTP server on loopback that the application writes to (`suite.sink`). */
  smtp?: boolean;
  /** A ProConnect stand-in: an OpenID Connect provider on loopback (`suite.provider`). */
  proconnect?: boolean;
  /** How long each page's actions and waits may take before they fail. */
  timeoutMs?: number;
}

interface PageOptions {
  /** The viewport: 1280×900 unless told. */
  width?: number;
  height?: number;
  colorScheme?: "light" | "dark";
  /** Lets the page read and write the clipboard, as a person who allowed it. */
  clipboard?: boolean;
}

/** A person who signs in through the form. */
interface Credentials {
  email: string;
  password: string;
}

export interface BrowserSuite {
  /** The application, with the built client, over a fresh SQLite file holding the catalogue. */
  readonly server: TestServer;
  readonly baseUrl: string;
  /** The server's database, to arrange a scenario or check what a page wrote. */
  readonly db: Db;
  /** Only with `smtp: true`. */
  readonly sink: SmtpSink;
  /** Only with `proconnect: true`. */
  readonly provider: TestOidcProvider;
  /** A page in a browser context of its own (its own cookies), signed in as no one. */
  page(options?: PageOptions): Promise<Page>;
  /** A page signed in through the form, as a new account of `role` or as `who`. */
  signedInPage(who: Role | Credentials, options?: PageOptions): Promise<Page>;
  /** Signs `page` in through the form. */
  signIn(page: Page, who: Credentials): Promise<void>;
  /** What a page of this suite reported since it opened: Content-Security-Policy refusals and page errors (none expected). */
  problems(page: Page): string[];
}

/**
 * The set-up every browser test file shares, registered as beforeAll/afterAll of the calling
 * `describe`: the server on loopback, one headless Chromium, then a context per page asked for.
 */
export function browserSuite(options: BrowserSuiteOptions = {}): BrowserSuite {
  let server: TestServer | undefined;
  let sink: SmtpSink | undefined;
  let provider: TestOidcProvider | undefined;
  let browser: Browser | undefined;
  const problemsByPage = new WeakMap<Page, string[]>();

  beforeAll(async () => {
    if (!fs.existsSync(`${readConfig().clientDist}/index.html`)) {
      throw new Error("Client not built: run `npm run build` (npm test does it) before the browser tests.");
    }
    if (options.smtp) sink = await startSmtpSink();
    const serverOptions = { withClient: true, env: { ...options.env, ...(sink ? { SMTP_URL: sink.url } : {}) } };
    if (options.proconnect) ({ server, provider } = await startServerWithProvider(serverOptions));
    else server = await startTestServer(serverOptions);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await provider?.close();
    await sink?.close();
  });

  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`No ${what} in this browser suite (asked before beforeAll, or not in its options).`);
    return value;
  };

  const suite: BrowserSuite = {
    get server() {
      return ready(server, "server");
    },
    get baseUrl() {
      return ready(server, "server").baseUrl;
    },
    get db() {
      return ready(server, "server").db;
    },
    get sink() {
      return ready(sink, "SMTP sink (smtp: true)");
    },
    get provider() {
      return ready(provider, "OpenID Connect provider (proconnect: true)");
    },
    async page({ width = 1280, height = 900, colorScheme = "light", clipboard = false } = {}) {
      const context = await ready(browser, "browser").newContext({ viewport: { width, height }, colorScheme });
      context.setDefaultTimeout(options.timeoutMs ?? 8_000);
      if (clipboard) await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: suite.baseUrl });
      const page = await context.newPage();
      problemsByPage.set(page, watchPageProblems(page));
      return page;
    },
    async signedInPage(who, pageOptions) {
      const account = typeof who === "string" ? await createAccount(suite.db, who) : who;
      const page = await suite.page(pageOptions);
      await suite.signIn(page, account);
      return page;
    },
    signIn: (page, who) => signInThroughForm(page, suite.baseUrl, who.email, who.password),
    problems(page) {
      const problems = problemsByPage.get(page);
      if (!problems) throw new Error("This page was not opened by the browser suite: its problems are not collected.");
      return problems;
    },
  };
  return suite;
}

/** Collects what the browser reports of Content-Security-Policy violations and page errors. */
function watchPageProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  return problems;
}
