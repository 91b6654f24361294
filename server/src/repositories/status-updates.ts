import type { Db } from "../db/database";
import type { Axis, Level } from "@shared/domain";

export interface NewStatusUpdate {
  challengeId: number;
  axis: Axis;
  level: Level;
  note?: string | null;
  evidenceUrl?: string | null;
  asOf: string;
  authorId: number | null;
  authorName: string;
}

/**
 * Recomputes the derived current status of one axis from its history: the update with the
 * latest as_of, then the latest recorded, that is not retracted. One indexed lookup.
 */
export function refreshCurrentStatus(db: Db, challengeId: number, axis: Axis): void {
  const latest = db.get<{ id: number; level: number; asOf: string }>(
    `SELECT u.id, u.level, u.as_of AS asOf
     FROM status_updates u
     WHERE u.challenge_id = ? AND u.axis = ?
       AND NOT EXISTS (SELECT 1 FROM status_update_retractions r WHERE r.status_update_id = u.id)
     ORDER BY u.as_of DESC, u.id DESC
     LIMIT 1`,
    [challengeId, axis],
  );
  if (!latest) {
    db.run("DELETE FROM current_status WHERE challenge_id = ? AND axis = ?", [challengeId, axis]);
    return;
  }
  db.run(
    `INSERT INTO current_status (challenge_id, axis, status_update_id, level, as_of) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (challenge_id, axis) DO UPDATE
       SET status_update_id = excluded.status_update_id, level = excluded.level, as_of = excluded.as_of`,
    [challengeId, axis, latest.id, latest.level, latest.asOf],
  );
}

/** Appends a status update and keeps the current status in the same transaction. Returns its id. */
export function appendStatusUpdate(db: Db, update: NewStatusUpdate): number {
  return db.transaction(() => {
    const { lastInsertRowid } = db.run(
      `INSERT INTO status_updates (challenge_id, axis, level, note, evidence_url, as_of, author_id, author_name)
       VALUES (@challengeId, @axis, @level, @note, @evidenceUrl, @asOf, @authorId, @authorName)`,
      { note: null, evidenceUrl: null, ...update },
    );
    refreshCurrentStatus(db, update.challengeId, update.axis);
    db.run(
      "UPDATE challenges SET version = version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?",
      [update.challengeId],
    );
    return Number(lastInsertRowid);
  });
}
