// The mentors' writes: each handler reads its input and hands it to its use case
// (domain/status-updates.ts, domain/outcomes.ts, domain/challenge-items.ts), which owns the
// transaction: the write, the challenge's version, the derived tables and the audit entry.
import type { z } from "zod";
import { expectedVersion } from "../http/if-match";
import type { ItemKind } from "../repositories/challenge-items";
import { confirmStatus, recordRetraction, recordStatusUpdate } from "../domain/status-updates";
import { recordOutcome } from "../domain/outcomes";
import { addChallengeItem, deleteChallengeItem, editChallengeItem, updateChecklistItem } from "../domain/challenge-items";
import type {
  checklistItemParamsSchema,
  checklistItemUpdateSchema,
  confirmationSchema,
  itemIdParamsSchema,
  newStatusUpdateSchema,
  outcomeUpdateSchema,
  retractionSchema,
} from "@shared/writes";
import type { Ctx, Deps, Input } from "./context";

/** The create and patch schemas of an item kind (actions, scenarios, allies, resources): some of its fields. */
export type ItemFieldsSchema = z.ZodType<Record<string, unknown>>;

export const postStatusUpdate =
  ({ db }: Deps) =>
  ({ body }: Input<{ body: typeof newStatusUpdateSchema }>, ctx: Ctx) =>
    recordStatusUpdate(db, ctx.challenge, body, ctx.actor);

/** "Toujours exact": confirms the current level of each asked axis, as a dated entry. */
export const postConfirmation =
  ({ db }: Deps) =>
  ({ body: { axes } }: Input<{ body: typeof confirmationSchema }>, ctx: Ctx) => ({
    updates: confirmStatus(db, ctx.challenge, axes, ctx.actor),
  });

export const postRetraction =
  ({ db }: Deps) =>
  ({ params: { id }, body: { reason } }: Input<{ params: typeof itemIdParamsSchema; body: typeof retractionSchema }>, ctx: Ctx) => ({
    statusUpdateId: id,
    ...recordRetraction(db, ctx.challenge, id, reason, ctx.actor),
  });

/** The outcome is edited with optimistic locking: If-Match carries the version the mentor saw. */
export const putOutcome =
  ({ db }: Deps) =>
  ({ body }: Input<{ body: typeof outcomeUpdateSchema }>, ctx: Ctx) => {
    const result = recordOutcome(db, ctx.challenge, body, expectedVersion(ctx.req), ctx.actor);
    ctx.res.setHeader("ETag", `"${result.version}"`);
    return result;
  };

export const putChecklistItem =
  ({ db }: Deps) =>
  ({ params, body }: Input<{ params: typeof checklistItemParamsSchema; body: typeof checklistItemUpdateSchema }>, ctx: Ctx) =>
    updateChecklistItem(db, ctx.challenge, params.item, body, ctx.actor);

// Actions, scenarios, allies, resources: one create/patch/delete for the four.

export const createItem =
  (kind: ItemKind, { db }: Deps) =>
  ({ body }: Input<{ body: ItemFieldsSchema }>, ctx: Ctx) =>
    addChallengeItem(db, kind, ctx.challenge, body, ctx.actor);

export const patchItem =
  (kind: ItemKind, { db }: Deps) =>
  ({ params: { id }, body }: Input<{ params: typeof itemIdParamsSchema; body: ItemFieldsSchema }>, ctx: Ctx) =>
    editChallengeItem(db, kind, ctx.challenge, id, body, expectedVersion(ctx.req, "item"), ctx.actor);

export const removeItem =
  (kind: ItemKind, { db }: Deps) =>
  ({ params: { id } }: Input<{ params: typeof itemIdParamsSchema }>, ctx: Ctx) => {
    deleteChallengeItem(db, kind, ctx.challenge, id, expectedVersion(ctx.req, "item"), ctx.actor);
  };
