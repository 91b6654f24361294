// The mentors' writes: each handler reads its input and hands it to its use case
// (domain/status-updates.ts, domain/outcomes.ts, domain/challenge-items.ts), which owns the
// transaction: the write, the challenge's version, the derived tables and the audit entry.
import type { Request, RequestHandler, Response } from "express";
import { expectedVersion } from "../http/if-match";
import { findChallengeOfStatusUpdate } from "../repositories/status-updates";
import type { ItemKind } from "../repositories/challenge-items";
import { confirmStatus, recordRetraction, recordStatusUpdate } from "../domain/status-updates";
import { recordOutcome } from "../domain/outcomes";
import { addChallengeItem, deleteChallengeItem, editChallengeItem, updateChecklistItem } from "../domain/challenge-items";
import type { ChecklistItemUpdate, Confirmation, newStatusUpdateSchema, outcomeUpdateSchema } from "@shared/writes";
import type { z } from "zod";
import { actorOf, type Deps } from "./context";

type ResolvedChallenge = { id: number; slug: string };
const challengeOf = (res: Response) => res.locals.challenge as ResolvedChallenge;

export const postStatusUpdate =
  ({ db }: Deps): RequestHandler =>
  (req, res) => {
    const body = res.locals.body as z.output<typeof newStatusUpdateSchema>;
    res.status(201).json(recordStatusUpdate(db, challengeOf(res), body, actorOf(req, res)));
  };

/** "Toujours exact": confirms the current level of each asked axis, as a dated entry. */
export const postConfirmation =
  ({ db }: Deps): RequestHandler =>
  (req, res) => {
    const { axes } = res.locals.body as Confirmation;
    res.status(201).json({ updates: confirmStatus(db, challengeOf(res), axes, actorOf(req, res)) });
  };

export const statusUpdateChallenge = (db: Deps["db"], req: Request) => {
  const id = Number(req.params.id);
  if (!Number.isInteger(id) || id <= 0) return undefined;
  return findChallengeOfStatusUpdate(db, id);
};

export const postRetraction =
  ({ db }: Deps): RequestHandler =>
  (req, res) => {
    const { id } = res.locals.params as { id: number };
    const { reason } = res.locals.body as { reason: string };
    res.status(201).json({ statusUpdateId: id, ...recordRetraction(db, challengeOf(res), id, reason, actorOf(req, res)) });
  };

/** The outcome is edited with optimistic locking: If-Match carries the version the mentor saw. */
export const putOutcome =
  ({ db }: Deps): RequestHandler =>
  (req, res) => {
    const body = res.locals.body as z.output<typeof outcomeUpdateSchema>;
    const result = recordOutcome(db, challengeOf(res), body, expectedVersion(req), actorOf(req, res));
    res.setHeader("ETag", `"${result.version}"`);
    res.json(result);
  };

export const putChecklistItem =
  ({ db }: Deps): RequestHandler =>
  (req, res) => {
    const { item: key } = res.locals.params as { item: string };
    res.json(updateChecklistItem(db, challengeOf(res), key, res.locals.body as ChecklistItemUpdate, actorOf(req, res)));
  };

// Actions, scenarios, allies, resources: one create/patch/delete for the four.

export const createItem =
  (kind: ItemKind, { db }: Deps): RequestHandler =>
  (req, res) =>
    void res.status(201).json(addChallengeItem(db, kind, challengeOf(res), res.locals.body as Record<string, unknown>, actorOf(req, res)));

export const patchItem =
  (kind: ItemKind, { db }: Deps): RequestHandler =>
  (req, res) => {
    const { id } = res.locals.params as { id: number };
    const fields = res.locals.body as Record<string, unknown>;
    res.json(editChallengeItem(db, kind, challengeOf(res), id, fields, expectedVersion(req, "item"), actorOf(req, res)));
  };

export const removeItem =
  (kind: ItemKind, { db }: Deps): RequestHandler =>
  (req, res) => {
    const { id } = res.locals.params as { id: number };
    deleteChallengeItem(db, kind, challengeOf(res), id, expectedVersion(req, "item"), actorOf(req, res));
    res.status(204).end();
  };
