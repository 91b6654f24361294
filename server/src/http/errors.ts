import type { ErrorRequestHandler } from "express";
import type { Problem } from "@shared/problem";
import { isDatabaseBusy, isDatabaseUnavailable } from "../db/errors";
import { SecretUnreadableError } from "../db/secrets";

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

/** What Express's own parsers mean by their error types, in the user's words. */
const PARSER_DETAILS: Record<string, string> = {
  "entity.too.large": "Le corps de la requête est trop volumineux (100 ko au plus).",
  "entity.parse.failed": "Le corps de la requête n'est pas du JSON valide.",
  "entity.verify.failed": "Le corps de la requête a été refusé.",
  "charset.unsupported": "Jeu de caractères non pris en charge : envoyez du JSON en UTF-8.",
  "encoding.unsupported": "Compression du corps non prise en charge.",
  "request.aborted": "La requête a été interrompue avant la fin de son corps.",
  "request.size.invalid": "La taille annoncée du corps ne correspond pas à ce qui a été reçu.",
};

/**
 * The terminal error middleware: known errors as problem+json; the 4xx that Express's parsers
 * raise (malformed JSON, body too large, undecodable URL) as problem+json too; a database
 * that cannot serve as 503; anything else logged with the request id and answered with a
 * bare 500 that says nothing of the cause.
 */
export const problemHandler: ErrorRequestHandler = (error, req, res, _next) => {
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
      title: "Double authentification inutilisable",
      status: 500,
      detail:
        "Le secret de double authentification de ce compte ne peut pas être déchiffré par le serveur ; l'incident a été consigné. " +
        "Un administrateur peut retirer la double authentification du compte (npm run user -- reset-totp) pour qu'elle soit enregistrée de nouveau.",
    });
    return;
  }
  if (isDatabaseUnavailable(error)) {
    res.err = error;
    const busy = isDatabaseBusy(error);
    if (busy) res.set("Retry-After", "1");
    sendProblem(res, {
      type: "about:blank",
      title: "Service momentanément indisponible",
      status: 503,
      detail: busy
        ? "La base de données est occupée : réessayez dans un instant."
        : "La base de données ne répond pas ; l'incident a été consigné.",
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
    title: status === 500 ? "Erreur interne" : status === 413 ? "Corps trop volumineux" : status === 415 ? "Type de contenu non pris en charge" : "Requête refusée",
    status,
    detail:
      status === 500
        ? `Une erreur inattendue est survenue ; elle a été consignée${req.id ? ` (référence ${String(req.id)})` : ""}.`
        : (PARSER_DETAILS[typeof error?.type === "string" ? error.type : ""] ??
          (status === 413 ? "Le corps de la requête est trop volumineux." : "La requête n'a pas pu être lue.")),
  });
};
