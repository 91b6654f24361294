import type { ErrorRequestHandler } from "express";
import type { Problem } from "@shared/problem";

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
  constructor(detail = "Connectez-vous pour accéder à cette ressource.") {
    super(401, "Authentification requise", detail);
  }
}

export class ForbiddenError extends HttpError {
  constructor(detail = "Votre compte ne permet pas cette action.") {
    super(403, "Accès refusé", detail);
  }
}

export class ConflictError extends HttpError {
  constructor(detail: string, extra?: Record<string, unknown>) {
    super(409, "Conflit", detail);
    this.extra = extra;
  }
}

export class ValidationError extends HttpError {
  constructor(errors: FieldError[], detail = "La requête contient des valeurs invalides.") {
    super(400, "Requête invalide", detail, errors);
  }
}

export class NotFoundError extends HttpError {
  constructor(detail = "La ressource demandée n'existe pas.") {
    super(404, "Introuvable", detail);
  }
}

export function sendProblem(res: Parameters<ErrorRequestHandler>[2], problem: Problem): void {
  res.status(problem.status).type("application/problem+json").json(problem);
}

/** The terminal error middleware: known errors as problem+json, anything else as a bare 500. */
export const problemHandler: ErrorRequestHandler = (error, _req, res, _next) => {
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
  // Errors raised by Express's own parsers (malformed JSON, body too large) carry a 4xx status.
  const status = typeof error?.status === "number" && error.status >= 400 && error.status < 500 ? error.status : 500;
  if (status === 500) console.error(error);
  sendProblem(res, {
    type: "about:blank",
    title: status === 500 ? "Erreur interne" : "Requête refusée",
    status,
    detail:
      status === 500
        ? "Une erreur inattendue est survenue ; elle a été consignée."
        : status === 413
          ? "Le corps de la requête est trop volumineux."
          : "La requête n'a pas pu être lue.",
  });
};
