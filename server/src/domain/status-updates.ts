// Recording a status update, confirming the current levels ("Toujours exact"), retracting a
// mistaken update. Each appends to the history, brings every table derived from that axis's
// history in line (current status, the trajectories of the three views, the validation flags,
// the challenge's version; the data revision follows by trigger) and writes its audit entry,
// in one transaction that the use case owns: all of it is written, or nothing
// (docs/decisions/0001-schema-and-derived-state.md).
import type { z } from "zod";
import type { StatusUpdate } from "@shared/challenge";
import { parisDate } from "@shared/dates";
import { AXES, type Axis } from "@shared/domain";
import type { newStatusUpdateSchema } from "@shared/writes";
import type { Db } from "../db/database";
import { recordAudit } from "../repositories/audit";
import type { ChallengeRef } from "../repositories/challenge-refs";
import { touchChallenge } from "../repositories/challenge-touch";
import {
  currentLevel,
  findStatusUpdate,
  insertRetraction,
  insertStatusUpdate,
  refreshCurrentStatus,
  type NewStatusUpdateRecord,
} from "../repositories/status-updates";
import { refreshTrajectory } from "../repositories/trajectory-steps";
import { currentAxisValidation, refreshAxisValidation, validateIfAdmin } from "../repositories/review";
import { auditedBy, type Actor } from "./actor";
import { message, NotFound, StateConflict } from "./errors";

/** Keeps every table derived from one axis's history in line with it. */
function refreshAxis(db: Db, challengeId: number, axis: Axis): void {
  refreshCurrentStatus(db, challengeId, axis);
  refreshTrajectory(db, challengeId, axis);
  // After the current status: whether it is validated reads current_status
  // (docs/decisions/0004-validation-of-declarations.md).
  refreshAxisValidation(db, challengeId, axis);
}

/**
 * Appends a status update with all its derived effects but no audit entry; inside the caller's
 * transaction (the use cases below, and the tests that build a history). Returns its id.
 */
export function appendStatusUpdate(db: Db, update: NewStatusUpdateRecord): number {
  const id = insertStatusUpdate(db, update);
  validateIfAdmin(db, "status_update", id, update.challengeId, update.authorId);
  refreshAxis(db, update.challengeId, update.axis);
  touchChallenge(db, update.challengeId, { report: true });
  return id;
}

/** Takes a mistaken update out of every count (it stays in history with its reason); inside the caller's transaction. */
export function retractStatusUpdate(
  db: Db,
  update: { id: number; challengeId: number; axis: Axis },
  retraction: { reason: string; authorId: number | null; authorName: string },
): void {
  insertRetraction(db, update.id, retraction);
  refreshAxis(db, update.challengeId, update.axis);
  touchChallenge(db, update.challengeId, { report: false });
}

const withoutChallengeId = ({ challengeId: _challengeId, ...update }: StatusUpdate & { challengeId: number }): StatusUpdate => update;

/** A mentor (or the programme team) reports the level of one axis. Returns the stored update. */
export function recordStatusUpdate(db: Db, challenge: ChallengeRef, input: z.output<typeof newStatusUpdateSchema>, by: Actor): StatusUpdate {
  return db.transaction(() => {
    const id = appendStatusUpdate(db, {
      challengeId: challenge.id,
      axis: input.axis,
      level: input.level,
      note: input.note ?? null,
      evidenceUrl: input.evidenceUrl ?? null,
      asOf: input.asOf ?? parisDate(),
      authorId: by.id,
      authorName: by.name,
    });
    const stored = findStatusUpdate(db, id)!;
    recordAudit(db, { ...auditedBy(by), action: "status_update.created", targetType: "challenge", targetId: challenge.slug, after: stored });
    return withoutChallengeId(stored);
  });
}

/**
 * "Toujours exact": confirms the current level of each asked axis (by default, every reported
 * one), as a dated entry. Returns the confirmations.
 */
export function confirmStatus(db: Db, challenge: ChallengeRef, axes: readonly Axis[] | undefined, by: Actor): StatusUpdate[] {
  return db.transaction(() => {
    // A level the programme team sent back is not "still accurate": it needs a new level, so
    // it is never confirmed (by default it is left out; asked for by name, it is refused).
    const validation = currentAxisValidation(db, challenge.id);
    const sentBack = (axis: Axis) => validation[axis]?.state === "sent_back";
    const reported = AXES.filter((axis) => currentLevel(db, challenge.id, axis));
    const asked: readonly Axis[] = axes ?? reported.filter((axis) => !sentBack(axis));
    if (asked.length === 0) {
      throw new StateConflict(message(reported.length > 0 ? "writes.onlySentBack" : "writes.nothingToConfirm"));
    }
    const updates = [...new Set(asked)].map((axis) => {
      const current = currentLevel(db, challenge.id, axis);
      if (!current) throw new StateConflict(message("writes.axisUnreported", { axis }));
      if (sentBack(axis)) throw new StateConflict(message("writes.axisSentBack", { axis }));
      const id = appendStatusUpdate(db, {
        challengeId: challenge.id,
        axis,
        level: current.level,
        note: "Toujours exact",
        asOf: parisDate(),
        kind: "confirmation",
        authorId: by.id,
        authorName: by.name,
      });
      return withoutChallengeId(findStatusUpdate(db, id)!);
    });
    recordAudit(db, { ...auditedBy(by), action: "status.confirmed", targetType: "challenge", targetId: challenge.slug, after: updates });
    return updates;
  });
}

/** Retracts a mistaken update, with its reason. Returns the retraction. */
export function recordRetraction(
  db: Db,
  challenge: ChallengeRef,
  statusUpdateId: number,
  reason: string,
  by: Actor,
): NonNullable<StatusUpdate["retraction"]> {
  return db.transaction(() => {
    const update = findStatusUpdate(db, statusUpdateId);
    if (!update) throw new NotFound(message("writes.updateUnknown"));
    if (update.retraction) throw new StateConflict(message("writes.alreadyRetracted"));
    retractStatusUpdate(
      db,
      { id: statusUpdateId, challengeId: challenge.id, axis: update.axis },
      { reason, authorId: by.id, authorName: by.name },
    );
    const after = findStatusUpdate(db, statusUpdateId)!;
    recordAudit(db, {
      ...auditedBy(by),
      action: "status_update.retracted",
      targetType: "challenge",
      targetId: challenge.slug,
      before: update,
      after,
    });
    return after.retraction!;
  });
}
