import type { Request } from "express";
import { HttpError, ValidationError } from "./errors";
import { t } from "../i18n/messages";

/** What the write is guarded by: the challenge's version (outcome) or the item's own (plan items). */
type Guarded = "challenge" | "item";

class PreconditionRequiredError extends HttpError {
  constructor(guarded: Guarded = "challenge") {
    super(428, t("writes.versionRequired.title"), t(guarded === "item" ? "writes.itemVersionRequired" : "writes.versionRequired"));
  }
}

/**
 * The version a guarded write was prepared on (optimistic concurrency): `If-Match: <version>`,
 * quoted or weak as an ETag may be. 428 without it, 400 if it is not a version.
 */
export function expectedVersion(req: Request, guarded: Guarded = "challenge"): number {
  const ifMatch = req.get("If-Match");
  if (!ifMatch) throw new PreconditionRequiredError(guarded);
  const expected = Number(ifMatch.trim().replace(/^W\//, "").replaceAll('"', ""));
  if (!Number.isInteger(expected)) {
    throw new ValidationError([{ path: "headers.if-match", message: t("writes.ifMatchInteger") }]);
  }
  return expected;
}
