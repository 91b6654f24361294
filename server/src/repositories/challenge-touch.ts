import type { Db } from "../db/database";

/**
 * Every write that concerns a challenge bumps its version (optimistic locking) and its
 * updated_at; a report (status, confirmation, outcome) also resets its staleness.
 */
export function touchChallenge(db: Db, challengeId: number, { report }: { report: boolean }): number {
  db.run(
    `UPDATE challenges SET version = version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
       last_report_at = CASE WHEN @report THEN strftime('%Y-%m-%dT%H:%M:%fZ', 'now') ELSE last_report_at END
     WHERE id = @challengeId`,
    { challengeId, report: report ? 1 : 0 },
  );
  return db.get<{ version: number }>("SELECT version FROM challenges WHERE id = ?", [challengeId])!.version;
}
