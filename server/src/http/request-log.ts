import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { RequestHandler } from "express";
import { pinoHttp } from "pino-http";
import type { Logger } from "../lib/logger";

/** A request id given by a proxy is kept only if it cannot forge a log line or a header. */
const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

type Locals = { locals?: { session?: { user?: { id?: number } } } };

/**
 * The address as logged. Under `/api/auth/` the query is dropped: the ProConnect callback
 * carries its one-time `code` and `state` there, and a log line must not hand them to whoever
 * reads the logs (docs/decisions/0008-sign-in-hardening.md).
 */
function loggedUrl(req: IncomingMessage & { originalUrl?: string }): string {
  const url = req.originalUrl ?? req.url ?? "";
  const query = url.indexOf("?");
  return query !== -1 && url.startsWith("/api/auth/") ? url.slice(0, query) : url;
}

/**
 * One log line per request, with its id (also sent back as `X-Request-Id`, so a user can
 * quote it), status, duration and the account behind it. No header and no body is ever
 * serialized: cookies, the CSRF token and passwords cannot reach the logs by this path.
 */
export function requestLog(logger: Logger): RequestHandler {
  const middleware = pinoHttp({
    logger,
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const given = req.headers["x-request-id"];
      const id = typeof given === "string" && ACCEPTABLE_REQUEST_ID.test(given) ? given : randomUUID();
      res.setHeader("X-Request-Id", id);
      return id;
    },
    customLogLevel: (req, res, error) => {
      if (error || res.statusCode >= 500) return "error";
      // Health probes every few seconds would drown the rest; a failing one is logged above.
      // `req.url` is relative to the router by then ("/health"): compare the full path.
      if (loggedUrl(req) === "/api/health") return "silent";
      return res.statusCode === 429 || res.statusCode === 413 ? "warn" : "info";
    },
    customSuccessMessage: (req, res, time) => `${req.method} ${loggedUrl(req)} ${res.statusCode} ${time} ms`,
    customErrorMessage: (req, res) => `${req.method} ${loggedUrl(req)} ${res.statusCode} : erreur`,
    customProps: (_req, res) => {
      const userId = (res as ServerResponse & Locals).locals?.session?.user?.id;
      return userId === undefined ? {} : { userId };
    },
    // Lines logged through req.log (errors, handlers) carry the request id too.
    quietReqLogger: true,
    wrapSerializers: false,
    serializers: {
      req: (req: IncomingMessage & { originalUrl?: string; ip?: string }) => ({
        method: req.method,
        url: loggedUrl(req),
        // Express's req.ip honours TRUST_PROXY; the socket's address otherwise.
        remoteAddress: req.ip ?? req.socket?.remoteAddress,
      }),
      res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
      err: pinoStdError,
    },
  });
  return middleware as unknown as RequestHandler;
}

/** Name, message, code and stack: never the error's other members (body-parser puts the raw body there). */
function pinoStdError(error: unknown) {
  if (!(error instanceof Error)) return { message: String(error) };
  const { code } = error as { code?: unknown };
  return { type: error.name, message: error.message, ...(typeof code === "string" ? { code } : {}), stack: error.stack };
}
