// The mentors' writes. Each one: validated body (shared schemas) → one transaction that
// writes, bumps the challenge's version and appends to the audit log.
import type { Request, RequestHandler, Response } from "express";
import { ConflictError, NotFoundError, ValidationError } from "../http/errors";
import { expectedVersion } from "../http/if-match";
import { currentSession } from "../http/access";
import { recordAudit } from "../repositories/audit";
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
import { appendOutcome, challengeVersion, currentOutcome } from "../repositories/outcomes";
import { currentAxisValidation } from "../repositories/review";
import {
  appendStatusUpdate,
  currentLevel,
  findStatusUpdate,
  retractStatusUpdate,
} from "../repositories/status-updates";
import { AXES, type Axis } from "@shared/domain";
import type { OutcomeEntry } from "@shared/challenge";
import { parisDate } from "@shared/dates";
import {
  MAX_SCENARIOS,
  type ChecklistItemUpdate,
  type Confirmation,
  type newStatusUpdateSchema,
  type outcomeUpdateSchema,
} from "@shared/writes";
import type { z } from "zod";
import { auditContext, type Deps } from "./context";
import { t } from "../i18n/messages";

type ResolvedChallenge = { id: number; slug: string };
const challengeOf = (res: Response) => res.locals.challenge as ResolvedChallenge;
const author = (res: Response) => {
  const { user } = currentSession(res.locals);
  return { authorId: user.id, authorName: user.name };
};

export const postStatusUpdate =
  ({ db }: Deps): RequestHandler =>
  (req, res) => {
    const challenge = challengeOf(res);
    const body = res.locals.body as z.output<typeof newStatusUpdateSchema>;
    const stored = db.transaction(() => {
      const id = appendStatusUpdate(db, {
        challengeId: challenge.id,
        axis: body.axis,
        level: body.level,
        note: body.note ?? null,
        evidenceUrl: body.evidenceUrl ?? null,
        asOf: body.asOf ?? parisDate(),
        ...author(res),
      });
      const stored = findStatusUpdate(db, id)!;
      recordAudit(db, {
        ...auditContext(req, res),
        action: "status_update.created",
        targetType: "challenge",
        targetId: challenge.slug,
        after: stored,
      });
      return stored;
    });
    const { challengeId: _challengeId, ...update } = stored;
    res.status(201).json(update);
  };

/** "Toujours exact": confirms the current level of each asked axis, as a dated entry. */
export const postConfirmation =
  ({ db }: Deps): RequestHandler =>
  (req, res) => {
    const challenge = challengeOf(res);
    const { axes } = res.locals.body as Confirmation;
    const updates = db.transaction(() => {
      // A level the programme team sent back is not "still accurate": it needs a new level, so
      // it is never confirmed (by default it is left out; asked for by name, it is refused).
      const validation = currentAxisValidation(db, challenge.id);
      const sentBack = (axis: Axis) => validation[axis]?.state === "sent_back";
      const reported = AXES.filter((axis) => currentLevel(db, challenge.id, axis));
      const asked: readonly Axis[] = axes ?? reported.filter((axis) => !sentBack(axis));
      if (asked.length === 0) {
        throw new ConflictError(t(reported.length > 0 ? "writes.onlySentBack" : "writes.nothingToConfirm"));
      }
      const updates = [...new Set(asked)].map((axis) => {
        const current = currentLevel(db, challenge.id, axis);
        if (!current) throw new ConflictError(t("writes.axisUnreported", { axis }));
        if (sentBack(axis)) throw new ConflictError(t("writes.axisSentBack", { axis }));
        const id = appendStatusUpdate(db, {
          challengeId: challenge.id,
          axis,
          level: current.level,
          note: "Toujours exact",
          asOf: parisDate(),
          kind: "confirmation",
          ...author(res),
        });
        const { challengeId: _challengeId, ...update } = findStatusUpdate(db, id)!;
        return update;
      });
      recordAudit(db, {
        ...auditContext(req, res),
        action: "status.confirmed",
        targetType: "challenge",
        targetId: challenge.slug,
        after: updates,
      });
      return updates;
    });
    res.status(201).json({ updates });
  };

export const statusUpdateChallenge = (db: Deps["db"], req: Request) => {
  const id = Number(req.params.id);
  if (!Number.isInteger(id) || id <= 0) return undefined;
  return db.get<ResolvedChallenge>(
    "SELECT c.id, c.slug FROM status_updates u JOIN challenges c ON c.id = u.challenge_id WHERE u.id = ?",
    [id],
  );
};

export const postRetraction =
  ({ db }: Deps): RequestHandler =>
  (req, res) => {
    const challenge = challengeOf(res);
    const { id } = res.locals.params as { id: number };
    const { reason } = res.locals.body as { reason: string };
    const retraction = db.transaction(() => {
      const update = findStatusUpdate(db, id);
      if (!update) throw new NotFoundError(t("writes.updateUnknown"));
      if (update.retraction) throw new ConflictError(t("writes.alreadyRetracted"));
      const { authorId, authorName } = author(res);
      retractStatusUpdate(db, { id, challengeId: challenge.id, axis: update.axis }, { reason, authorId, authorName });
      const after = findStatusUpdate(db, id)!;
      recordAudit(db, {
        ...auditContext(req, res),
        action: "status_update.retracted",
        targetType: "challenge",
        targetId: challenge.slug,
        before: update,
        after,
      });
      return after.retraction!;
    });
    res.status(201).json({ statusUpdateId: id, ...retraction });
  };

/**
 * Whether a body (as normalised by the schema) says what the outcome in force already says. The
 * date is not compared: the form fills it with today, so an untouched form always differs there.
 */
function sameOutcome(current: OutcomeEntry, body: z.output<typeof outcomeUpdateSchema>): boolean {
  const categories = new Set<string>(body.categories);
  return (
    current.categories.length === categories.size &&
    current.categories.every((category) => categories.has(category)) &&
    current.path === (body.path ?? null) &&
    (current.note ?? null) === (body.note ?? null)
  );
}

/** The outcome is edited with optimistic locking: If-Match carries the version the mentor saw. */
export const putOutcome =
  ({ db }: Deps): RequestHandler =>
  (req, res) => {
    const challenge = challengeOf(res);
    const expected = expectedVersion(req);
    const body = res.locals.body as z.output<typeof outcomeUpdateSchema>;
    const result = db.transaction(() => {
      const version = challengeVersion(db, challenge.id);
      const before = currentOutcome(db, challenge.id);
      if (version !== expected) {
        throw new ConflictError(t("writes.changedSince"), {
          current: { outcome: before, version },
        });
      }
      // The pre-filled form saved as is: no new outcome, nobody credited, nothing to review.
      if (before && sameOutcome(before, body)) return { changed: false, outcome: before, version };
      const result = appendOutcome(db, {
        challengeId: challenge.id,
        categories: body.categories,
        path: body.path ?? null,
        note: body.note ?? null,
        asOf: body.asOf ?? parisDate(),
        ...author(res),
      });
      recordAudit(db, {
        ...auditContext(req, res),
        action: "outcome.updated",
        targetType: "challenge",
        targetId: challenge.slug,
        before,
        after: result.outcome,
      });
      return { changed: true, ...result };
    });
    res.setHeader("ETag", `"${result.version}"`);
    res.json(result);
  };

export const putChecklistItem =
  ({ db }: Deps): RequestHandler =>
  (req, res) => {
    const challenge = challengeOf(res);
    const { item: key } = res.locals.params as { item: string };
    const body = res.locals.body as ChecklistItemUpdate;
    const after = db.transaction(() => {
      const before = listChecklist(db, challenge.id).find((item) => item.key === key)!;
      setChecklistItem(db, challenge.id, { key, done: body.done, link: body.link ?? null });
      touchChallenge(db, challenge.id, { report: false });
      const after = listChecklist(db, challenge.id).find((item) => item.key === key)!;
      recordAudit(db, {
        ...auditContext(req, res),
        action: "checklist.updated",
        targetType: "challenge",
        targetId: challenge.slug,
        before,
        after,
      });
      return after;
    });
    res.json(after);
  };

// Actions, scenarios, allies, resources: one create/patch/delete for the four.

/** Checks what the item tables' constraints cannot say well: scenario limits and links. */
function checkItemRules(
  db: Deps["db"],
  kind: ItemKind,
  challengeId: number,
  fields: Record<string, unknown>,
  existing?: { id: number; isStop?: boolean },
): void {
  if (kind === "action" && typeof fields.scenarioId === "number" && !scenarioBelongsTo(db, fields.scenarioId, challengeId)) {
    throw new ValidationError([{ path: "body.scenarioId", message: t("items.scenarioElsewhere") }]);
  }
  if (kind === "scenario") {
    const counts = countScenarios(db, challengeId);
    const wasStop = existing?.isStop ?? false;
    const isStop = fields.isStop === undefined ? wasStop : fields.isStop === true;
    if (isStop && !wasStop && counts.stop >= 1) {
      throw new ConflictError(t("items.stopExists"));
    }
    if (!isStop && (wasStop || !existing) && counts.regular >= MAX_SCENARIOS) {
      throw new ConflictError(t("items.tooManyScenarios"));
    }
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

/** The item as it is now, or 404; 409 with it when it changed since the editor read it. */
function itemAtVersion<K extends ItemKind>(db: Deps["db"], kind: K, id: number, expected: number) {
  const current = findItem(db, kind, id);
  if (!current) throw new NotFoundError(t(ITEM_UNKNOWN[kind as ItemKind]));
  if (current.version !== expected) {
    const { challengeId: _challengeId, ...item } = current;
    throw new ConflictError(t(ITEM_CHANGED[kind as ItemKind]), {
      current: item,
    });
  }
  return current;
}

export const createItem =
  (kind: ItemKind, { db }: Deps): RequestHandler =>
  (req, res) => {
    const challenge = challengeOf(res);
    const fields = res.locals.body as Record<string, unknown>;
    const item = db.transaction(() => {
      checkItemRules(db, kind, challenge.id, fields);
      const id = insertItem(db, kind, challenge.id, fields, { name: author(res).authorName, asOf: parisDate() });
      touchChallenge(db, challenge.id, { report: false });
      const { challengeId: _challengeId, ...item } = findItem(db, kind, id)!;
      recordAudit(db, { ...auditContext(req, res), action: `${kind}.created`, targetType: kind, targetId: id, after: item });
      return item;
    });
    res.status(201).json(item);
  };

export const patchItem =
  (kind: ItemKind, { db }: Deps): RequestHandler =>
  (req, res) => {
    const challenge = challengeOf(res);
    const { id } = res.locals.params as { id: number };
    const fields = res.locals.body as Record<string, unknown>;
    const expected = expectedVersion(req, "item");
    const item = db.transaction(() => {
      const before = itemAtVersion(db, kind, id, expected);
      checkItemRules(db, kind, challenge.id, fields, { id, isStop: (before as { isStop?: boolean }).isStop });
      updateItem(db, kind, id, fields);
      touchChallenge(db, challenge.id, { report: false });
      const { challengeId: _challengeId, ...after } = findItem(db, kind, id)!;
      recordAudit(db, { ...auditContext(req, res), action: `${kind}.updated`, targetType: kind, targetId: id, before, after });
      return after;
    });
    res.json(item);
  };

export const removeItem =
  (kind: ItemKind, { db }: Deps): RequestHandler =>
  (req, res) => {
    const challenge = challengeOf(res);
    const { id } = res.locals.params as { id: number };
    const expected = expectedVersion(req, "item");
    db.transaction(() => {
      const before = itemAtVersion(db, kind, id, expected);
      deleteItem(db, kind, id);
      touchChallenge(db, challenge.id, { report: false });
      recordAudit(db, { ...auditContext(req, res), action: `${kind}.deleted`, targetType: kind, targetId: id, before });
    });
    res.status(204).end();
  };
