import { ConflictError, NotFoundError } from "../http/errors";
import { recordAudit } from "../repositories/audit";
import { deleteSnapshot, findSnapshot, insertSnapshot, listSnapshots, snapshotNameTaken } from "../repositories/snapshots";
import type { newSnapshotSchema, snapshotParamsSchema } from "@shared/snapshot";
import type { Ctx, Deps, Input } from "./context";
import { t } from "../i18n/messages";

const notFound = (id: unknown) => new NotFoundError(t("snapshot.unknown", { id: String(id) }));
const duplicate = (name: string) => new ConflictError(t("snapshot.duplicate", { name }));

export const getSnapshots =
  ({ db }: Deps) =>
  () =>
    listSnapshots(db);

export const getSnapshot =
  ({ db }: Deps) =>
  ({ params: { id } }: Input<{ params: typeof snapshotParamsSchema }>) => {
    const snapshot = findSnapshot(db, Number(id));
    if (!snapshot) throw notFound(id);
    return snapshot;
  };

/** Freezes the current data in one transaction: the copy is consistent with one data revision. */
export const postSnapshot =
  ({ db }: Deps) =>
  ({ body: { name } }: Input<{ body: typeof newSnapshotSchema }>, ctx: Ctx) => {
    const { user } = ctx;
    const snapshot = db.transaction(() => {
      if (snapshotNameTaken(db, name)) throw duplicate(name);
      const id = insertSnapshot(db, name, { id: user.id, name: user.name });
      const taken = findSnapshot(db, id)!;
      recordAudit(db, { ...ctx.audit, action: "snapshot.created", targetType: "snapshot", targetId: id, after: taken });
      return taken;
    });
    return snapshot;
  };

/** Deletes a snapshot with its audit entry, in one transaction (the database checks the entry). */
export const removeSnapshot =
  ({ db }: Deps) =>
  ({ params: { id } }: Input<{ params: typeof snapshotParamsSchema }>, ctx: Ctx) => {
    db.transaction(() => {
      const snapshot = findSnapshot(db, Number(id));
      if (!snapshot) throw notFound(id);
      recordAudit(db, { ...ctx.audit, action: "snapshot.deleted", targetType: "snapshot", targetId: snapshot.id, before: snapshot });
      deleteSnapshot(db, snapshot.id);
    });
  };
