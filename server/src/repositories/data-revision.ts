import type { Db } from "../db/database";

/**
 * The data revision: a counter every write to the data bumps, through triggers (migrations in
 * db/migrations). Equal revisions mean equal data, which is what answers' ETags rely on.
 */
export function currentRevision(db: Db): number {
  return db.get<{ revision: number }>("SELECT revision FROM data_revision WHERE id = 1")!.revision;
}
