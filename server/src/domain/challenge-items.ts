// A challenge's plan after the programme: its actions, scenarios, allies and resources (one
// create, edit and delete for the four, items edited with optimistic locking), and its
// handover checklist. Each write bumps the challenge's version and is audited, in one
// transaction owned here.
import { parisDate } from "@shared/dates";
import type { ChecklistItem } from "@shared/challenge";
import { MAX_SCENARIOS, type ChecklistItemUpdate } from "@shared/writes";
import type { Db } from "../db/database";
import { recordAudit } from "../repositories/audit";
import type { ChallengeRef } from "../repositories/challenge-refs";
import { touchChallenge } from "../repositories/challenge-touch";
import {
  clearPreferredScenario,
  countScenarios,
  deleteItem,
  findItem,
  insertItem,
  scenarioBelongsTo,
  updateItem,
  type ItemKind,
} from "../repositories/challenge-items";
import { listChecklist, setChecklistItem } from "../repositories/checklist";
import { auditedBy, type Actor } from "./actor";
import { InvalidInput, message, NotFound, StateConflict } from "./errors";

type Fields = Record<string, unknown>;

/** Ticks or unticks one item of the handover checklist, with its link. Returns the item. */
export function updateChecklistItem(db: Db, challenge: ChallengeRef, key: string, input: ChecklistItemUpdate, by: Actor): ChecklistItem {
  return db.transaction(() => {
    const before = listChecklist(db, challenge.id).find((item) => item.key === key)!;
    setChecklistItem(db, challenge.id, { key, done: input.done, link: input.link ?? null });
    touchChallenge(db, challenge.id, { report: false });
    const after = listChecklist(db, challenge.id).find((item) => item.key === key)!;
    recordAudit(db, { ...auditedBy(by), action: "checklist.updated", targetType: "challenge", targetId: challenge.slug, before, after });
    return after;
  });
}

/** Checks what the item tables' constraints cannot say well: scenario limits and links. */
function checkItemRules(db: Db, kind: ItemKind, challengeId: number, fields: Fields, existing?: { id: number; isStop?: boolean }): void {
  if (kind === "action" && typeof fields.scenarioId === "number" && !scenarioBelongsTo(db, fields.scenarioId, challengeId)) {
    throw new InvalidInput([{ field: "scenarioId", reason: message("items.scenarioElsewhere") }]);
  }
  if (kind === "scenario") {
    const counts = countScenarios(db, challengeId);
    const wasStop = existing?.isStop ?? false;
    const isStop = fields.isStop === undefined ? wasStop : fields.isStop === true;
    if (isStop && !wasStop && counts.stop >= 1) throw new StateConflict(message("items.stopExists"));
    if (!isStop && (wasStop || !existing) && counts.regular >= MAX_SCENARIOS) throw new StateConflict(message("items.tooManyScenarios"));
    // One preferred scenario: choosing another one moves the mark.
    if (fields.preferred === true) clearPreferredScenario(db, challengeId, existing?.id ?? null);
  }
}

const ITEM_UNKNOWN = {
  action: "items.action.unknown",
  scenario: "items.scenario.unknown",
  ally: "items.ally.unknown",
  resource: "items.resource.unknown",
} as const satisfies Record<ItemKind, string>;

const ITEM_CHANGED = {
  action: "items.action.changed",
  scenario: "items.scenario.changed",
  ally: "items.ally.changed",
  resource: "items.resource.changed",
} as const satisfies Record<ItemKind, string>;

/** The item as it is now; not found, or a conflict carrying it when it changed since the editor read it. */
function itemAtVersion<K extends ItemKind>(db: Db, kind: K, id: number, expected: number) {
  const current = findItem(db, kind, id);
  if (!current) throw new NotFound(message(ITEM_UNKNOWN[kind as ItemKind]));
  if (current.version !== expected) {
    const { challengeId: _challengeId, ...item } = current;
    throw new StateConflict(message(ITEM_CHANGED[kind as ItemKind]), item);
  }
  return current;
}

/** Adds an action, scenario, ally or resource to the challenge. Returns it. */
export function addChallengeItem(db: Db, kind: ItemKind, challenge: ChallengeRef, fields: Fields, by: Actor) {
  return db.transaction(() => {
    checkItemRules(db, kind, challenge.id, fields);
    const id = insertItem(db, kind, challenge.id, fields, { name: by.name, asOf: parisDate() });
    touchChallenge(db, challenge.id, { report: false });
    const { challengeId: _challengeId, ...item } = findItem(db, kind, id)!;
    recordAudit(db, { ...auditedBy(by), action: `${kind}.created`, targetType: kind, targetId: id, after: item });
    return item;
  });
}

/** Changes the given fields of an item still at version `expected`. Returns it. */
export function editChallengeItem(db: Db, kind: ItemKind, challenge: ChallengeRef, id: number, fields: Fields, expected: number, by: Actor) {
  return db.transaction(() => {
    const before = itemAtVersion(db, kind, id, expected);
    checkItemRules(db, kind, challenge.id, fields, { id, isStop: (before as { isStop?: boolean }).isStop });
    updateItem(db, kind, id, fields);
    touchChallenge(db, challenge.id, { report: false });
    const { challengeId: _challengeId, ...after } = findItem(db, kind, id)!;
    recordAudit(db, { ...auditedBy(by), action: `${kind}.updated`, targetType: kind, targetId: id, before, after });
    return after;
  });
}

/** Deletes an item still at version `expected`. */
export function deleteChallengeItem(db: Db, kind: ItemKind, challenge: ChallengeRef, id: number, expected: number, by: Actor): void {
  db.transaction(() => {
    const before = itemAtVersion(db, kind, id, expected);
    deleteItem(db, kind, id);
    touchChallenge(db, challenge.id, { report: false });
    recordAudit(db, { ...auditedBy(by), action: `${kind}.deleted`, targetType: kind, targetId: id, before });
  });
}
