import type { RequestHandler } from "express";
import { ConflictError, NotFoundError } from "../http/errors";
import { currentSession } from "../http/access";
import { recordAudit } from "../repositories/audit";
import { deleteSnapshot, findSnapshot, insertSnapshot, listSnapshots, snapshotNameTaken } from "../repositories/snapshots";
import type { NewSnapshot } from "@shared/snapshot";
import { auditContext, type Deps } from "./context";
import { t } from "../i18n/messages";

const notFound = (id: unknown) => new NotFoundError(t("snapshot.unknown", { id: String(id) }));
const duplicate = (name: string) => new ConflictError(t("snapshot.duplicate", { name }));

export const getSnapshots =
  ({ db }: Deps): RequestHandler =>
  (_req, res) =>
    void res.json(listSnapshots(db));

export const getSnapshot =
  ({ db }: Deps): RequestHandler =>
  (_req, res) => {
    const { id } = res.locals.params as { id: string };
    const snapshot = findSnapshot(db, Number(id));
    if (!snapshot) throw notFound(id);
    res.json(snapshot);
  };

/** Freezes the current data in one transaction: the copy is consistent with one data revision. */
export const postSnapshot =
  ({ db }: Deps): RequestHandler =>
  (req, res) => {
    const { name } = res.locals.body as Required<NewSnapshot>;
    const { user } = currentSession(res.locals);
    const snapshot = db.transaction(() => {
      if (snapshotNameTaken(db, name)) throw duplicate(name);
      const id = insertSnapshot(db, name, { id: user.id, name: user.name });
      const taken = findSnapshot(db, id)!;
      recordAudit(db, { ...auditContext(req, res), action: "snapshot.created", targetType: "snapshot", targetId: id, after: taken });
      return taken;
    });
    res.status(201).json(snapshot);
  };

/** Deletes a snapshot with its audit entry, in one transaction (the database checks the entry). */
export const removeSnapshot =
  ({ db }: Deps): RequestHandler =>
  (req, res) => {
    const { id } = res.locals.params as { id: string };
    db.transaction(() => {
      const snapshot = findSnapshot(db, Number(id));
      if (!snapshot) throw notFound(id);
      recordAudit(db, { ...auditContext(req, res), action: "snapshot.deleted", targetType: "snapshot", targetId: snapshot.id, before: snapshot });
      deleteSnapshot(db, snapshot.id);
    });
    res.status(204).end();
  };
