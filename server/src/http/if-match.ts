import type { Request } from "express";
import { HttpError, ValidationError } from "./errors";

export class PreconditionRequiredError extends HttpError {
  constructor(detail = "Envoyez l'en-tête If-Match avec la version du défi que vous avez modifiée.") {
    super(428, "Version requise", detail);
  }
}

/**
 * The version a guarded write was prepared on (optimistic concurrency): `If-Match: <version>`,
 * quoted or weak as an ETag may be. 428 without it, 400 if it is not a version.
 */
export function expectedVersion(req: Request, missingDetail?: string): number {
  const ifMatch = req.get("If-Match");
  if (!ifMatch) throw new PreconditionRequiredError(missingDetail);
  const expected = Number(ifMatch.trim().replace(/^W\//, "").replaceAll('"', ""));
  if (!Number.isInteger(expected)) {
    throw new ValidationError([{ path: "headers.if-match", message: "If-Match doit être la version (un entier)." }]);
  }
  return expected;
}
