// Where statistics and exports read their rows: the live tables, or a snapshot's copy of
// them. The readers write `${source.table("challenges")} c` instead of `challenges c` and
// add `source.params` to their parameters: the same SQL, the same aggregates, over either.
import type { Db } from "../db/database";
import { SNAPSHOT_COPIES, type CopiedTable } from "./snapshot-copies";
import type { Snapshot } from "@shared/snapshot";

export interface DataSource {
  /** Distinguishes cached computations: "live", or "snapshot:<id>". */
  key: string;
  /** The snapshot read, or null for the live data. */
  snapshot: Snapshot | null;
  /** A table expression standing for the live table of that name. */
  table(name: CopiedTable | HistoryTable): string;
  /** Parameters the table expressions need (merged into each query's own). */
  params: Record<string, unknown>;
  /** The instant the figures are computed at: now, or when the snapshot was taken. */
  now(): Date;
}

/** Append-only tables: read up to the snapshot's last id instead of copied. */
const HISTORY_TABLES = {
  status_updates: "last_status_update_id",
  outcomes: "last_outcome_id",
  validation_decisions: "last_validation_decision_id",
} as const;
type HistoryTable = keyof typeof HISTORY_TABLES;

export const LIVE: DataSource = {
  key: "live",
  snapshot: null,
  table: (name) => name,
  params: {},
  now: () => new Date(),
};

/** Reads "as of" a snapshot: copied tables, and the append-only history up to its last ids. */
export function snapshotSource(snapshot: Snapshot): DataSource {
  const takenAt = new Date(snapshot.takenAt);
  return {
    key: `snapshot:${snapshot.id}`,
    snapshot,
    table: (name) => {
      if (name in HISTORY_TABLES) {
        const lastId = HISTORY_TABLES[name as HistoryTable];
        return `(SELECT * FROM ${name} WHERE id <= (SELECT ${lastId} FROM snapshots WHERE id = @snapshotId))`;
      }
      return `(SELECT ${SNAPSHOT_COPIES[name as CopiedTable].join(", ")} FROM snapshot_${name} WHERE snapshot_id = @snapshotId)`;
    },
    params: { snapshotId: snapshot.id },
    now: () => takenAt,
  };
}

/** Copies every table a snapshot keeps; call inside the transaction that creates the snapshot. */
export function copyIntoSnapshot(db: Db, snapshotId: number): void {
  for (const [name, columns] of Object.entries(SNAPSHOT_COPIES)) {
    const list = columns.join(", ");
    db.run(`INSERT INTO snapshot_${name} (snapshot_id, ${list}) SELECT @snapshotId, ${list} FROM ${name}`, { snapshotId });
  }
}
