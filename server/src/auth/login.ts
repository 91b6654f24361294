import { HttpError } from "../http/errors";
import { accountFailures, addressFailures, recordLoginAttempt } from "../repositories/login-attempts";
import { recordAudit } from "../repositories/audit";
import { totpState } from "../repositories/identity";
import { findUserByEmail } from "../repositories/users";
import type { AuthUser } from "@shared/auth";
import { SIGN_IN_AUDIT } from "@shared/sign-in-audit";
import { verifyDecoy, verifyPassword } from "./passwords";
import { checkAccountThrottle, lockIfDue, notifyLock, TooManyAttemptsError, type ThrottleDeps } from "./throttle";
import { t } from "../i18n/messages";

export { TooManyAttemptsError } from "./throttle";

class BadCredentialsError extends HttpError {
  constructor() {
    super(401, t("login.failed.title"), t("login.failed"));
  }
}

/**
 * Checks a login attempt against three counters of failures (docs/decisions/0008-sign-in-hardening.md):
 *  - per account and address (a stranger elsewhere cannot lock a mentor out of their office);
 *  - per account across addresses (progressive delay, then a lock: a guesser rotating
 *    addresses is stopped too) — this one and the previous refuse before the password is looked at;
 *  - per address across accounts (slows a sweep). Once it is reached the password is still
 *    checked: a wrong one gets 429 (and counts), a right one goes on only if a second factor
 *    follows, so that people sharing an office address are not locked out by someone else's
 *    failures while a guessed password alone still opens nothing.
 * Every refusal costs the same whether the email has an account or not.
 */
export async function authenticate(
  deps: ThrottleDeps,
  attempt: { email: string; password: string; ip: string },
  now = new Date(),
): Promise<AuthUser> {
  const { db, config } = deps;
  const email = attempt.email.trim().toLowerCase();
  const windowMs = config.login.windowMinutes * 60_000;
  const since = new Date(now.getTime() - windowMs).toISOString();
  const retryAfter = (oldest: string | null) =>
    Math.max(1, Math.ceil((Date.parse(oldest ?? now.toISOString()) + windowMs - now.getTime()) / 1000));

  checkAccountThrottle(db, config.login, email, now);
  const perAccount = accountFailures(db, email, attempt.ip, since);
  if (perAccount.count >= config.login.maxFailuresPerAccount) throw new TooManyAttemptsError(retryAfter(perAccount.oldest));
  const perAddress = addressFailures(db, attempt.ip, since);
  const addressBlocked = perAddress.count >= config.login.maxFailuresPerAddress;

  const user = findUserByEmail(db, email);
  const valid =
    user && user.isActive && user.passwordHash
      ? await verifyPassword(attempt.password, user.passwordHash)
      : await verifyDecoy(attempt.password);

  if (!valid || !user) {
    const lock = db.transaction(() => {
      recordLoginAttempt(db, { email, ip: attempt.ip, succeeded: false, at: now.toISOString() });
      recordAudit(db, {
        actor: user ? { id: user.id, name: user.name, email: user.email } : null,
        actorEmail: email,
        action: SIGN_IN_AUDIT.failed,
        targetType: "user",
        targetId: user?.id,
        ip: attempt.ip,
      });
      return lockIfDue(deps, { key: email, email, factor: "password", ip: attempt.ip }, now);
    });
    notifyLock(deps, lock);
    throw addressBlocked ? new TooManyAttemptsError(retryAfter(perAddress.oldest)) : new BadCredentialsError();
  }
  // From a blocked address, a right password alone is refused like a wrong one (and not
  // recorded: it is no failure); with a second factor to come, the sign-in goes on.
  if (addressBlocked && !totpState(db, user.id).enabledAt) throw new TooManyAttemptsError(retryAfter(perAddress.oldest));
  // A right password is not yet a sign-in (a second factor may follow): the caller writes
  // `login.succeeded` when the session opens, or `login.password_accepted`.
  db.transaction(() => recordLoginAttempt(db, { email, ip: attempt.ip, succeeded: true, at: now.toISOString() }));
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
