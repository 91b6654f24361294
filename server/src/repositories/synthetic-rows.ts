// The rows of a synthetic dataset (server/src/cli/synthetic-dataset.ts), written in bulk. Each
// statement is prepared once and cached by the Db wrapper, and the caller runs them all inside
// one transaction: a million rows go in within seconds.
import type { Db } from "../db/database";

export interface SyntheticPromotionRow {
  key: string;
  label: string;
  year: number;
  startsOn: string;
  endsOn: string;
  position: number;
}

export interface SyntheticChallengeRow {
  id: number;
  slug: string;
  title: string;
  promotionKey: string;
  administration: string;
  city: string | null;
  year: number;
  durationMonths: number;
  startsOn: string;
  endsOn: string;
  eigCount: number;
  mentorCount: number;
  searchText: string;
  updatedAt: string;
}

/** Entries written by the generator have no author account, only the author's name. */
export interface SyntheticStatusUpdateRow {
  challengeId: number;
  axis: string;
  level: number;
  note: string | null;
  asOf: string;
  recordedAt: string;
  authorName: string;
}

export interface SyntheticOutcomeRow {
  challengeId: number;
  /** JSON array of outcome categories. */
  categories: string;
  path: string | null;
  note: string | null;
  asOf: string;
  recordedAt: string;
  authorName: string;
}

export interface SyntheticActionRow {
  challengeId: number;
  kind: string;
  title: string;
  status: string;
  dueOn: string;
  asOf: string;
  authorName: string;
  at: string;
}

export interface SyntheticResourceRow {
  challengeId: number;
  peopleKept: number;
  arrangement: string;
  timeShare: string;
  budgetSecured: boolean;
  hosting: string | null;
  at: string;
}

const INSERT_PROMOTION =
  "INSERT INTO promotions (key, label, year, starts_on, ends_on, dates_approximate, position) VALUES (?, ?, ?, ?, ?, 0, ?)";
const INSERT_CHALLENGE = `INSERT INTO challenges (id, slug, title, promotion_key, administration, city, year, duration_months, starts_on, ends_on,
     dates_approximate, eig_count, mentor_count, search_text, updated_at)
   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)`;
const INSERT_SKILL = "INSERT INTO challenge_skills (challenge_id, skill) VALUES (?, ?)";
const INSERT_STATUS_UPDATE = `INSERT INTO status_updates (challenge_id, axis, level, note, as_of, recorded_at, author_id, author_name, kind)
   VALUES (?, ?, ?, ?, ?, ?, NULL, ?, 'update')`;
const INSERT_OUTCOME = `INSERT INTO outcomes (challenge_id, categories, path, note, as_of, recorded_at, author_id, author_name)
   VALUES (?, ?, ?, ?, ?, ?, NULL, ?)`;
const INSERT_ACTION = `INSERT INTO actions (challenge_id, kind, title, status, due_on, as_of, author_name, created_at, updated_at)
   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`;
const INSERT_RESOURCE = `INSERT INTO resources (challenge_id, people_kept, arrangement, time_share, budget_secured, hosting, created_at, updated_at)
   VALUES (?, ?, ?, ?, ?, ?, ?, ?)`;

export function insertSyntheticPromotion(db: Db, row: SyntheticPromotionRow): void {
  db.run(INSERT_PROMOTION, [row.key, row.label, row.year, row.startsOn, row.endsOn, row.position]);
}

export function insertSyntheticChallenge(db: Db, row: SyntheticChallengeRow, skills: readonly string[]): void {
  db.run(INSERT_CHALLENGE, [
    row.id,
    row.slug,
    row.title,
    row.promotionKey,
    row.administration,
    row.city,
    row.year,
    row.durationMonths,
    row.startsOn,
    row.endsOn,
    row.eigCount,
    row.mentorCount,
    row.searchText,
    row.updatedAt,
  ]);
  for (const skill of skills) db.run(INSERT_SKILL, [row.id, skill]);
}

export function insertSyntheticStatusUpdate(db: Db, row: SyntheticStatusUpdateRow): void {
  db.run(INSERT_STATUS_UPDATE, [row.challengeId, row.axis, row.level, row.note, row.asOf, row.recordedAt, row.authorName]);
}

export function insertSyntheticOutcome(db: Db, row: SyntheticOutcomeRow): void {
  db.run(INSERT_OUTCOME, [row.challengeId, row.categories, row.path, row.note, row.asOf, row.recordedAt, row.authorName]);
}

export function insertSyntheticAction(db: Db, row: SyntheticActionRow): void {
  db.run(INSERT_ACTION, [row.challengeId, row.kind, row.title, row.status, row.dueOn, row.asOf, row.authorName, row.at, row.at]);
}

export function insertSyntheticResource(db: Db, row: SyntheticResourceRow): void {
  db.run(INSERT_RESOURCE, [
    row.challengeId,
    row.peopleKept,
    row.arrangement,
    row.timeShare,
    row.budgetSecured ? 1 : 0,
    row.hosting,
    row.at,
    row.at,
  ]);
}

/**
 * After the bulk rebuild of the derived tables: a challenge was last changed when it last
 * reported, as the write path would have it; and the dataset says it is synthetic, and how
 * to generate it again.
 */
export function finishSyntheticDataset(db: Db, source: string): void {
  db.run("UPDATE challenges SET updated_at = last_report_at WHERE last_report_at > updated_at");
  db.run("UPDATE dataset_info SET is_synthetic = 1, source = ? WHERE id = 1", [source]);
}

/** One big transaction ahead: let it stay in memory rather than spill pages to the WAL mid-way. */
export function prepareForBulkLoad(db: Db): void {
  db.pragma("cache_size = -1048576");
}

/** Planner statistics for the whole file, once it is loaded: the reads then pick their indexes well. */
export function analyzeAfterBulkLoad(db: Db): void {
  db.exec("ANALYZE");
}
