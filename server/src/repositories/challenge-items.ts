// The sustainability work recorded under a challenge: actions, scenarios, allies and
// post-programme resources. They share one shape (rows under a challenge, created, patched
// and deleted by its editors), so one repository serves the four, each described by a
// fixed column map. Table and column names come only from these constants; values always
// go through placeholders.
import type { Db } from "../db/database";
import type { ChallengeRef } from "./challenge-refs";
import type { Action, Ally, Resource, Scenario } from "@shared/challenge";

export type ItemKind = "action" | "scenario" | "ally" | "resource";

interface ItemTable {
  table: string;
  /** camelCase field → SQL column, for the writable fields. */
  columns: Record<string, string>;
  /** Boolean fields, stored as 0/1. */
  booleans: string[];
  /** SELECT list, aliased to the API's field names. */
  select: string;
  orderBy: string;
}

const ITEM_TABLES: Record<ItemKind, ItemTable> = {
  action: {
    table: "actions",
    columns: { kind: "kind", title: "title", status: "status", dueOn: "due_on", owner: "owner", scenarioId: "scenario_id" },
    booleans: [],
    select: `id, kind, title, status, due_on AS dueOn, owner, scenario_id AS scenarioId, as_of AS asOf, author_name AS authorName, version`,
    orderBy: "id",
  },
  scenario: {
    table: "scenarios",
    columns: {
      title: "title",
      needs: "needs",
      resourcesNeeded: "resources_needed",
      governance: "governance",
      calendar: "calendar",
      preferred: "preferred",
      isStop: "is_stop",
    },
    booleans: ["preferred", "isStop"],
    select: `id, title, needs, resources_needed AS resourcesNeeded, governance, calendar, preferred, is_stop AS isStop, version`,
    orderBy: "preferred DESC, is_stop, id",
  },
  ally: {
    table: "allies",
    columns: { name: "name", kind: "kind", role: "role" },
    booleans: [],
    select: `id, name, kind, role, as_of AS asOf, author_name AS authorName, version`,
    orderBy: "id",
  },
  resource: {
    table: "resources",
    columns: {
      peopleKept: "people_kept",
      arrangement: "arrangement",
      timeShare: "time_share",
      budgetSecured: "budget_secured",
      hosting: "hosting",
      note: "note",
    },
    booleans: ["budgetSecured"],
    select: `id, people_kept AS peopleKept, arrangement, time_share AS timeShare, budget_secured AS budgetSecured, hosting, note, version`,
    orderBy: "id",
  },
};

export interface ItemTypes {
  action: Action;
  scenario: Scenario;
  ally: Ally;
  resource: Resource;
}

function fromRow<K extends ItemKind>(kind: K, row: Record<string, unknown>): ItemTypes[K] {
  const item = { ...row };
  for (const field of ITEM_TABLES[kind].booleans) item[field] = item[field] === 1;
  return item as unknown as ItemTypes[K];
}

function toParams(kind: ItemKind, fields: Record<string, unknown>): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(fields)) {
    if (!(field in ITEM_TABLES[kind].columns) || value === undefined) continue;
    params[field] = typeof value === "boolean" ? (value ? 1 : 0) : value;
  }
  return params;
}

export function listItems<K extends ItemKind>(db: Db, kind: K, challengeId: number): ItemTypes[K][] {
  const { table, select, orderBy } = ITEM_TABLES[kind];
  return db
    .all<Record<string, unknown>>(`SELECT ${select} FROM ${table} WHERE challenge_id = ? ORDER BY ${orderBy}`, [challengeId])
    .map((row) => fromRow(kind, row));
}

export function findItem<K extends ItemKind>(db: Db, kind: K, id: number): (ItemTypes[K] & { challengeId: number }) | undefined {
  const { table, select } = ITEM_TABLES[kind];
  const row = db.get<Record<string, unknown>>(`SELECT ${select}, challenge_id AS challengeId FROM ${table} WHERE id = ?`, [id]);
  return row && (fromRow(kind, row) as ItemTypes[K] & { challengeId: number });
}

/** The challenge an item belongs to, for the ownership check of `/api/<items>/:id`. */
export function challengeOfItem(db: Db, kind: ItemKind, id: number): ChallengeRef | undefined {
  return db.get(
    `SELECT c.id, c.slug FROM ${ITEM_TABLES[kind].table} i JOIN challenges c ON c.id = i.challenge_id WHERE i.id = ?`,
    [id],
  );
}

export function insertItem(
  db: Db,
  kind: ItemKind,
  challengeId: number,
  fields: Record<string, unknown>,
  author: { name: string; asOf: string },
): number {
  const { table } = ITEM_TABLES[kind];
  const params = toParams(kind, fields);
  const columns = Object.keys(params).map((field) => ITEM_TABLES[kind].columns[field]);
  // Actions and allies keep who recorded them and when, like the seed's public entries.
  const signed = kind === "action" || kind === "ally";
  const { lastInsertRowid } = db.run(
    `INSERT INTO ${table} (challenge_id, ${[...columns, ...(signed ? ["author_name", "as_of"] : [])].join(", ")})
     VALUES (@challengeId, ${[...Object.keys(params), ...(signed ? ["authorName", "asOf"] : [])].map((f) => `@${f}`).join(", ")})`,
    { challengeId, ...params, ...(signed ? { authorName: author.name, asOf: author.asOf } : {}) },
  );
  return Number(lastInsertRowid);
}

/** Writes the given fields and moves the item to its next version (even with no field: the edit was seen). */
export function updateItem(db: Db, kind: ItemKind, id: number, fields: Record<string, unknown>): void {
  const params = toParams(kind, fields);
  const assignments = Object.keys(params).map((field) => `${ITEM_TABLES[kind].columns[field]} = @${field}, `);
  db.run(
    `UPDATE ${ITEM_TABLES[kind].table} SET ${assignments.join("")}version = version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
     WHERE id = @id`,
    { ...params, id },
  );
}

export function deleteItem(db: Db, kind: ItemKind, id: number): void {
  db.run(`DELETE FROM ${ITEM_TABLES[kind].table} WHERE id = ?`, [id]);
}

/** Scenarios: one preferred per challenge; choosing one unmarks the others (a change of theirs, hence a new version). */
export function clearPreferredScenario(db: Db, challengeId: number, exceptId: number | null): void {
  db.run("UPDATE scenarios SET preferred = 0, version = version + 1 WHERE challenge_id = ? AND id IS NOT ? AND preferred = 1", [challengeId, exceptId]);
}

export function countScenarios(db: Db, challengeId: number): { regular: number; stop: number } {
  return db.get<{ regular: number; stop: number }>(
    `SELECT coalesce(sum(is_stop = 0), 0) AS regular, coalesce(sum(is_stop = 1), 0) AS stop FROM scenarios WHERE challenge_id = ?`,
    [challengeId],
  )!;
}

export function scenarioBelongsTo(db: Db, scenarioId: number, challengeId: number): boolean {
  return db.get("SELECT 1 FROM scenarios WHERE id = ? AND challenge_id = ?", [scenarioId, challengeId]) !== undefined;
}
