import type { RequestHandler } from "express";
import { assertAcceptablePassword } from "../auth/password-policy";
import { hashPassword } from "../auth/passwords";
import { ConflictError, NotFoundError, ValidationError } from "../http/errors";
import { recordAudit } from "../repositories/audit";
import { closeAccountAccess, type ClosedAccess } from "../auth/sessions";
import {
  activeMentorIds,
  challengeMentors,
  countActiveAdmins,
  emailTaken,
  findUser,
  insertUser,
  listUsers,
  replaceChallengeMentors,
  updateUser,
} from "../repositories/users";
import type { CreateUser, MentorAssignment, UpdateUser, User } from "@shared/user";
import { auditContext, type Deps } from "./context";
import { t } from "../i18n/messages";

const publicView = ({ id, email, name, role, isActive }: User) => ({ id, email, name, role, isActive });

export const getUsers =
  ({ db }: Deps): RequestHandler =>
  (_req, res) =>
    void res.json(listUsers(db));

export const createUser =
  ({ db }: Deps): RequestHandler =>
  async (req, res) => {
    const body = res.locals.body as CreateUser;
    const duplicate = () => new ConflictError(t("account.exists", { email: body.email }));
    if (emailTaken(db, body.email)) throw duplicate();
    await assertAcceptablePassword(body.password, body.email);
    const passwordHash = await hashPassword(body.password);
    const id = db.transaction(() => {
      if (emailTaken(db, body.email)) throw duplicate();
      const id = insertUser(db, { email: body.email, name: body.name, role: body.role, passwordHash });
      recordAudit(db, {
        ...auditContext(req, res),
        action: "user.created",
        targetType: "user",
        targetId: id,
        after: { email: body.email, name: body.name, role: body.role },
      });
      return id;
    });
    res.status(201).json({ id, email: body.email, name: body.name, role: body.role });
  };

export const patchUser =
  ({ db }: Deps): RequestHandler =>
  (req, res) => {
    const { id } = res.locals.params as { id: number };
    const changes = res.locals.body as UpdateUser;
    const updated = db.transaction(() => {
      const before = findUser(db, id);
      if (!before) throw new NotFoundError(t("account.unknown"));
      const losesAdmin =
        before.role === "admin" && before.isActive && (changes.isActive === false || (changes.role && changes.role !== "admin"));
      if (losesAdmin && countActiveAdmins(db) <= 1) {
        throw new ConflictError(t("account.lastAdmin"));
      }
      updateUser(db, id, changes);
      const after = findUser(db, id)!;
      // Rights follow the account, not the session: a session (or a password step awaiting its
      // code) opened under the old role or while active must not go on under the new state.
      const closed: ClosedAccess | undefined =
        after.role !== before.role || (before.isActive && !after.isActive) ? closeAccountAccess(db, id) : undefined;
      recordAudit(db, {
        ...auditContext(req, res),
        action: "user.updated",
        targetType: "user",
        targetId: id,
        before: publicView(before),
        after: { ...publicView(after), ...closed },
      });
      return after;
    });
    res.json(updated);
  };

export const putChallengeMentors =
  ({ db }: Deps): RequestHandler =>
  (req, res) => {
    const challenge = res.locals.challenge as { id: number; slug: string };
    const userIds = [...new Set((res.locals.body as MentorAssignment).userIds)];
    const mentors = db.transaction(() => {
      const valid = activeMentorIds(db, userIds);
      const invalid = userIds.filter((id) => !valid.has(id));
      if (invalid.length > 0) {
        throw new ValidationError(
          invalid.map((id) => ({ path: "body.userIds", message: t("account.notActiveMentor", { id }) })),
        );
      }
      const before = challengeMentors(db, challenge.id);
      replaceChallengeMentors(db, challenge.id, userIds);
      const after = challengeMentors(db, challenge.id);
      recordAudit(db, {
        ...auditContext(req, res),
        action: "challenge.mentors_updated",
        targetType: "challenge",
        targetId: challenge.slug,
        before,
        after,
      });
      return after;
    });
    res.json({ mentors });
  };
