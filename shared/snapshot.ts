// Citable snapshots (docs/decisions/0005-citable-snapshots.md): `POST /api/snapshots`, `GET /api/snapshots[/:id]`, and the
// `?snapshot=ID` parameter every statistic and export accepts.
import { z } from "zod";
import { parisDate } from "./dates";
import { sm } from "./i18n/schema-messages";

export const newSnapshotSchema = z.strictObject({
  name: z
    .string({ error: sm("snapshot.nameRequired") })
    .trim()
    .min(1, { error: sm("snapshot.nameRequired") })
    .max(120, { error: sm("snapshot.nameTooLong") }),
});
export type NewSnapshot = z.input<typeof newSnapshotSchema>;

export const snapshotSchema = z.object({
  id: z.number().int().positive(),
  name: z.string(),
  /** ISO 8601 instant (UTC). */
  takenAt: z.string(),
  methodologyVersion: z.string(),
  challengeCount: z.number().int().nonnegative(),
  takenBy: z.string().nullable(),
});
export type Snapshot = z.infer<typeof snapshotSchema>;

/**
 * A snapshot id in a query string or a path: digits, kept as text like every other filter in
 * the address (the server reads it as a number).
 */
export const snapshotIdSchema = z.string().regex(/^[1-9][0-9]{0,9}$/, { error: sm("snapshot.id") });

export const snapshotParamsSchema = z.strictObject({ id: snapshotIdSchema });

/** `?snapshot=ID` alone (reads that take no other parameter). */
export const snapshotQuerySchema = z.strictObject({ snapshot: snapshotIdSchema.optional() });

/**
 * How captions and exports cite a snapshot, e.g. « Instantané « Rapport 2026 » du 29/11/2026,
 * méthodologie v1.3f2a9c1e ». The date is the day in Paris when it was taken.
 */
export function describeSnapshot(snapshot: Pick<Snapshot, "name" | "takenAt" | "methodologyVersion">, lang: "fr" | "en" = "fr"): string {
  const day = parisDate(new Date(snapshot.takenAt));
  if (lang === "en") return `Snapshot “${snapshot.name}” of ${day}, methodology v${snapshot.methodologyVersion}`;
  const [year, month, date] = day.split("-");
  return `Instantané « ${snapshot.name} » du ${date}/${month}/${year}, méthodologie v${snapshot.methodologyVersion}`;
}
