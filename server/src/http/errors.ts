import type { ErrorRequestHandler } from "express";
import type { Problem } from "@shared/problem";
import { isDatabaseBusy, isDatabaseUnavailable } from "../db/errors";
import { SecretUnreadableError } from "../db/secrets";
import { InvalidInput, NotFound, StateConflict, UnusableLink, type Message } from "../domain/errors";
import { t, type ServerMessageKey } from "../i18n/messages";
import { inLangOf } from "./request-lang";

export type FieldError = { path: string; message: string };

/** An error meant for the client: its status, title and detail become problem+json. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: FieldError[],
    /** Headers the answer must carry, such as Retry-After on a 429. */
    readonly headers: Record<string, string> = {},
  ) {
    super(detail ?? title);
  }

  /** Members added to the problem, such as the current state on a 409. */
  extra?: Record<string, unknown>;
}

export class UnauthorizedError extends HttpError {
  constructor(detail = t("problem.unauthorized")) {
    super(401, t("problem.unauthorized.title"), detail);
  }
}

export class ForbiddenError extends HttpError {
  constructor(detail = t("problem.forbidden")) {
    super(403, t("problem.forbidden.title"), detail);
  }
}

export class ConflictError extends HttpError {
  constructor(detail: string, extra?: Record<string, unknown>) {
    super(409, t("problem.conflict.title"), detail);
    this.extra = extra;
  }
}

export class ValidationError extends HttpError {
  constructor(errors: FieldError[], detail = t("problem.invalid")) {
    super(400, t("problem.invalid.title"), detail, errors);
  }
}

export class NotFoundError extends HttpError {
  constructor(detail = t("problem.notFound")) {
    super(404, t("problem.notFound.title"), detail);
  }
}

const render = ({ key, params }: Message): string =>
  (t as (key: ServerMessageKey, params?: Message["params"]) => string)(key, params);

/**
 * The HTTP answer to a use case's refusal (domain/errors.ts): not found 404, conflict with the
 * current state 409 (with that state), invalid input 400 (each field under `body.`), an emailed
 * link 404 when it never existed and 410 when it no longer works.
 */
function httpErrorOf(error: unknown): HttpError | undefined {
  if (error instanceof NotFound) return new NotFoundError(render(error.reason));
  if (error instanceof StateConflict) return new ConflictError(render(error.reason), error.current && { current: error.current });
  if (error instanceof InvalidInput) {
    return new ValidationError(
      error.fields.map(({ field, reason }) => ({ path: `body.${field}`, message: render(reason) })),
      render(error.reason),
    );
  }
  if (error instanceof UnusableLink) {
    const never = error.refusal === "unknown";
    return new HttpError(never ? 404 : 410, t(never ? "link.invalid.title" : "link.unusable.title"), render(error.reason));
  }
  return undefined;
}

function sendProblem(res: Parameters<ErrorRequestHandler>[2], problem: Problem): void {
  res.status(problem.status).type("application/problem+json").json(problem);
}

/** What Express's own parsers mean by their error types, in the user's words. */
const PARSER_DETAILS = {
  "entity.too.large": "problem.parser.tooLarge",
  "entity.parse.failed": "problem.parser.notJson",
  "entity.verify.failed": "problem.parser.refused",
  "charset.unsupported": "problem.parser.charset",
  "encoding.unsupported": "problem.parser.encoding",
  "request.aborted": "problem.parser.aborted",
  "request.size.invalid": "problem.parser.size",
} as const;
const parserDetail = (type: unknown) => (typeof type === "string" && Object.hasOwn(PARSER_DETAILS, type) ? PARSER_DETAILS[type as keyof typeof PARSER_DETAILS] : undefined);

/**
 * The terminal error middleware: known errors as problem+json; the 4xx that Express's parsers
 * raise (malformed JSON, body too large, undecodable URL) as problem+json too; a database
 * that cannot serve as 503; anything else logged with the request id and answered with a
 * bare 500 that says nothing of the cause.
 */
// The messages it writes itself are in the request's language even when the error comes from
// a parser callback that ran outside the request's async context.
export const problemHandler: ErrorRequestHandler = (error, req, res, next) => inLangOf(req, () => renderProblem(error, req, res, next));

const renderProblem: ErrorRequestHandler = (thrown, req, res, _next) => {
  const error = httpErrorOf(thrown) ?? thrown;
  if (res.headersSent) {
    // Nothing can be said to the client any more; the request log records the failure.
    res.err = error instanceof Error ? error : new Error(String(error));
    res.destroy();
    return;
  }
  if (error instanceof HttpError) {
    res.set(error.headers);
    sendProblem(res, {
      type: "about:blank",
      title: error.title,
      status: error.status,
      ...(error.detail ? { detail: error.detail } : {}),
      ...(error.errors ? { errors: error.errors } : {}),
      ...error.extra,
    });
    return;
  }
  if (error instanceof SecretUnreadableError) {
    // Never answered as a wrong code: the account's secret itself is unusable. Logged with
    // the request id (which row), the answer says what to do.
    res.err = error;
    sendProblem(res, {
      type: "about:blank",
      title: t("problem.secret.title"),
      status: 500,
      detail: t("problem.secret"),
    });
    return;
  }
  if (isDatabaseUnavailable(error)) {
    res.err = error;
    const busy = isDatabaseBusy(error);
    if (busy) res.set("Retry-After", "1");
    sendProblem(res, {
      type: "about:blank",
      title: t("problem.unavailable.title"),
      status: 503,
      detail: busy ? t("problem.unavailable.busy") : t("problem.unavailable.down"),
    });
    return;
  }
  const status = typeof error?.status === "number" && error.status >= 400 && error.status < 500 ? error.status : 500;
  if (status === 500) {
    // pino-http logs the error with the response line, under the request id.
    if (req.log) res.err = error instanceof Error ? error : new Error(String(error));
    else console.error(error);
  }
  sendProblem(res, {
    type: "about:blank",
    title: t(
      status === 500
        ? "problem.internal.title"
        : status === 413
          ? "problem.tooLarge.title"
          : status === 415
            ? "problem.unsupportedType.title"
            : "problem.refused.title",
    ),
    status,
    detail:
      status === 500
        ? req.id
          ? t("problem.internal.withRef", { ref: String(req.id) })
          : t("problem.internal")
        : t(parserDetail(error?.type) ?? (status === 413 ? "problem.tooLarge" : "problem.unreadable")),
  });
};
