import { assertAcceptablePassword } from "../auth/password-policy";
import { hashPassword } from "../auth/passwords";
import { TooManyAttemptsError } from "../auth/login";
import type { Db } from "../db/database";
import { NotFoundError } from "../http/errors";
import { LINK_MESSAGES, LinkError, newResetLink } from "../identity/links";
import { hashToken } from "../identity/tokens";
import { passwordResetMail } from "../mail/identity-mails";
import { recordAudit } from "../repositories/audit";
import {
  findPasswordReset,
  markPasswordResetUsed,
  recordResetRequest,
  resetRequestsSince,
  type PasswordResetRow,
} from "../repositories/identity";
import { liftAccountThrottling } from "../repositories/login-attempts";
import { closeAccountAccess } from "../auth/sessions";
import { findUser, findUserByEmail, setPasswordHash } from "../repositories/users";
import type { LinkDelivery, newPasswordSchema, passwordResetRequestSchema, tokenRequestSchema } from "@shared/identity";
import type { userIdParamsSchema } from "@shared/user";
import type { Ctx, Deps, Input } from "./context";
import { deliverLink } from "./invitations";
import { t } from "../i18n/messages";

/** Requests from one address per window before 429 (the answer says nothing of any account). */
const RESET_REQUESTS_PER_ADDRESS = 20;
/** Emails to one account per hour at most: beyond, requests are answered alike but send nothing. */
const RESET_EMAILS_PER_ACCOUNT_PER_HOUR = 3;

/**
 * "Mot de passe oublié ?": the same 202 whether or not the address has an account, and the
 * email goes out after the answer, so neither the body nor the timing tells.
 */
export const requestPasswordReset =
  (deps: Deps) =>
  ({ body: { email } }: Input<{ body: typeof passwordResetRequestSchema }>, { req, res }: Ctx) => {
    const { db, config } = deps;
    const ip = req.ip ?? "unknown";
    const now = new Date();
    const windowMs = config.login.windowMinutes * 60_000;
    const perAddress = resetRequestsSince(db, { ip }, new Date(now.getTime() - windowMs).toISOString());
    if (perAddress.count >= RESET_REQUESTS_PER_ADDRESS) {
      throw new TooManyAttemptsError(Math.max(1, Math.ceil((Date.parse(perAddress.oldest!) + windowMs - now.getTime()) / 1000)));
    }
    const link = db.transaction(() => {
      const recent = resetRequestsSince(db, { email }, new Date(now.getTime() - 3_600_000).toISOString()).count;
      recordResetRequest(db, { ip, email, at: now.toISOString() });
      const user = findUserByEmail(db, email);
      if (!user || !user.isActive || recent >= RESET_EMAILS_PER_ACCOUNT_PER_HOUR) return undefined;
      recordAudit(db, { actor: null, actorEmail: email, action: "password.reset_requested", targetType: "user", targetId: user.id, ip });
      return newResetLink(db, config.publicUrl, user.id);
    });
    res.status(202).json({});
    if (link && deps.mailer.enabled) {
      deps.mailer.send(passwordResetMail(email, link)).catch((error: unknown) => deps.logger?.error({ err: error }, "Courriel de réinitialisation non envoyé."));
    }
  };

function usableReset(db: Db, token: string): PasswordResetRow {
  const reset = findPasswordReset(db, hashToken(token));
  if (!reset) throw new LinkError(404, LINK_MESSAGES.unknown);
  if (reset.usedAt) throw new LinkError(410, LINK_MESSAGES.used);
  if (reset.expiresAt <= new Date().toISOString()) throw new LinkError(410, LINK_MESSAGES.resetExpired);
  return reset;
}

export const checkPasswordReset =
  ({ db }: Deps) =>
  ({ body: { token } }: Input<{ body: typeof tokenRequestSchema }>) => ({ email: usableReset(db, token).email });

/** Sets the new password; every session of the account ends (the person signs in again). */
export const completePasswordReset =
  ({ db }: Deps) =>
  async ({ body: { token, password } }: Input<{ body: typeof newPasswordSchema }>, { req }: Ctx) => {
    await assertAcceptablePassword(password, usableReset(db, token).email);
    const passwordHash = await hashPassword(password);
    db.transaction(() => {
      const reset = usableReset(db, token);
      if (!markPasswordResetUsed(db, reset.id, new Date().toISOString())) throw new LinkError(410, LINK_MESSAGES.used);
      setPasswordHash(db, reset.userId, passwordHash);
      closeAccountAccess(db, reset.userId);
      // The emailed link proves the mailbox: a lock (passwords or codes) lifts, the counters start again.
      const lockLifted = liftAccountThrottling(db, reset.email, req.ip ?? "unknown", new Date().toISOString());
      recordAudit(db, {
        actor: null,
        actorEmail: reset.email,
        action: "password.reset",
        targetType: "user",
        targetId: reset.userId,
        after: lockLifted ? { lockLifted } : undefined,
        ip: req.ip,
      });
    });
  };

/** Admin: sends the account a reset link (the admin never sees nor chooses the password). */
export const sendPasswordReset =
  (deps: Deps) =>
  async ({ params: { id } }: Input<{ params: typeof userIdParamsSchema }>, ctx: Ctx): Promise<LinkDelivery> => {
    const { db, config } = deps;
    const { link, email } = db.transaction(() => {
      const user = findUser(db, id);
      if (!user) throw new NotFoundError(t("account.unknown"));
      recordAudit(db, { ...ctx.audit, action: "user.password_reset_sent", targetType: "user", targetId: id });
      return { link: newResetLink(db, config.publicUrl, id), email: user.email };
    });
    return deliverLink(deps, passwordResetMail(email, link), link);
  };
