// Account-wide sign-in throttling, on top of the per-(account, address) and per-address limits
// (docs/decisions/0008-sign-in-hardening.md). A guesser who rotates addresses is slowed by a
// delay that doubles with each failure on the account, then stopped by a temporary lock that
// refuses even the right secret; the holder gets one email per lock. Keys are those of the
// login_attempts table: the email for passwords, `<email>#totp` for second-factor codes. They
// apply to any email typed, account or not, so a refusal says nothing of whether it exists.
import type { Config, LoginLimits } from "../config";
import type { Db } from "../db/database";
import type { Logger } from "../lib/logger";
import type { Mailer } from "../mail/mailer";
import { accountLockedMail } from "../mail/identity-mails";
import { newResetLink } from "../identity/links";
import { recordAudit } from "../repositories/audit";
import { accountWideFailures, activeLock, insertLock } from "../repositories/login-attempts";
import { findUserByEmail } from "../repositories/users";
import { HttpError } from "../http/errors";
import { SIGN_IN_AUDIT } from "@shared/sign-in-audit";
import { ACCOUNT_LOCKED, SIGN_IN_THROTTLED } from "@shared/problem";
import { t } from "../i18n/messages";

/** What the throttling needs to lock an account and tell its holder. */
export interface ThrottleDeps {
  db: Db;
  config: Config;
  mailer: Mailer;
  logger?: Logger;
}

export type ThrottledFactor = "password" | "second_factor";

export class TooManyAttemptsError extends HttpError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      429,
      t("throttle.title"),
      t("throttle.detail", { minutes: Math.ceil(retryAfterSeconds / 60) }),
      undefined,
      { "Retry-After": String(retryAfterSeconds) },
    );
    this.extra = { reason: SIGN_IN_THROTTLED, retryAfterSeconds };
  }
}

/** The same status and header as any 429; the text points to the reset (whether or not the account exists). */
class AccountLockedError extends HttpError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      429,
      t("locked.title"),
      t("locked.detail", { minutes: Math.ceil(retryAfterSeconds / 60) }),
      undefined,
      { "Retry-After": String(retryAfterSeconds) },
    );
    this.extra = { reason: ACCOUNT_LOCKED, retryAfterSeconds };
  }
}

const secondsUntil = (instant: number, now: Date) => Math.max(1, Math.ceil((instant - now.getTime()) / 1000));
const accountWindowStart = (limits: LoginLimits, now: Date) => new Date(now.getTime() - limits.accountWindowMinutes * 60_000).toISOString();

/** The wait after the last failure once the account has had `failures` (none below the threshold). */
function progressiveDelaySeconds(limits: LoginLimits, failures: number): number {
  if (failures < limits.accountDelayAfter) return 0;
  return Math.min(limits.accountDelayMaxSeconds, limits.accountDelayBaseSeconds * 2 ** (failures - limits.accountDelayAfter));
}

/**
 * 429 while `key` is locked, or while its progressive delay runs since its last failure.
 * Checked before any secret, so it costs the same for every email typed.
 */
export function checkAccountThrottle(db: Db, limits: LoginLimits, key: string, now = new Date()): void {
  const lock = activeLock(db, key, now.toISOString());
  if (lock) throw new AccountLockedError(secondsUntil(Date.parse(lock.until), now));
  const { count, latest } = accountWideFailures(db, key, accountWindowStart(limits, now));
  const delay = progressiveDelaySeconds(limits, count);
  if (delay > 0 && latest) {
    const readyAt = Date.parse(latest) + delay * 1000;
    if (readyAt > now.getTime()) throw new TooManyAttemptsError(secondsUntil(readyAt, now));
  }
}

export interface LockNotice {
  account: { email: string; name: string };
  factor: ThrottledFactor;
  failures: number;
  until: string;
  resetLink?: string;
}

/**
 * After a failure was recorded for `key` (in the caller's transaction): locks it once the
 * account-wide count reaches the threshold, writes `login.locked`, and prepares the holder's
 * email (with a reset link, which lifts the lock). The caller sends it with `notifyLock` once
 * the transaction is committed.
 */
export function lockIfDue(
  deps: ThrottleDeps,
  lock: { key: string; email: string; factor: ThrottledFactor; ip: string },
  now = new Date(),
): LockNotice | undefined {
  const { db, config } = deps;
  const { count } = accountWideFailures(db, lock.key, accountWindowStart(config.login, now));
  if (count < config.login.accountLockAfter || activeLock(db, lock.key, now.toISOString())) return undefined;
  const until = new Date(now.getTime() + config.login.accountLockMinutes * 60_000).toISOString();
  insertLock(db, { key: lock.key, lockedAt: now.toISOString(), until, failures: count });
  const user = findUserByEmail(db, lock.email);
  const holder = user && user.isActive ? user : undefined;
  const notified = Boolean(holder) && deps.mailer.enabled;
  recordAudit(db, {
    actor: user ? { id: user.id, name: user.name, email: user.email } : null,
    actorEmail: lock.email,
    action: SIGN_IN_AUDIT.locked,
    targetType: "user",
    targetId: user?.id,
    after: { factor: lock.factor, failures: count, until, emailSent: notified },
    ip: lock.ip,
  });
  if (!holder || !notified) return undefined;
  // An account without a password (ProConnect only) gets no link that would give it one.
  const resetLink = holder.passwordHash ? newResetLink(db, config.publicUrl, holder.id) : undefined;
  return { account: { email: holder.email, name: holder.name }, factor: lock.factor, failures: count, until, resetLink };
}

/** Sends the lock email after the answer; a failure to send is logged, never shown to the caller. */
export function notifyLock(deps: ThrottleDeps, notice: LockNotice | undefined): void {
  if (!notice || !deps.mailer.enabled) return;
  deps.mailer
    .send(accountLockedMail(notice.account, notice))
    .catch((error: unknown) => deps.logger?.error({ err: error }, "Courriel de blocage du compte non envoyé."));
}
