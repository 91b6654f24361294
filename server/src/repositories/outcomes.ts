import type { Db } from "../db/database";
import type { OutcomeEntry } from "@shared/challenge";
import type { OutcomeCategory, SustainabilityPath } from "@shared/domain";
import { OUTCOME_CATEGORIES } from "@shared/domain";
import { entryValidationColumns, refreshOutcomeValidation, withValidation, type ValidationColumns } from "./review";

type OutcomeRow = Omit<OutcomeEntry, "categories" | "validation"> & ValidationColumns & { categories: string };
const toOutcome = (row: OutcomeRow): OutcomeEntry => ({ ...withValidation(row), categories: JSON.parse(row.categories) });
const outcomeColumns = `o.id, o.categories, o.path, o.note, o.as_of AS asOf, o.recorded_at AS recordedAt, o.author_name AS authorName,
  ${entryValidationColumns("outcome", "o")}`;

export function listOutcomes(db: Db, challengeId: number): OutcomeEntry[] {
  return db
    .all<OutcomeRow>(`SELECT ${outcomeColumns} FROM outcomes o WHERE o.challenge_id = ? ORDER BY o.as_of DESC, o.id DESC`, [
      challengeId,
    ])
    .map(toOutcome);
}

export function currentOutcome(db: Db, challengeId: number): OutcomeEntry | null {
  const row = db.get<OutcomeRow>(
    `SELECT ${outcomeColumns} FROM current_outcome co JOIN outcomes o ON o.id = co.outcome_id WHERE co.challenge_id = ?`,
    [challengeId],
  );
  return row ? toOutcome(row) : null;
}

export interface NewOutcomeRecord {
  challengeId: number;
  categories: OutcomeCategory[];
  path: SustainabilityPath | null;
  note: string | null;
  asOf: string;
  authorId: number;
  authorName: string;
}

/** Inserts one outcome row (history only: the derived tables are the caller's). Returns its id. */
export function insertOutcome(db: Db, outcome: NewOutcomeRecord): number {
  const { lastInsertRowid } = db.run(
    `INSERT INTO outcomes (challenge_id, categories, path, note, as_of, author_id, author_name)
     VALUES (@challengeId, @categories, @path, @note, @asOf, @authorId, @authorName)`,
    { ...outcome, categories: JSON.stringify(outcome.categories) },
  );
  return Number(lastInsertRowid);
}

/**
 * Points current_outcome at the outcome in force: the latest by as_of, then by recording, as
 * for statuses (a back-dated outcome enters history without replacing a newer one).
 */
export function refreshCurrentOutcome(db: Db, challengeId: number): void {
  db.run(
    `INSERT INTO current_outcome (challenge_id, outcome_id)
     SELECT challenge_id, id FROM outcomes WHERE challenge_id = ? ORDER BY as_of DESC, id DESC LIMIT 1
     ON CONFLICT (challenge_id) DO UPDATE SET outcome_id = excluded.outcome_id`,
    [challengeId],
  );
}

export function findOutcome(db: Db, id: number): OutcomeEntry | undefined {
  const row = db.get<OutcomeRow>(`SELECT ${outcomeColumns} FROM outcomes o WHERE o.id = ?`, [id]);
  return row && toOutcome(row);
}

export function challengeVersion(db: Db, challengeId: number): number {
  return db.get<{ version: number }>("SELECT version FROM challenges WHERE id = ?", [challengeId])!.version;
}

/** Bit i set when the outcome in force has OUTCOME_CATEGORIES[i] (migration 0004); null without outcome. */
function outcomeMask(categories: readonly OutcomeCategory[]): number {
  return categories.reduce((mask, category) => mask | (1 << OUTCOME_CATEGORIES.indexOf(category)), 0);
}

/** Copies the categories of the outcome in force onto the challenge row, for cohort counts. */
export function refreshOutcomeMask(db: Db, challengeId: number): void {
  const outcome = currentOutcome(db, challengeId);
  db.run("UPDATE challenges SET outcome_mask = ? WHERE id = ?", [outcome ? outcomeMask(outcome.categories) : null, challengeId]);
  refreshOutcomeValidation(db, challengeId);
}
