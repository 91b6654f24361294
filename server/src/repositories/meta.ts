import type { Db } from "../db/database";

/** The data revision (bumped by every write) and whether the data set is synthetic, for captions. */
export function dataMeta(db: Db): { revision: number; isSynthetic: boolean } {
  const row = db.get<{ revision: number; isSynthetic: number }>(
    "SELECT r.revision, d.is_synthetic AS isSynthetic FROM data_revision r, dataset_info d",
  )!;
  return { revision: row.revision, isSynthetic: row.isSynthetic === 1 };
}
