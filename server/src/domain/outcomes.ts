// Recording a challenge's outcome: what became of it (categories, sustainability path, note).
// Edited with optimistic locking, in one transaction owned here with its derived effects and
// its audit entry (docs/decisions/0001-schema-and-derived-state.md).
import type { z } from "zod";
import type { OutcomeEntry } from "@shared/challenge";
import { parisDate } from "@shared/dates";
import type { outcomeUpdateSchema } from "@shared/writes";
import type { Db } from "../db/database";
import { recordAudit } from "../repositories/audit";
import type { ChallengeRef } from "../repositories/challenge-refs";
import { touchChallenge } from "../repositories/challenge-touch";
import {
  challengeVersion,
  currentOutcome,
  findOutcome,
  insertOutcome,
  refreshCurrentOutcome,
  refreshOutcomeMask,
  type NewOutcomeRecord,
} from "../repositories/outcomes";
import { validateIfAdmin } from "../repositories/review";
import { auditedBy, type Actor } from "./actor";
import { message, StateConflict } from "./errors";

type OutcomeInput = z.output<typeof outcomeUpdateSchema>;

/**
 * Appends an outcome with its derived effects (the outcome in force, the challenge row's
 * categories and validation flags, its version) but no audit entry; inside the caller's
 * transaction (recordOutcome, and the tests that build a history).
 */
export function appendOutcome(db: Db, outcome: NewOutcomeRecord): { outcome: OutcomeEntry; version: number } {
  const id = insertOutcome(db, outcome);
  validateIfAdmin(db, "outcome", id, outcome.challengeId, outcome.authorId);
  refreshCurrentOutcome(db, outcome.challengeId);
  refreshOutcomeMask(db, outcome.challengeId);
  const version = touchChallenge(db, outcome.challengeId, { report: true });
  return { outcome: findOutcome(db, id)!, version };
}

/**
 * Whether an input (as normalised by the schema) says what the outcome in force already says. The
 * date is not compared: the form fills it with today, so an untouched form always differs there.
 */
function sameOutcome(current: OutcomeEntry, input: OutcomeInput): boolean {
  const categories = new Set<string>(input.categories);
  return (
    current.categories.length === categories.size &&
    current.categories.every((category) => categories.has(category)) &&
    current.path === (input.path ?? null) &&
    (current.note ?? null) === (input.note ?? null)
  );
}

/**
 * Records a new outcome when the challenge is still at `expectedVersion` (the version the mentor
 * saw); a conflict carrying the current outcome and version otherwise.
 */
export function recordOutcome(
  db: Db,
  challenge: ChallengeRef,
  input: OutcomeInput,
  expectedVersion: number,
  by: Actor,
): { changed: boolean; outcome: OutcomeEntry | null; version: number } {
  return db.transaction(() => {
    const version = challengeVersion(db, challenge.id);
    const before = currentOutcome(db, challenge.id);
    if (version !== expectedVersion) throw new StateConflict(message("writes.changedSince"), { outcome: before, version });
    // The pre-filled form saved as is: no new outcome, nobody credited, nothing to review.
    if (before && sameOutcome(before, input)) return { changed: false, outcome: before, version };
    const result = appendOutcome(db, {
      challengeId: challenge.id,
      categories: input.categories,
      path: input.path ?? null,
      note: input.note ?? null,
      asOf: input.asOf ?? parisDate(),
      authorId: by.id,
      authorName: by.name,
    });
    recordAudit(db, {
      ...auditedBy(by),
      action: "outcome.updated",
      targetType: "challenge",
      targetId: challenge.slug,
      before,
      after: result.outcome,
    });
    return { changed: true, ...result };
  });
}
