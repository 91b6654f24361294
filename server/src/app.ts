import express from "express";
import helmet from "helmet";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { Config } from "./config";
import type { Db } from "./db/database";
import { accessChecks, loadSession } from "./http/access";
import { NotFoundError, problemHandler } from "./http/errors";
import { jsonBody } from "./http/limits";
import { requestLog } from "./http/request-log";
import { createLogger, type Logger } from "./lib/logger";
import { createMailer, type Mailer } from "./mail/mailer";
import { startEmailOutbox, type EmailOutbox } from "./mail/email-outbox";
import { answerOf, apiRoutes } from "./routes";
import { validate } from "./http/validate";
import { revisionCache } from "./http/revision-cache";
import { idempotency } from "./http/idempotency";
import { precompressed } from "./http/precompressed";
import { messageLang, withRequestLang } from "./http/request-lang";
import { t } from "./i18n/messages";

// zod's own messages ("expected number") in the language of the request being checked.
const zodLocales = { fr: z.locales.fr().localeError, en: z.locales.en().localeError };
z.config({ localeError: (issue) => zodLocales[messageLang()](issue) });

const DSFR_COLOR_SCHEME_STYLE_HASHES = [
  "'sha256-HzhUjVBe6Oi2wcxUM7bmy2Rp9VdLMHYDdYr9MalNmOY='",
  "'sha256-xVQ4mcypV0CvOtZpQgVcKpcoNvdUkR9BrwZBrtBbU+w='",
];

const ONE_HOUR_MS = 60 * 60 * 1000;
const ONE_YEAR_MS = 365 * 24 * ONE_HOUR_MS;

export interface AppOptions {
  db: Db;
  config: Config;
  /** Serve the built client (absent in API-only tests). */
  serveClient?: boolean;
  /** Where request logs go; by default JSON lines on stdout at `config.logLevel`. */
  logger?: Logger;
  /** Outgoing email; by default built from `config.mail`. */
  mailer?: Mailer;
  /** The campaign email worker; by default one is started over `db` (stop it with `app.locals.outbox.stop()`). */
  outbox?: EmailOutbox;
}

export function createApp({ db, config, serveClient = true, logger, mailer, outbox }: AppOptions): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("query parser", "simple");
  if (config.trustProxy) app.set("trust proxy", config.trustProxy);
  // First, so that every answer (errors included) carries its request id.
  const log = logger ?? createLogger(config.logLevel);
  app.use(requestLog(log));
  app.use(withRequestLang);

  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // Style sheets only from this origin; style *attributes* are allowed because the
          // DSFR and the charts set them (docs/decisions/0002-content-security-policy.md).
          styleSrc: ["'self'"],
          // The one <style> the DSFR writes: ":root { color-scheme: light|dark; }".
          styleSrcElem: ["'self'", ...DSFR_COLOR_SCHEME_STYLE_HASHES],
          styleSrcAttr: ["'unsafe-inline'"],
          imgSrc: ["'self'", "data:", "blob:"],
          fontSrc: ["'self'", "data:"],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          ...(config.secureCookies ? { upgradeInsecureRequests: [] } : {}),
        },
      },
      strictTransportSecurity: config.secureCookies,
    }),
  );

  const appMailer = mailer ?? createMailer(config.mail, log);
  const deps = { db, config, mailer: appMailer, logger: log, outbox: outbox ?? startEmailOutbox({ db, mailer: appMailer, logger: log }) };
  app.locals.outbox = deps.outbox;
  const api = express.Router();
  api.use((_req, res, next) => {
    // API answers depend on who asks: never stored by a shared cache.
    res.setHeader("Cache-Control", "private, no-store");
    next();
  });
  api.use(jsonBody());
  api.use(loadSession(db, config));
  const readCache = revisionCache(db);
  for (const route of apiRoutes(deps)) {
    const checks = accessChecks(db, route.access, { csrf: route.csrf ?? true, challenge: route.challenge });
    const validation = route.input ? [validate(route.input)] : [];
    const cache = route.cache === "revision" ? [readCache] : [];
    const once = route.idempotent ? [idempotency(db)] : [];
    api[route.method](route.path, ...checks, ...validation, ...cache, ...once, ...answerOf(route, deps));
  }
  api.use(() => {
    throw new NotFoundError(t("problem.noSuchRoute"));
  });
  app.use("/api", api);

  const indexHtml = path.join(config.clientDist, "index.html");
  if (serveClient && fs.existsSync(indexHtml)) {
    // Hashed assets never change under the same name; index.html must always be revalidated.
    const assets = path.join(config.clientDist, "assets");
    app.use("/assets", precompressed(assets, { maxAge: ONE_YEAR_MS, immutable: true }));
    app.use("/assets", express.static(assets, { immutable: true, maxAge: ONE_YEAR_MS }));
    app.use(precompressed(config.clientDist, { maxAge: ONE_HOUR_MS }));
    app.use(express.static(config.clientDist, { index: false, maxAge: ONE_HOUR_MS }));
    app.get("/{*splat}", (_req, res) => {
      res.setHeader("Cache-Control", "no-cache");
      res.sendFile(indexHtml);
    });
  }

  app.use(problemHandler);
  return app;
}
