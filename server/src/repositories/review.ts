// Review of mentors' declarations (docs/decisions/0004-validation-of-declarations.md, migration 0007). Decisions are appended to
// validation_decisions; an entry's state is its latest decision, "declared" if none (and
// "validated" for entries without an author account: the catalogue, generated data). The
// challenge row carries, per axis and for the outcome, the latest validated value and whether
// the current value is validated, kept in the transaction of every write that changes them.
import type { Db } from "../db/database";
import { AXES, OUTCOME_CATEGORIES, type Axis, type DataView, type OutcomeCategory, type ValidationDecision } from "@shared/domain";
import type { AxesReview, EntryReview, ReviewQueueItem, ReviewQueuePage, ReviewQueueQuery } from "@shared/review";
import { entryStateSql, type EntryKind } from "./entry-state";
import { refreshTrajectory } from "./trajectory-steps";

export { entryStateSql, type EntryKind };

const NOT_RETRACTED = (alias: string) =>
  `NOT EXISTS (SELECT 1 FROM status_update_retractions r WHERE r.status_update_id = ${alias}.id)`;

/** SQL: the columns that describe an entry's validation, named validation*. */
export const entryValidationColumns = (kind: EntryKind, alias: string) => `
  ${entryStateSql(kind, alias)} AS validationState,
  (SELECT d.comment FROM validation_decisions d WHERE d.entry_kind = '${kind}' AND d.entry_id = ${alias}.id AND d.comment IS NOT NULL ORDER BY d.id DESC LIMIT 1) AS validationComment,
  (SELECT d.decided_at FROM validation_decisions d WHERE d.entry_kind = '${kind}' AND d.entry_id = ${alias}.id ORDER BY d.id DESC LIMIT 1) AS validationDecidedAt,
  (SELECT d.admin_name FROM validation_decisions d WHERE d.entry_kind = '${kind}' AND d.entry_id = ${alias}.id ORDER BY d.id DESC LIMIT 1) AS validationDecidedBy`;

export interface ValidationColumns {
  validationState: EntryReview["state"];
  validationComment: string | null;
  validationDecidedAt: string | null;
  validationDecidedBy: string | null;
}

function toEntryReview(row: ValidationColumns): EntryReview {
  return {
    state: row.validationState,
    comment: row.validationComment,
    decidedAt: row.validationDecidedAt,
    decidedBy: row.validationDecidedBy,
  };
}

/** Strips the validation* columns off a row and puts them under `validation`. */
export function withValidation<T extends ValidationColumns>(
  row: T,
): Omit<T, keyof ValidationColumns> & { validation: EntryReview } {
  const { validationState, validationComment, validationDecidedAt, validationDecidedBy, ...rest } = row;
  return { ...rest, validation: toEntryReview({ validationState, validationComment, validationDecidedAt, validationDecidedBy }) };
}

// Challenge columns per axis (migrations 0004 and 0007).
const levelColumn = (axis: Axis) => `${axis}_level`;
const validatedLevelColumn = (axis: Axis) => `validated_${axis}_level`;
export const validatedFlagColumn = (axis: Axis) => `${axis}_validated`;

/**
 * SQL on the challenge alias `c`: the level of an axis as the data view counts it. `all`: the
 * current value; `validated`: the latest validated one; `declared`: the current value only
 * while it awaits validation (or was sent back).
 */
export function levelExpression(axis: Axis, data: DataView = "all", alias = "c"): string {
  if (data === "validated") return `${alias}.${validatedLevelColumn(axis)}`;
  if (data === "declared") return `(CASE WHEN ${alias}.${validatedFlagColumn(axis)} = 0 THEN ${alias}.${levelColumn(axis)} END)`;
  return `${alias}.${levelColumn(axis)}`;
}

/** SQL on the challenge alias `c`: the outcome mask as the data view counts it. */
export function outcomeMaskExpression(data: DataView = "all", alias = "c"): string {
  if (data === "validated") return `${alias}.validated_outcome_mask`;
  if (data === "declared") return `(CASE WHEN ${alias}.outcome_validated = 0 THEN ${alias}.outcome_mask END)`;
  return `${alias}.outcome_mask`;
}

/** Keeps one axis's validated level and "current is validated" flag in line with history. */
export function refreshAxisValidation(db: Db, challengeId: number, axis: Axis): void {
  const validated = db.get<{ level: number }>(
    `SELECT u.level FROM status_updates u
     WHERE u.challenge_id = ? AND u.axis = ? AND ${NOT_RETRACTED("u")} AND ${entryStateSql("status_update", "u")} = 'validated'
     ORDER BY u.as_of DESC, u.id DESC LIMIT 1`,
    [challengeId, axis],
  );
  const current = db.get<{ validated: number }>(
    `SELECT ${entryStateSql("status_update", "u")} = 'validated' AS validated
     FROM current_status s JOIN status_updates u ON u.id = s.status_update_id
     WHERE s.challenge_id = ? AND s.axis = ?`,
    [challengeId, axis],
  );
  db.run(`UPDATE challenges SET ${validatedLevelColumn(axis)} = ?, ${validatedFlagColumn(axis)} = ? WHERE id = ?`, [
    validated?.level ?? null,
    current?.validated ?? null,
    challengeId,
  ]);
}

const maskOf = (categories: readonly OutcomeCategory[]) =>
  categories.reduce((mask, category) => mask | (1 << OUTCOME_CATEGORIES.indexOf(category)), 0);

/** Keeps the validated outcome mask and "outcome in force is validated" flag in line with history. */
export function refreshOutcomeValidation(db: Db, challengeId: number): void {
  const validated = db.get<{ categories: string }>(
    `SELECT o.categories FROM outcomes o
     WHERE o.challenge_id = ? AND ${entryStateSql("outcome", "o")} = 'validated'
     ORDER BY o.as_of DESC, o.id DESC LIMIT 1`,
    [challengeId],
  );
  const current = db.get<{ validated: number }>(
    `SELECT ${entryStateSql("outcome", "o")} = 'validated' AS validated
     FROM current_outcome co JOIN outcomes o ON o.id = co.outcome_id WHERE co.challenge_id = ?`,
    [challengeId],
  );
  db.run("UPDATE challenges SET validated_outcome_mask = ?, outcome_validated = ? WHERE id = ?", [
    validated ? maskOf(JSON.parse(validated.categories)) : null,
    current?.validated ?? null,
    challengeId,
  ]);
}

/** Appends a decision. The caller refreshes the challenge's columns (same transaction). */
function insertDecision(
  db: Db,
  decision: {
    kind: EntryKind;
    entryId: number;
    challengeId: number;
    decision: ValidationDecision;
    comment: string | null;
    adminId: number | null;
    adminName: string;
  },
): void {
  db.run(
    `INSERT INTO validation_decisions (entry_kind, entry_id, challenge_id, decision, comment, admin_id, admin_name)
     VALUES (@kind, @entryId, @challengeId, @decision, @comment, @adminId, @adminName)`,
    decision,
  );
}

/** An admin's own entries are validated when recorded: called in the transaction that records them. */
export function validateIfAdmin(db: Db, kind: EntryKind, entryId: number, challengeId: number, authorId: number | null): void {
  if (authorId === null) return;
  const author = db.get<{ name: string; role: string }>("SELECT name, role FROM users WHERE id = ?", [authorId]);
  if (author?.role !== "admin") return;
  insertDecision(db, { kind, entryId, challengeId, decision: "validated", comment: null, adminId: authorId, adminName: author.name });
}

export interface DecidableEntry {
  kind: EntryKind;
  id: number;
  challengeId: number;
  challengeSlug: string;
  axis: Axis | null;
  retracted: boolean;
  validation: EntryReview;
}

/** The entry a decision is about, with its state; undefined if unknown. */
export function findDecidableEntry(db: Db, kind: EntryKind, id: number): DecidableEntry | undefined {
  const row =
    kind === "status_update"
      ? db.get<ValidationColumns & { id: number; challengeId: number; challengeSlug: string; axis: Axis; retracted: number }>(
          `SELECT u.id, u.challenge_id AS challengeId, c.slug AS challengeSlug, u.axis, NOT ${NOT_RETRACTED("u")} AS retracted,
                  ${entryValidationColumns("status_update", "u")}
           FROM status_updates u JOIN challenges c ON c.id = u.challenge_id WHERE u.id = ?`,
          [id],
        )
      : db.get<ValidationColumns & { id: number; challengeId: number; challengeSlug: string; axis: null; retracted: number }>(
          `SELECT o.id, o.challenge_id AS challengeId, c.slug AS challengeSlug, NULL AS axis, 0 AS retracted,
                  ${entryValidationColumns("outcome", "o")}
           FROM outcomes o JOIN challenges c ON c.id = o.challenge_id WHERE o.id = ?`,
          [id],
        );
  if (!row) return undefined;
  const { retracted, ...rest } = withValidation(row);
  return { ...rest, kind, retracted: retracted === 1 };
}

/** Records an admin's decision on an entry and refreshes what it changes. */
export function decide(
  db: Db,
  entry: DecidableEntry,
  decision: { decision: ValidationDecision; comment: string | null; adminId: number; adminName: string },
): void {
  insertDecision(db, { kind: entry.kind, entryId: entry.id, challengeId: entry.challengeId, ...decision });
  if (entry.kind === "status_update" && entry.axis) {
    refreshAxisValidation(db, entry.challengeId, entry.axis);
    // The validated and declared trajectories read the entry's state (migration 0010).
    refreshTrajectory(db, entry.challengeId, entry.axis);
  } else refreshOutcomeValidation(db, entry.challengeId);
}

/** SQL: whether the entry under `alias` was set aside as superseded (migration 0016). */
const dismissedSql = (kind: EntryKind, alias: string) =>
  `EXISTS (SELECT 1 FROM validation_dismissals x WHERE x.entry_kind = '${kind}' AND x.entry_id = ${alias}.id)`;

// The queue: status updates (not retracted) and outcomes recorded by an account, in a state.
const queueSelect = (where: string) => `
  SELECT * FROM (
    SELECT 'status_update' AS kind, u.id, c.slug, c.title, c.promotion_key AS promotion, u.axis, u.level,
           u.kind = 'confirmation' AS confirmation, NULL AS categories, u.note, u.evidence_url AS evidenceUrl,
           CASE u.axis ${AXES.map((axis) => `WHEN '${axis}' THEN c.${validatedLevelColumn(axis)}`).join(" ")} END AS previousValidatedLevel,
           u.as_of AS asOf, u.recorded_at AS recordedAt, u.author_name AS authorName,
           EXISTS (SELECT 1 FROM current_status s WHERE s.challenge_id = u.challenge_id AND s.axis = u.axis AND s.status_update_id = u.id) AS current,
           ${dismissedSql("status_update", "u")} AS dismissed,
           ${entryValidationColumns("status_update", "u")}
    FROM status_updates u JOIN challenges c ON c.id = u.challenge_id
    WHERE u.author_id IS NOT NULL AND ${NOT_RETRACTED("u")}
    UNION ALL
    SELECT 'outcome' AS kind, o.id, c.slug, c.title, c.promotion_key AS promotion, NULL AS axis, NULL AS level,
           0 AS confirmation, o.categories, o.note, NULL AS evidenceUrl, NULL AS previousValidatedLevel,
           o.as_of AS asOf, o.recorded_at AS recordedAt, o.author_name AS authorName,
           EXISTS (SELECT 1 FROM current_outcome co WHERE co.challenge_id = o.challenge_id AND co.outcome_id = o.id) AS current,
           ${dismissedSql("outcome", "o")} AS dismissed,
           ${entryValidationColumns("outcome", "o")}
    FROM outcomes o JOIN challenges c ON c.id = o.challenge_id
    WHERE o.author_id IS NOT NULL
  ) WHERE ${where}`;

type QueueRow = ValidationColumns & {
  kind: EntryKind;
  id: number;
  slug: string;
  title: string;
  promotion: string;
  axis: Axis | null;
  level: number | null;
  confirmation: number;
  categories: string | null;
  note: string | null;
  evidenceUrl: string | null;
  previousValidatedLevel: number | null;
  asOf: string;
  recordedAt: string;
  authorName: string;
  current: number;
  dismissed: number;
};

const toQueueItem = (row: QueueRow): ReviewQueueItem => ({
  kind: row.kind,
  id: row.id,
  challenge: { slug: row.slug, title: row.title, promotion: row.promotion },
  axis: row.axis,
  level: row.level as ReviewQueueItem["level"],
  confirmation: row.confirmation === 1,
  categories: row.categories === null ? null : JSON.parse(row.categories),
  note: row.note,
  evidenceUrl: row.evidenceUrl,
  previousValidatedLevel: row.previousValidatedLevel as ReviewQueueItem["previousValidatedLevel"],
  asOf: row.asOf,
  recordedAt: row.recordedAt,
  authorName: row.authorName,
  current: row.current === 1,
  superseded: row.current === 0,
  validation: toEntryReview(row),
});

/**
 * The declarations in a state, oldest recorded first (first come, first reviewed), without the
 * superseded ones set aside (they come back if the newer one is retracted: in force again).
 */
export function reviewQueue(db: Db, query: ReviewQueueQuery): ReviewQueuePage {
  const where = "validationState = @state AND NOT (dismissed = 1 AND current = 0)";
  const total = db.get<{ n: number }>(`SELECT count(*) AS n FROM (${queueSelect(where)})`, { state: query.state })!.n;
  const items = db
    .all<QueueRow>(`${queueSelect(where)} ORDER BY recordedAt, kind, id LIMIT @limit OFFSET @offset`, {
      state: query.state,
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    })
    .map(toQueueItem);
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/** The queue's view of one entry (whatever its state), or undefined if it is not a declaration. */
export function queueEntry(db: Db, kind: EntryKind, id: number): (ReviewQueueItem & { dismissed: boolean; challengeId: number }) | undefined {
  const row = db.get<QueueRow & { challengeId: number }>(
    `SELECT q.*, c.id AS challengeId FROM (${queueSelect("kind = @kind AND id = @id")}) q JOIN challenges c ON c.slug = q.slug`,
    { kind, id },
  );
  return row ? { ...toQueueItem(row), dismissed: row.dismissed === 1, challengeId: row.challengeId } : undefined;
}

/** Sets a superseded declaration aside (migration 0016): it leaves the queue, its state is unchanged. */
export function dismiss(db: Db, entry: { kind: EntryKind; id: number; challengeId: number }, admin: { id: number; name: string }): void {
  db.run(
    "INSERT INTO validation_dismissals (entry_kind, entry_id, challenge_id, admin_id, admin_name) VALUES (?, ?, ?, ?, ?)",
    [entry.kind, entry.id, entry.challengeId, admin.id, admin.name],
  );
}

/** A mentor's entries sent back that are still in force on the challenges assigned to them. */
export function sentBackForMentor(db: Db, userId: number): ReviewQueueItem[] {
  return db
    .all<QueueRow>(
      `${queueSelect("validationState = 'sent_back' AND current = 1 AND slug IN (SELECT c.slug FROM challenge_mentors m JOIN challenges c ON c.id = m.challenge_id WHERE m.user_id = @userId)")}
       ORDER BY recordedAt DESC, kind, id`,
      { userId },
    )
    .map(toQueueItem);
}

/** Rebuilds every challenge's validation columns from history (same SQL as migration 0007). */
export function rebuildValidationColumns(db: Db): void {
  const axisSets = AXES.map(
    (axis) => `
    ${validatedLevelColumn(axis)} = (
      SELECT u.level FROM status_updates u
      WHERE u.challenge_id = challenges.id AND u.axis = '${axis}' AND ${NOT_RETRACTED("u")}
        AND ${entryStateSql("status_update", "u")} = 'validated'
      ORDER BY u.as_of DESC, u.id DESC LIMIT 1),
    ${validatedFlagColumn(axis)} = (
      SELECT ${entryStateSql("status_update", "u")} = 'validated'
      FROM current_status s JOIN status_updates u ON u.id = s.status_update_id
      WHERE s.challenge_id = challenges.id AND s.axis = '${axis}')`,
  );
  const maskCase = OUTCOME_CATEGORIES.map((category, bit) => `WHEN '${category}' THEN ${1 << bit}`).join(" ");
  db.exec(`
    UPDATE challenges SET ${axisSets.join(",")},
      validated_outcome_mask = (
        SELECT (SELECT sum(DISTINCT CASE category.value ${maskCase} END) FROM json_each(o.categories) AS category)
        FROM outcomes o
        WHERE o.challenge_id = challenges.id AND ${entryStateSql("outcome", "o")} = 'validated'
        ORDER BY o.as_of DESC, o.id DESC LIMIT 1),
      outcome_validated = (
        SELECT ${entryStateSql("outcome", "o")} = 'validated'
        FROM current_outcome co JOIN outcomes o ON o.id = co.outcome_id
        WHERE co.challenge_id = challenges.id);
  `);
}

/** Per axis, the validation of the level in force (null: never reported): what the mentor's views show. */
export function currentAxisValidation(db: Db, challengeId: number): AxesReview {
  const rows = db.all<ValidationColumns & { axis: Axis }>(
    `SELECT cs.axis, ${entryValidationColumns("status_update", "u")}
     FROM current_status cs JOIN status_updates u ON u.id = cs.status_update_id
     WHERE cs.challenge_id = ?`,
    [challengeId],
  );
  const byAxis = new Map(rows.map((row) => [row.axis, toEntryReview(row)]));
  return Object.fromEntries(AXES.map((axis) => [axis, byAxis.get(axis) ?? null])) as AxesReview;
}
