import type { Db } from "../db/database";
import type { Axis, Level } from "@shared/domain";
import type { StatusUpdate } from "@shared/challenge";
import { entryValidationColumns, withValidation, type ValidationColumns } from "./review";

export interface NewStatusUpdateRecord {
  challengeId: number;
  axis: Axis;
  level: Level;
  note?: string | null;
  evidenceUrl?: string | null;
  asOf: string;
  authorId: number | null;
  authorName: string;
  kind?: "update" | "confirmation";
}

const LEVEL_COLUMNS: Record<Axis, string> = {
  production: "production_level",
  transmission: "transmission_level",
  reliability: "reliability_level",
};

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
  // The challenge row carries the same level, for cohort counts (migration 0004).
  db.run(`UPDATE challenges SET ${LEVEL_COLUMNS[axis]} = ? WHERE id = ?`, [latest?.level ?? null, challengeId]);
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

/** Inserts one status update row (history only: the derived tables are the caller's). Returns its id. */
export function insertStatusUpdate(db: Db, update: NewStatusUpdateRecord): number {
  const { lastInsertRowid } = db.run(
    `INSERT INTO status_updates (challenge_id, axis, level, note, evidence_url, as_of, author_id, author_name, kind)
     VALUES (@challengeId, @axis, @level, @note, @evidenceUrl, @asOf, @authorId, @authorName, @kind)`,
    { note: null, evidenceUrl: null, kind: "update", ...update },
  );
  return Number(lastInsertRowid);
}

/** The current (counting) level of an axis, if any. */
export function currentLevel(db: Db, challengeId: number, axis: Axis): { level: Level; asOf: string } | undefined {
  return db.get("SELECT level, as_of AS asOf FROM current_status WHERE challenge_id = ? AND axis = ?", [challengeId, axis]);
}

type StatusUpdateRow = Omit<StatusUpdate, "retraction" | "level" | "validation"> & ValidationColumns & {
  level: number;
  retractionReason: string | null;
  retractedAt: string | null;
  retractionAuthorName: string | null;
};

const toStatusUpdate = ({ retractionReason, retractedAt, retractionAuthorName, ...row }: StatusUpdateRow): StatusUpdate => ({
  ...withValidation(row),
  level: row.level as Level,
  retraction:
    retractionReason === null || retractedAt === null || retractionAuthorName === null
      ? null
      : { reason: retractionReason, retractedAt, authorName: retractionAuthorName },
});

const statusUpdateSelect = `
  SELECT u.id, u.axis, u.level, u.note, u.evidence_url AS evidenceUrl, u.as_of AS asOf,
         u.recorded_at AS recordedAt, u.author_name AS authorName, u.kind,
         r.reason AS retractionReason, r.retracted_at AS retractedAt, r.author_name AS retractionAuthorName,
         ${entryValidationColumns("status_update", "u")}
  FROM status_updates u
  LEFT JOIN status_update_retractions r ON r.status_update_id = u.id`;

/** A challenge's history, newest first. */
export function listStatusUpdates(db: Db, challengeId: number): StatusUpdate[] {
  return db
    .all<StatusUpdateRow>(`${statusUpdateSelect} WHERE u.challenge_id = ? ORDER BY u.as_of DESC, u.id DESC`, [challengeId])
    .map(toStatusUpdate);
}

export function findStatusUpdate(db: Db, id: number): (StatusUpdate & { challengeId: number }) | undefined {
  const row = db.get<StatusUpdateRow & { challengeId: number }>(
    `${statusUpdateSelect.replace("SELECT u.id,", "SELECT u.id, u.challenge_id AS challengeId,")} WHERE u.id = ?`,
    [id],
  );
  return row && { ...toStatusUpdate(row), challengeId: row.challengeId };
}

/** Inserts the retraction row of a mistaken update (history only: the derived tables are the caller's). */
export function insertRetraction(db: Db, statusUpdateId: number, retraction: { reason: string; authorId: number | null; authorName: string }): void {
  db.run(
    "INSERT INTO status_update_retractions (status_update_id, reason, author_id, author_name) VALUES (?, ?, ?, ?)",
    [statusUpdateId, retraction.reason, retraction.authorId, retraction.authorName],
  );
}

