// Snapshots: taken in one transaction (a consistent copy), never updated, deleted only with
// their audit entry (the database refuses otherwise: migration 0008).
import type { Db } from "../db/database";
import { copyIntoSnapshot } from "./data-source";
import { COPIED_TABLES } from "./snapshot-copies";
import { METHODOLOGY_VERSION } from "@shared/methodology";
import type { Snapshot } from "@shared/snapshot";

const SNAPSHOT_COLUMNS = `id, name, taken_at AS takenAt, methodology_version AS methodologyVersion,
  challenge_count AS challengeCount, taken_by_name AS takenBy`;

export function listSnapshots(db: Db): Snapshot[] {
  return db.all<Snapshot>(`SELECT ${SNAPSHOT_COLUMNS} FROM snapshots ORDER BY taken_at DESC, id DESC`);
}

export function findSnapshot(db: Db, id: number): Snapshot | undefined {
  return db.get<Snapshot>(`SELECT ${SNAPSHOT_COLUMNS} FROM snapshots WHERE id = ?`, [id]);
}

export function snapshotNameTaken(db: Db, name: string): boolean {
  return db.get("SELECT 1 FROM snapshots WHERE name = ?", [name]) !== undefined;
}

/** Records the snapshot and copies the data; call inside the write's transaction. */
export function insertSnapshot(db: Db, name: string, takenBy: { id: number; name: string }, takenAt = new Date()): number {
  const { lastInsertRowid } = db.run(
    `INSERT INTO snapshots (name, taken_at, methodology_version, data_revision, last_status_update_id, last_outcome_id,
                            last_validation_decision_id, challenge_count, taken_by_id, taken_by_name)
     VALUES (@name, @takenAt, @methodologyVersion,
             (SELECT revision FROM data_revision WHERE id = 1),
             (SELECT coalesce(max(id), 0) FROM status_updates),
             (SELECT coalesce(max(id), 0) FROM outcomes),
             (SELECT coalesce(max(id), 0) FROM validation_decisions),
             (SELECT count(*) FROM challenges), @takenById, @takenByName)`,
    {
      name,
      takenAt: takenAt.toISOString(),
      methodologyVersion: METHODOLOGY_VERSION,
      takenById: takenBy.id,
      takenByName: takenBy.name,
    },
  );
  const id = Number(lastInsertRowid);
  copyIntoSnapshot(db, id);
  refreshSnapshotStatistics(db);
  return id;
}

/**
 * When the database keeps planner statistics (ANALYZE, as the generator runs), the snapshot
 * tables need theirs too: without them, next to analysed live tables, SQLite picks a poor
 * plan for reads as of a snapshot. A bounded sample keeps this to a few milliseconds.
 */
function refreshSnapshotStatistics(db: Db): void {
  if (!db.get("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'")) return;
  const limit = db.pragma("analysis_limit") as number;
  db.pragma("analysis_limit = 1000");
  try {
    for (const table of COPIED_TABLES) db.exec(`ANALYZE snapshot_${table}`);
  } finally {
    db.pragma(`analysis_limit = ${Number(limit)}`);
  }
}

/**
 * Deletes a snapshot and its copies; the audit entry must already be written in the same
 * transaction (the trigger on `snapshots` checks it).
 */
export function deleteSnapshot(db: Db, id: number): void {
  db.run("DELETE FROM snapshots WHERE id = ?", [id]);
  for (const table of COPIED_TABLES) db.run(`DELETE FROM snapshot_${table} WHERE snapshot_id = ?`, [id]);
}
