// Review of mentors' declarations (docs/decisions/0004-validation-of-declarations.md): the admin's queue and decisions, and the
// mentor's view of what was sent back.
import { ConflictError, NotFoundError } from "../http/errors";
import { recordAudit } from "../repositories/audit";
import { decide, dismiss, findDecidableEntry, queueEntry, sentBackForMentor, reviewQueue, type EntryKind } from "../repositories/review";
import type {
  bulkReviewSchema,
  BulkReviewResult,
  dismissalSchema,
  DismissalResult,
  reviewDecisionSchema,
  reviewQueueQuerySchema,
  ReviewResult,
} from "@shared/review";
import type { itemIdParamsSchema } from "@shared/writes";
import type { ValidationDecision } from "@shared/domain";
import type { Ctx, Deps, Input } from "./context";
import { t } from "../i18n/messages";

export const getReviewQueue =
  ({ db }: Deps) =>
  ({ query }: Input<{ query: typeof reviewQueueQuerySchema }>) =>
    reviewQueue(db, query);

export const getMySentBack =
  ({ db }: Deps) =>
  (_input: Input, ctx: Ctx) =>
    sentBackForMentor(db, ctx.user.id);

const UNKNOWN = { status_update: "review.updateUnknown", outcome: "review.outcomeUnknown" } as const;
const ALREADY = {
  status_update: { validated: "review.update.validated", sent_back: "review.update.sent_back" },
  outcome: { validated: "review.outcome.validated", sent_back: "review.outcome.sent_back" },
} as const satisfies Record<EntryKind, Record<ValidationDecision, string>>;

/** What a grouped validation or a dismissal says of one entry it refuses, per kind (grammatical gender). */
const REFUSED = {
  status_update: {
    notOfChallenge: "review.bulk.update.notOfChallenge",
    alreadyValidated: "review.bulk.update.alreadyValidated",
    notPending: "review.bulk.update.notPending",
    inForce: "review.bulk.update.inForce",
    alreadyDismissed: "review.bulk.update.alreadyDismissed",
  },
  outcome: {
    notOfChallenge: "review.bulk.outcome.notOfChallenge",
    alreadyValidated: "review.bulk.outcome.alreadyValidated",
    notPending: "review.bulk.outcome.notPending",
    inForce: "review.bulk.outcome.inForce",
    alreadyDismissed: "review.bulk.outcome.alreadyDismissed",
  },
} as const satisfies Record<EntryKind, Record<string, string>>;

/**
 * Validates or sends back a declaration. Deciding what the entry's state already is answers
 * 409 and writes nothing: a second identical decision is most often a second admin (or a
 * second click) arriving late, and the answer tells them the current state instead of
 * stacking a duplicate in history. Changing one's mind (validated ↔ sent back) is allowed.
 */
export const postReviewDecision =
  (kind: EntryKind, { db }: Deps) =>
  ({ params: { id }, body }: Input<{ params: typeof itemIdParamsSchema; body: typeof reviewDecisionSchema }>, ctx: Ctx) =>
    db.transaction((): ReviewResult => {
      const entry = findDecidableEntry(db, kind, id);
      if (!entry) throw new NotFoundError(t(UNKNOWN[kind]));
      if (entry.retracted) {
        throw new ConflictError(t("review.retracted"));
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
export const postChallengeReviewDecisions =
  ({ db }: Deps) =>
  ({ body: { entries } }: Input<{ body: typeof bulkReviewSchema }>, ctx: Ctx): BulkReviewResult => {
    const { challenge, user } = ctx;
    const results = db.transaction((): ReviewResult[] =>
      entries.map(({ kind, id }) => {
        const entry = findDecidableEntry(db, kind, id);
        if (!entry || entry.challengeId !== challenge.id) throw new NotFoundError(t(REFUSED[kind].notOfChallenge, { id }));
        if (entry.retracted) {
          throw new ConflictError(t("review.bulk.retracted", { id }));
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
