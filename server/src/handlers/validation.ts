// Validation of mentors' declarations (issue 9): the admin's queue and decisions, and the
// mentor's view of what was sent back.
import type { Request, RequestHandler } from "express";
import { ConflictError, NotFoundError } from "../http/errors";
import { currentSession } from "../http/access";
import { recordAudit } from "../repositories/audit";
import { decide, dismiss, findDecidableEntry, queueEntry, sentBackForMentor, validationQueue, type EntryKind } from "../repositories/validation";
import type {
  BulkValidationInput,
  BulkValidationResult,
  DismissalInput,
  ValidationDecisionInput,
  ValidationQueueQuery,
  ValidationResult,
} from "@shared/validation";
import type { ValidationDecision } from "@shared/domain";
import { auditContext, type Deps } from "./context";

export const getValidationQueue =
  ({ db }: Deps): RequestHandler =>
  (_req, res) =>
    void res.json(validationQueue(db, res.locals.query as ValidationQueueQuery));

export const getMySentBack =
  ({ db }: Deps): RequestHandler =>
  (_req, res) =>
    void res.json(sentBackForMentor(db, currentSession(res.locals).user.id));

/** Finds the challenge of an outcome, for the 404 of the access checks. */
export const outcomeChallenge = (db: Deps["db"], req: Request) => {
  const id = Number(req.params.id);
  if (!Number.isInteger(id) || id <= 0) return undefined;
  return db.get<{ id: number; slug: string }>(
    "SELECT c.id, c.slug FROM outcomes o JOIN challenges c ON c.id = o.challenge_id WHERE o.id = ?",
    [id],
  );
};

const NOUNS: Record<EntryKind, string> = { status_update: "Cette mise à jour", outcome: "Ce résultat" };
const ALREADY: Record<EntryKind, Record<ValidationDecision, string>> = {
  status_update: { validated: "déjà validée", sent_back: "déjà renvoyée au mentor" },
  outcome: { validated: "déjà validé", sent_back: "déjà renvoyé au mentor" },
};

const IN_FORCE: Record<EntryKind, string> = {
  status_update: "validez-la ou renvoyez-la.",
  outcome: "validez-le ou renvoyez-le.",
};
const DISMISSED: Record<EntryKind, string> = { status_update: "écartée", outcome: "écarté" };

/**
 * Validates or sends back a declaration. Deciding what the entry's state already is answers
 * 409 and writes nothing: a second identical decision is most often a second admin (or a
 * second click) arriving late, and the answer tells them the current state instead of
 * stacking a duplicate in history. Changing one's mind (validated ↔ sent back) is allowed.
 */
export const postValidation =
  (kind: EntryKind, { db }: Deps): RequestHandler =>
  (req, res) => {
    const { id } = res.locals.params as { id: number };
    const body = res.locals.body as { decision: ValidationDecision; comment?: string | null };
    const result = db.transaction((): ValidationResult => {
      const entry = findDecidableEntry(db, kind, id);
      if (!entry) throw new NotFoundError(`${NOUNS[kind]} n'existe pas.`);
      if (entry.retracted) {
        throw new ConflictError("Cette mise à jour a été retirée : elle ne compte plus, il n'y a rien à valider.");
      }
      if (entry.validation.state === body.decision) {
        throw new ConflictError(`${NOUNS[kind]} est ${ALREADY[kind][body.decision]}.`, { current: entry.validation });
      }
      const { user } = currentSession(res.locals);
      decide(db, entry, { decision: body.decision, comment: body.comment ?? null, adminId: user.id, adminName: user.name });
      const after = findDecidableEntry(db, kind, id)!;
      recordAudit(db, {
        ...auditContext(req, res),
        action: body.decision === "validated" ? `${kind}.validated` : `${kind}.sent_back`,
        targetType: kind,
        targetId: id,
        before: entry.validation,
        after: { challenge: entry.challengeSlug, ...after.validation },
      });
      return { kind, id, challenge: entry.challengeSlug, validation: after.validation };
    });
    res.status(201).json(result);
  };

/**
 * Validates, in one transaction, the declarations of one challenge the reviewer saw. Each is
 * checked as a single validation would be (unknown or of another challenge: 404; retracted or
 * already validated: 409) and any refusal writes nothing; each gets its own decision and
 * audit entry, as if validated one by one.
 */
export const postChallengeValidations =
  ({ db }: Deps): RequestHandler =>
  (req, res) => {
    const challenge = res.locals.challenge as { id: number; slug: string };
    const { entries } = res.locals.body as BulkValidationInput;
    const { user } = currentSession(res.locals);
    const results = db.transaction((): ValidationResult[] =>
      entries.map(({ kind, id }) => {
        const entry = findDecidableEntry(db, kind, id);
        if (!entry || entry.challengeId !== challenge.id) throw new NotFoundError(`${NOUNS[kind]} (n° ${id}) n'est pas une déclaration de ce défi.`);
        if (entry.retracted) {
          throw new ConflictError(`La mise à jour n° ${id} a été retirée : elle ne compte plus, il n'y a rien à valider.`);
        }
        if (entry.validation.state === "validated") {
          throw new ConflictError(`${NOUNS[kind]} (n° ${id}) est ${ALREADY[kind].validated}.`, { current: entry.validation });
        }
        decide(db, entry, { decision: "validated", comment: null, adminId: user.id, adminName: user.name });
        const after = findDecidableEntry(db, kind, id)!;
        recordAudit(db, {
          ...auditContext(req, res),
          action: `${kind}.validated`,
          targetType: kind,
          targetId: id,
          before: entry.validation,
          after: { challenge: entry.challengeSlug, ...after.validation },
        });
        return { kind, id, challenge: entry.challengeSlug, validation: after.validation };
      }),
    );
    res.status(201).json({ results } satisfies BulkValidationResult);
  };

/**
 * Sets aside, in one transaction, declarations a newer one has replaced: they leave the queue
 * without a decision, so nothing the charts count changes (docs/decisions/0004). Refused (409,
 * nothing written) for an entry in force, validated, or already set aside.
 */
export const postDismissals =
  ({ db }: Deps): RequestHandler =>
  (req, res) => {
    const { entries } = res.locals.body as DismissalInput;
    const { user } = currentSession(res.locals);
    const dismissed = db.transaction(() => {
      for (const { kind, id } of entries) {
        const entry = queueEntry(db, kind, id);
        if (!entry) throw new NotFoundError(`${NOUNS[kind]} (n° ${id}) n'est pas une déclaration en attente.`);
        if (!entry.superseded) throw new ConflictError(`${NOUNS[kind]} (n° ${id}) est en vigueur : ${IN_FORCE[kind]}`);
        if (entry.validation.state === "validated") throw new ConflictError(`${NOUNS[kind]} (n° ${id}) est ${ALREADY[kind].validated}.`);
        if (entry.dismissed) throw new ConflictError(`${NOUNS[kind]} (n° ${id}) a déjà été ${DISMISSED[kind]}.`);
        dismiss(db, { kind, id, challengeId: entry.challengeId }, user);
        recordAudit(db, {
          ...auditContext(req, res),
          action: `${kind}.dismissed`,
          targetType: kind,
          targetId: id,
          before: entry.validation,
          after: { challenge: entry.challenge.slug, dismissed: true },
        });
      }
      return entries.length;
    });
    res.status(201).json({ dismissed });
  };

export type { ValidationDecisionInput };
