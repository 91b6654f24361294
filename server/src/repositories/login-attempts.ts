import type { Db } from "../db/database";

export function recordLoginAttempt(db: Db, attempt: { email: string; ip: string; succeeded: boolean; at: string }): void {
  db.run("INSERT INTO login_attempts (email, ip, succeeded, at) VALUES (@email, @ip, @succeeded, @at)", {
    ...attempt,
    succeeded: attempt.succeeded ? 1 : 0,
  });
}

/**
 * Failures for one account from one address since `since`, not counting those before the
 * last success there; with the oldest one's time, to say when the limit lifts.
 */
export function accountFailures(db: Db, email: string, ip: string, since: string): { count: number; oldest: string | null } {
  return db.get<{ count: number; oldest: string | null }>(
    `SELECT count(*) AS count, min(at) AS oldest FROM login_attempts
     WHERE email = @email AND ip = @ip AND succeeded = 0 AND at > @since
       AND at > coalesce((SELECT max(at) FROM login_attempts
                          WHERE email = @email AND ip = @ip AND succeeded = 1), '')`,
    { email, ip, since },
  )!;
}

/** Failures from one address, whatever the account, since `since`. */
export function addressFailures(db: Db, ip: string, since: string): { count: number; oldest: string | null } {
  return db.get<{ count: number; oldest: string | null }>(
    "SELECT count(*) AS count, min(at) AS oldest FROM login_attempts WHERE ip = ? AND succeeded = 0 AND at > ?",
    [ip, since],
  )!;
}

/**
 * Failures for one account from every address since `since`, not counting those before its
 * last success (from anywhere) nor before the end of its last lock; with the latest one's time,
 * from which the progressive delay runs.
 */
export function accountWideFailures(db: Db, key: string, since: string): { count: number; latest: string | null } {
  return db.get<{ count: number; latest: string | null }>(
    `SELECT count(*) AS count, max(at) AS latest FROM login_attempts
     WHERE email = @key AND succeeded = 0 AND at > @since
       AND at > coalesce((SELECT max(at) FROM login_attempts WHERE email = @key AND succeeded = 1), '')
       AND at > coalesce((SELECT max(until) FROM account_locks WHERE key = @key), '')`,
    { key, since },
  )!;
}

/** The lock in force on `key` at `now`, if any (the one that lasts longest). */
export function activeLock(db: Db, key: string, now: string): { id: number; until: string } | undefined {
  return db.get<{ id: number; until: string }>(
    "SELECT id, until FROM account_locks WHERE key = ? AND until > ? ORDER BY until DESC LIMIT 1",
    [key, now],
  );
}

export function insertLock(db: Db, lock: { key: string; lockedAt: string; until: string; failures: number }): void {
  db.run("INSERT INTO account_locks (key, locked_at, until, failures) VALUES (@key, @lockedAt, @until, @failures)", lock);
}

/**
 * Lifts the locks on an account (passwords and codes) and starts its counters again, as a
 * success would: after a password reset through the emailed link, or from the command line.
 * Says whether a lock was in force.
 */
export function liftAccountThrottling(db: Db, email: string, ip: string, now: string): boolean {
  let lifted = false;
  for (const key of [email, `${email}#totp`]) {
    lifted = db.run("UPDATE account_locks SET until = @now WHERE key = @key AND until > @now", { key, now }).changes > 0 || lifted;
    recordLoginAttempt(db, { email: key, ip, succeeded: true, at: now });
  }
  return lifted;
}

export function deleteLoginAttemptsBefore(db: Db, before: string): void {
  db.run("DELETE FROM login_attempts WHERE at <= ?", [before]);
  db.run("DELETE FROM account_locks WHERE until <= ?", [before]);
}
