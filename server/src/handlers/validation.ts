// Validation of mentors' declarations (issue 9): the admin's queue and decisions, and the
// mentor's view of what was sent back.
import type { Request } from "express";
import { ConflictError, NotFoundError } from "../http/errors";
import { recordAudit } from "../repositories/audit";
import { decide, dismiss, findDecidableEntry, queueEntry, sentBackForMentor, validationQueue, type EntryKind } from "../repositories/validation";
import type {
  bulkValidationSchema,
  BulkValidationResult,
  dismissalSchema,
  DismissalResult,
  validationDecisionSchema,
  validationQueueQuerySchema,
  ValidationResult,
} from "@shared/validation";
import type { itemIdParamsSchema } from "@shared/writes";
import type { ValidationDecision } from "@shared/domain";
import type { Ctx, Deps, Input } from "./context";
import { t } from "../i18n/messages";

export const getValidationQueue =
  ({ db }: Deps) =>
  ({ query }: Input<{ query: typeof validationQueueQuerySchema }>) =>
    validationQueue(db, query);

export const getMySentBack =
  ({ db }: Deps) =>
  (_input: Input, ctx: Ctx) =>
    sentBackForMentor(db, ctx.user.id);

/** Finds the challenge of an outcome, for the 404 of the access checks. */
export const outcomeChallenge = (db: Deps["db"], req: Request) => {
  const id = Number(req.params.id);
  if (!Number.isInteger(id) || id <= 0) return undefined;
  return db.get<{ id: number; slug: string }>(
    "SELECT c.id, c.slug FROM outcomes o JOIN challenges c ON c.id = o.challenge_id WHERE o.id = ?",
    [id],
  );
};

const UNKNOWN = { status_update: "validation.updateUnknown", outcome: "validation.outcomeUnknown" } as const;
const ALREADY = {
  status_update: { validated: "validation.update.validated", sent_back: "validation.update.sent_back" },
  outcome: { validated: "validation.outcome.validated", sent_back: "validation.outcome.sent_back" },
} as const satisfies Record<EntryKind, Record<ValidationDecision, string>>;

/** What a grouped validation or a dismissal says of one entry it refuses, per kind (grammatical gender). */
const REFUSED = {
  status_update: {
    notOfChallenge: "validation.bulk.update.notOfChallenge",
    alreadyValidated: "validation.bulk.update.alreadyValidated",
    notPending: "validation.bulk.update.notPending",
    inForce: "validation.bulk.update.inForce",
    alreadyDismissed: "validation.bulk.update.alreadyDismissed",
  },
  outcome: {
    notOfChallenge: "validation.bulk.outcome.notOfChallenge",
    alreadyValidated: "validation.bulk.outcome.alreadyValidated",
    notPending: "validation.bulk.outcome.notPending",
    inForce: "validation.bulk.outcome.inForce",
    alreadyDismissed: "validation.bulk.outcome.alreadyDismissed",
  },
} as const satisfies Record<EntryKind, Record<string, string>>;

/**
 * Validates or sends back a declaration. Deciding what the entry's state already is answers
 * 409 and writes nothing: a second identical decision is most often a second admin (or a
 * second click) arriving late, and the answer tells them the current state instead of
 * stacking a duplicate in history. Changing one's mind (validated ↔ sent back) is allowed.
 */
export const postValidation =
  (kind: EntryKind, { db }: Deps) =>
  ({ params: { id }, body }: Input<{ params: typeof itemIdParamsSchema; body: typeof validationDecisionSchema }>, ctx: Ctx) =>
    db.transaction((): ValidationResult => {
      const entry = findDecidableEntry(db, kind, id);
      if (!entry) throw new NotFoundError(t(UNKNOWN[kind]));
      if (entry.retracted) {
        throw new ConflictError(t("validation.retracted"));
      }
      if (entry.validation.state === body.decision) {
        throw new ConflictError(t(ALREADY[kind][body.decision]), { current: entry.validation });
      }
      const { user } = ctx;
      decide(db, entry, { decision: body.decision, comment: body.comment ?? null, adminId: user.id, adminName: user.name });
      const after = findDecidableEntry(db, kind, id)!;
      recordAudit(db, {
        ...ctx.audit,
        action: body.decision === "validated" ? `${kind}.validated` : `${kind}.sent_back`,
        targetType: kind,
        targetId: id,
        before: entry.validation,
        after: { challenge: entry.challengeSlug, ...after.validation },
      });
      return { kind, id, challenge: entry.challengeSlug, validation: after.validation };
    });

/**
 * Validates, in one transaction, the declarations of one challenge the reviewer saw. Each is
 * checked as a single validation would be (unknown or of another challenge: 404; retracted or
 * already validated: 409) and any refusal writes nothing; each gets its own decision and
 * audit entry, as if validated one by one.
 */
export const postChallengeValidations =
  ({ db }: Deps) =>
  ({ body: { entries } }: Input<{ body: typeof bulkValidationSchema }>, ctx: Ctx): BulkValidationResult => {
    const { challenge, user } = ctx;
    const results = db.transaction((): ValidationResult[] =>
      entries.map(({ kind, id }) => {
        const entry = findDecidableEntry(db, kind, id);
        if (!entry || entry.challengeId !== challenge.id) throw new NotFoundError(t(REFUSED[kind].notOfChallenge, { id }));
        if (entry.retracted) {
          throw new ConflictError(t("validation.bulk.retracted", { id }));
        }
        if (entry.validation.state === "validated") {
          throw new ConflictError(t(REFUSED[kind].alreadyValidated, { id }), { current: entry.validation });
        }
        decide(db, entry, { decision: "validated", comment: null, adminId: user.id, adminName: user.name });
        const after = findDecidableEntry(db, kind, id)!;
        recordAudit(db, {
          ...ctx.audit,
          action: `${kind}.validated`,
          targetType: kind,
          targetId: id,
          before: entry.validation,
          after: { challenge: entry.challengeSlug, ...after.validation },
        });
        return { kind, id, challenge: entry.challengeSlug, validation: after.validation };
      }),
    );
    return { results };
  };

/**
 * Sets aside, in one transaction, declarations a newer one has replaced: they leave the queue
 * without a decision, so nothing the charts count changes (docs/decisions/0004). Refused (409,
 * nothing written) for an entry in force, validated, or already set aside.
 */
export const postDismissals =
  ({ db }: Deps) =>
  ({ body: { entries } }: Input<{ body: typeof dismissalSchema }>, ctx: Ctx): DismissalResult => {
    const { user } = ctx;
    const dismissed = db.transaction(() => {
      for (const { kind, id } of entries) {
        const entry = queueEntry(db, kind, id);
        if (!entry) throw new NotFoundError(t(REFUSED[kind].notPending, { id }));
        if (!entry.superseded) throw new ConflictError(t(REFUSED[kind].inForce, { id }));
        if (entry.validation.state === "validated") throw new ConflictError(t(REFUSED[kind].alreadyValidated, { id }));
        if (entry.dismissed) throw new ConflictError(t(REFUSED[kind].alreadyDismissed, { id }));
        dismiss(db, { kind, id, challengeId: entry.challengeId }, user);
        recordAudit(db, {
          ...ctx.audit,
          action: `${kind}.dismissed`,
          targetType: kind,
          targetId: id,
          before: entry.validation,
          after: { challenge: entry.challenge.slug, dismissed: true },
        });
      }
      return entries.length;
    });
    return { dismissed };
  };
