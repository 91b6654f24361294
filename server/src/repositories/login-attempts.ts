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

export function deleteLoginAttemptsBefore(db: Db, before: string): void {
  db.run("DELETE FROM login_attempts WHERE at <= ?", [before]);
}
