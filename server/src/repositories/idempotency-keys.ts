// The answers kept for Idempotency-Key (server/src/http/idempotency.ts): one row per
// (account, key), reserved before the request runs and completed with its answer.
import type { Db } from "../db/database";

/** How long a key is kept, after which the same key is a new request. */
const IDEMPOTENCY_KEY_TTL_HOURS = 24;

export interface KeptAnswer {
  fingerprint: string;
  /** NULL while the first request is still running. */
  status: number | null;
  contentType: string | null;
  body: string | null;
}

// A kept answer may carry a one-time link (an invitation without SMTP): sealed like the other
// secrets at rest, bound to its row.
const bodyContext = (accountId: number, key: string) => `idempotency_keys.body:${accountId}:${key}`;

export function findKept(db: Db, accountId: number, key: string): KeptAnswer | undefined {
  const kept = db.get<KeptAnswer>(
    `SELECT fingerprint, status, content_type AS contentType, body FROM idempotency_keys
     WHERE account_id = ? AND key = ? AND created_at > strftime('%Y-%m-%dT%H:%M:%fZ', 'now', ?)`,
    [accountId, key, `-${IDEMPOTENCY_KEY_TTL_HOURS} hours`],
  );
  return kept && { ...kept, body: kept.body === null ? null : db.secrets.open(kept.body, bodyContext(accountId, key)) };
}

/** Reserves the key (after dropping the expired keys, which the index makes cheap). */
export function reserveKey(db: Db, accountId: number, key: string, fingerprint: string): void {
  db.run(`DELETE FROM idempotency_keys WHERE created_at <= strftime('%Y-%m-%dT%H:%M:%fZ', 'now', ?)`, [
    `-${IDEMPOTENCY_KEY_TTL_HOURS} hours`,
  ]);
  db.run("INSERT INTO idempotency_keys (account_id, key, fingerprint) VALUES (?, ?, ?)", [accountId, key, fingerprint]);
}

export function completeKey(db: Db, accountId: number, key: string, answer: { status: number; contentType: string | null; body: string | null }): void {
  db.run("UPDATE idempotency_keys SET status = ?, content_type = ?, body = ? WHERE account_id = ? AND key = ? AND status IS NULL", [
    answer.status,
    answer.contentType,
    answer.body === null ? null : db.secrets.seal(answer.body, bodyContext(accountId, key)),
    accountId,
    key,
  ]);
}

/** A request that failed frees its key, so that a corrected retry with it can run. */
export function releaseKey(db: Db, accountId: number, key: string): void {
  db.run("DELETE FROM idempotency_keys WHERE account_id = ? AND key = ? AND status IS NULL", [accountId, key]);
}
