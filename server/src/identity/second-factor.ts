import type { Request, Response } from "express";
import { parse as parseCookies } from "cookie";
import type { Config } from "../config";
import type { Db } from "../db/database";
import { createSession, endSession, setSessionCookie } from "../auth/sessions";
import { checkAccountThrottle, lockIfDue, notifyLock, TooManyAttemptsError, type ThrottleDeps } from "../auth/throttle";
import { HttpError, UnauthorizedError } from "../http/errors";
import { recordAudit } from "../repositories/audit";
import { accountFailures, recordLoginAttempt } from "../repositories/login-attempts";
import type { OidcSessionDetails, SessionRecord } from "../repositories/sessions";
import {
  claimTotpStep,
  countPendingFailure,
  deletePendingLogin,
  findPendingLogin,
  insertPendingLogin,
  totpState,
  useRecoveryCode,
  type FirstFactor,
  type PendingLogin,
} from "../repositories/identity";
import type { AuthUser } from "@shared/auth";
import { SIGN_IN_AUDIT, type SignInMethod } from "@shared/sign-in-audit";
import { addMinutes, hashToken, newToken, PENDING_LOGIN_MINUTES } from "./tokens";
import { hashRecoveryCode, MAX_CODE_FAILURES_PER_PENDING_LOGIN, totpStep } from "./totp";
import { t } from "../i18n/messages";

const PENDING_COOKIE = "eig_pending";

const cookieOptions = (config: Config, req: Request) => ({
  httpOnly: true,
  sameSite: "lax" as const,
  secure: config.secureCookies || req.secure,
  path: "/api/auth",
});

/** How a session opens, written to the audit log as `login.succeeded`. */
export interface SignIn {
  method: SignInMethod;
  /** More for the audit entry (e.g. the invitation just accepted, what ProConnect said). */
  details?: Record<string, unknown>;
  /** A ProConnect session keeps its ID token (for logout) and what the provider said. */
  oidc?: OidcSessionDetails;
}

/**
 * Opens a session after every step is done: a new id (no fixation), cookie set, pending step
 * closed. The only place `login.succeeded` is written: the audit log says a sign-in happened
 * exactly when a session exists, and how it was obtained.
 */
export function openSession(db: Db, config: Config, req: Request, res: Response, user: AuthUser, signIn: SignIn): { csrfToken: string } {
  const previous = res.locals.session as SessionRecord | undefined;
  const { token, csrfToken } = db.transaction(() => {
    if (previous) endSession(db, previous);
    const created = createSession(db, config, user.id, new Date(), signIn.oidc, signIn.method);
    recordAudit(db, {
      actor: { id: user.id, name: user.name, email: user.email },
      action: SIGN_IN_AUDIT.succeeded,
      targetType: "user",
      targetId: user.id,
      after: { method: signIn.method, ...signIn.details },
      ip: req.ip,
    });
    return created;
  });
  setSessionCookie(res, config, req, token);
  res.clearCookie(PENDING_COOKIE, cookieOptions(config, req));
  return { csrfToken };
}

/**
 * After the first factor (a password, or ProConnect for an admin whose provider proved only
 * one): no session yet, a short-lived pending login named by an HttpOnly cookie.
 */
export function startPendingLogin(
  db: Db,
  config: Config,
  req: Request,
  res: Response,
  userId: number,
  purpose: PendingLogin["purpose"],
  firstFactor: FirstFactor = { kind: "password" },
): void {
  const token = newToken();
  const now = new Date();
  insertPendingLogin(db, { id: hashToken(token), userId, purpose, now: now.toISOString(), expiresAt: addMinutes(now, PENDING_LOGIN_MINUTES), firstFactor });
  res.cookie(PENDING_COOKIE, token, { ...cookieOptions(config, req), maxAge: PENDING_LOGIN_MINUTES * 60_000 });
}

/**
 * How the session that ends a pending login opens: the first factor it remembers, then the
 * code given. A ProConnect first factor keeps its ID token, so logout still ends the
 * provider's session.
 */
export function secondFactorSignIn(pending: PendingLogin, used: "totp" | "recovery_code", details?: Record<string, unknown>): SignIn {
  const { firstFactor } = pending;
  if (firstFactor.kind === "proconnect") {
    const { kind: _kind, ...oidc } = firstFactor;
    return { method: used === "totp" ? "proconnect+totp" : "proconnect+recovery_code", details, oidc };
  }
  return { method: used === "totp" ? "password+totp" : "password+recovery_code", details };
}

export function currentPendingLogin(db: Db, req: Request, purpose: PendingLogin["purpose"]): PendingLogin {
  const token = req.headers.cookie ? parseCookies(req.headers.cookie)[PENDING_COOKIE] : undefined;
  const pending = token ? findPendingLogin(db, hashToken(token), new Date().toISOString()) : undefined;
  if (!pending || pending.purpose !== purpose) {
    throw new UnauthorizedError(t("secondFactor.loginExpired"));
  }
  return pending;
}

export class WrongCodeError extends HttpError {
  constructor(detail = t("secondFactor.wrongCode"), status = 401) {
    super(status, t("secondFactor.refused.title"), detail, status === 400 ? [{ path: "body.code", message: detail }] : undefined);
  }
}

/** Failed codes count in the login-attempts table under this key (a right password does not reset them). */
const secondFactorKey = (user: AuthUser) => `${user.email}#totp`;

/**
 * 429 while the account's codes are locked or delayed (account-wide, across addresses), or once
 * it has had too many wrong codes from this address: the password step's limits, counted apart.
 */
export function throttleSecondFactor(db: Db, config: Config, user: AuthUser, ip: string, now = new Date()): void {
  checkAccountThrottle(db, config.login, secondFactorKey(user), now);
  const windowMs = config.login.windowMinutes * 60_000;
  const failures = accountFailures(db, secondFactorKey(user), ip, new Date(now.getTime() - windowMs).toISOString());
  if (failures.count >= config.login.maxFailuresPerAccount) {
    const retry = Math.max(1, Math.ceil((Date.parse(failures.oldest ?? now.toISOString()) + windowMs - now.getTime()) / 1000));
    throw new TooManyAttemptsError(retry);
  }
}

export interface CodeRefusal {
  /** During sign-in (no session yet): the pending login, closed after a few wrong codes. */
  pending?: PendingLogin;
  /** What was being checked: a sign-in code, the first code of an enrolment during sign-in, or a code asked from "Mon compte". */
  step: "code" | "enrolment" | "account";
  /** The kind of code typed (never the code itself). */
  attempted: "totp" | "recovery_code";
  detail?: string;
  /** 401 during login; 400 (a field error) from "Mon compte", where a session exists. */
  status?: number;
}

/**
 * Records a wrong second-factor code, then refuses it: it counts toward the throttling (and
 * may lock the account's codes, its holder told by email), and is written to the audit log
 * (`login.second_factor_failed` during sign-in, `totp.failed` from "Mon compte"). Its own
 * transaction: the refusal must not roll it back.
 */
export function refuseSecondFactor(deps: ThrottleDeps, user: AuthUser, ip: string, refusal: CodeRefusal, now = new Date()): never {
  const { db } = deps;
  const { closed, lock } = db.transaction(() => {
    recordLoginAttempt(db, { email: secondFactorKey(user), ip, succeeded: false, at: now.toISOString() });
    recordAudit(db, {
      actor: { id: user.id, name: user.name, email: user.email },
      action: refusal.pending ? SIGN_IN_AUDIT.secondFactorFailed : "totp.failed",
      targetType: "user",
      targetId: user.id,
      after: { step: refusal.step, code: refusal.attempted },
      ip,
    });
    const lock = lockIfDue(deps, { key: secondFactorKey(user), email: user.email, factor: "second_factor", ip }, now);
    if (refusal.pending && countPendingFailure(db, refusal.pending.id) >= MAX_CODE_FAILURES_PER_PENDING_LOGIN) {
      deletePendingLogin(db, refusal.pending.id);
      return { closed: true, lock };
    }
    return { closed: false, lock };
  });
  notifyLock(deps, lock);
  if (closed) throw new WrongCodeError(t("secondFactor.tooManyTries"));
  throw new WrongCodeError(refusal.detail, refusal.status);
}

/** A right code: the account's failure count from this address starts again. */
export function recordSecondFactorSuccess(db: Db, user: AuthUser, ip: string, now = new Date()): void {
  recordLoginAttempt(db, { email: secondFactorKey(user), ip, succeeded: true, at: now.toISOString() });
}

/**
 * Checks a second-factor code: a TOTP code of a step not used yet, or an unused recovery
 * code. Wrong codes are throttled like passwords and close a pending login after a few tries.
 * Says which kind of code opened the way; the caller writes what it then does (a session
 * opened, TOTP turned off) to the audit log.
 */
export function checkSecondFactor(
  deps: ThrottleDeps,
  user: AuthUser,
  code: string,
  ip: string,
  pending?: PendingLogin,
  /** 401 during login; 400 (a field error) from "Mon compte", where a session exists. */
  refusalStatus = 401,
): "totp" | "recovery_code" {
  const { db, config } = deps;
  const now = new Date();
  throttleSecondFactor(db, config, user, ip, now);
  const looksLikeTotp = /^\d{6}$/.test(code);
  const used = db.transaction(() => {
    const { secret } = totpState(db, user.id);
    let kind: "totp" | "recovery_code" | null = null;
    if (secret && looksLikeTotp) {
      const step = totpStep(secret, code, now.getTime());
      if (step !== null && claimTotpStep(db, user.id, step)) kind = "totp";
    } else if (secret && useRecoveryCode(db, user.id, hashRecoveryCode(code), now.toISOString())) {
      kind = "recovery_code";
    }
    if (kind) recordSecondFactorSuccess(db, user, ip, now);
    return kind;
  });
  if (used === null) {
    refuseSecondFactor(deps, user, ip, { pending, step: pending ? "code" : "account", attempted: looksLikeTotp ? "totp" : "recovery_code", status: refusalStatus }, now);
  }
  return used;
}
