import { createHash } from "node:crypto";
import type { RequestHandler } from "express";
import type { Db } from "../db/database";
import { completeKey, findKept, releaseKey, reserveKey } from "../repositories/idempotency-keys";
import { currentSession } from "./access";
import { ConflictError, HttpError, ValidationError } from "./errors";
import { t } from "../i18n/messages";

const IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
const REPLAYED_HEADER = "Idempotent-Replayed";

/** Visible ASCII, as the IETF draft's examples (UUIDs) and any client's random token fit. */
const KEY_FORMAT = /^[\x21-\x7e]{1,255}$/;

class IdempotencyKeyReusedError extends HttpError {
  constructor() {
    super(422, t("idempotency.reused.title"), t("idempotency.reused"));
  }
}

function fingerprintOf(method: string, url: string, body: unknown): string {
  return createHash("sha256")
    .update(`${method} ${url}\n${JSON.stringify(body ?? null)}`)
    .digest("base64url");
}

/**
 * For the routes flagged `idempotent` in the route table: a request that carries an
 * Idempotency-Key runs once per account and key (kept 24 h). The key is reserved before the
 * handler runs, so that a repeat arriving while the first is still running (an email being
 * sent, say) is refused (409) rather than written twice; a successful (2xx) answer is kept and
 * replayed to any repeat, with `Idempotent-Replayed: true`; any other answer frees the key, so
 * that a corrected retry can use it. If the process stops mid-request, the reservation stays
 * and repeats are refused until the key expires: never written twice.
 * Without the header, the route behaves as before (docs/decisions/0010-writes-that-happen-once.md).
 */
export function idempotency(db: Db): RequestHandler {
  return (req, res, next) => {
    const key = req.get(IDEMPOTENCY_KEY_HEADER);
    if (key === undefined) return next();
    if (!KEY_FORMAT.test(key)) {
      throw new ValidationError([
        { path: "headers.idempotency-key", message: t("idempotency.format") },
      ]);
    }
    const accountId = currentSession(res.locals).user.id;
    const fingerprint = fingerprintOf(req.method, req.originalUrl, req.body);
    const kept = db.transaction(() => {
      const kept = findKept(db, accountId, key);
      if (!kept) reserveKey(db, accountId, key, fingerprint);
      return kept;
    });
    if (kept) {
      if (kept.fingerprint !== fingerprint) throw new IdempotencyKeyReusedError();
      if (kept.status === null) {
        const error = new ConflictError(t("idempotency.inProgress"));
        error.headers["Retry-After"] = "1";
        throw error;
      }
      res.setHeader(REPLAYED_HEADER, "true");
      res.status(kept.status);
      if (kept.contentType) res.setHeader("Content-Type", kept.contentType);
      if (kept.body === null) res.end();
      else res.send(kept.body);
      return;
    }

    // Keep the answer as it is written: every way of answering ends in res.end.
    let settled = false;
    const end = res.end.bind(res) as (...args: unknown[]) => typeof res;
    res.end = ((...args: unknown[]) => {
      if (!settled) {
        settled = true;
        if (res.statusCode >= 200 && res.statusCode < 300) {
          const chunk = typeof args[0] === "function" ? undefined : args[0];
          const body = chunk === undefined || chunk === null ? null : Buffer.isBuffer(chunk) ? chunk.toString("utf8") : String(chunk);
          const contentType = res.getHeader("Content-Type");
          completeKey(db, accountId, key, { status: res.statusCode, contentType: contentType === undefined ? null : String(contentType), body });
        } else {
          releaseKey(db, accountId, key);
        }
      }
      return end(...args);
    }) as typeof res.end;
    // A dropped connection frees nothing: a handler still running may yet write.
    next();
  };
}
