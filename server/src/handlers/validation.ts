// Validation of mentors' declarations (issue 9): the admin's queue and decisions, and the
// mentor's view of what was sent back.
import type { Request, RequestHandler } from "express";
import { ConflictError, NotFoundError } from "../http/errors";
import { currentSession } from "../http/access";
import { recordAudit } from "../repositories/audit";
import { decide, findDecidableEntry, sentBackForMentor, validationQueue, type EntryKind } from "../repositories/validation";
import type { ValidationDecisionInput, ValidationQueueQuery, ValidationResult } from "@shared/validation";
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

export type { ValidationDecisionInput };
