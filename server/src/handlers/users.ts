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
import type { createUserSchema, mentorAssignmentSchema, updateUserSchema, User, userIdParamsSchema } from "@shared/user";
import type { Ctx, Deps, Input } from "./context";
import { t } from "../i18n/messages";

const publicView = ({ id, email, name, role, isActive }: User) => ({ id, email, name, role, isActive });

export const getUsers =
  ({ db }: Deps) =>
  () =>
    listUsers(db);

export const createUser =
  ({ db }: Deps) =>
  async ({ body }: Input<{ body: typeof createUserSchema }>, ctx: Ctx) => {
    const duplicate = () => new ConflictError(t("account.exists", { email: body.email }));
    if (emailTaken(db, body.email)) throw duplicate();
    await assertAcceptablePassword(body.password, body.email);
    const passwordHash = await hashPassword(body.password);
    const id = db.transaction(() => {
      if (emailTaken(db, body.email)) throw duplicate();
      const id = insertUser(db, { email: body.email, name: body.name, role: body.role, passwordHash });
      recordAudit(db, {
        ...ctx.audit,
        action: "user.created",
        targetType: "user",
        targetId: id,
        after: { email: body.email, name: body.name, role: body.role },
      });
      return id;
    });
    return { id, email: body.email, name: body.name, role: body.role };
  };

export const patchUser =
  ({ db }: Deps) =>
  ({ params: { id }, body: changes }: Input<{ params: typeof userIdParamsSchema; body: typeof updateUserSchema }>, ctx: Ctx) => {
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
        ...ctx.audit,
        action: "user.updated",
        targetType: "user",
        targetId: id,
        before: publicView(before),
        after: { ...publicView(after), ...closed },
      });
      return after;
    });
    return updated;
  };

export const putChallengeMentors =
  ({ db }: Deps) =>
  ({ body }: Input<{ body: typeof mentorAssignmentSchema }>, ctx: Ctx) => {
    const { challenge } = ctx;
    const userIds = [...new Set(body.userIds)];
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
        ...ctx.audit,
        action: "challenge.mentors_updated",
        targetType: "challenge",
        targetId: challenge.slug,
        before,
        after,
      });
      return after;
    });
    return { mentors };
  };
