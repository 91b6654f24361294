import type { Request, Response } from "express";
import { parse as parseCookies } from "cookie";
import type { Config } from "../config";
import type { Db } from "../db/database";
import { createSession, endSession, setSessionCookie } from "../auth/sessions";
import { TooManyAttemptsError } from "../auth/login";
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
  type PendingLogin,
} from "../repositories/identity";
import type { AuthUser } from "@shared/auth";
import { addMinutes, hashToken, newToken, PENDING_LOGIN_MINUTES } from "./tokens";
import { hashRecoveryCode, MAX_CODE_FAILURES_PER_PENDING_LOGIN, totpStep } from "./totp";

export const PENDING_COOKIE = "eig_pending";

const cookieOptions = (config: Config, req: Request) => ({
  httpOnly: true,
  sameSite: "lax" as const,
  secure: config.secureCookies || req.secure,
  path: "/api/auth",
});

/** Opens a session after every step is done: a new id (no fixation), cookie set, pending step closed. */
export function openSession(
  db: Db,
  config: Config,
  req: Request,
  res: Response,
  userId: number,
  oidc?: OidcSessionDetails,
): { csrfToken: string } {
  const previous = res.locals.session as SessionRecord | undefined;
  if (previous) endSession(db, previous);
  const { token, csrfToken } = createSession(db, config, userId, new Date(), oidc);
  setSessionCookie(res, config, req, token);
  res.clearCookie(PENDING_COOKIE, cookieOptions(config, req));
  return { csrfToken };
}

/** After the password: no session yet, a short-lived pending login named by an HttpOnly cookie. */
export function startPendingLogin(db: Db, config: Config, req: Request, res: Response, userId: number, purpose: PendingLogin["purpose"]): void {
  const token = newToken();
  const now = new Date();
  insertPendingLogin(db, { id: hashToken(token), userId, purpose, now: now.toISOString(), expiresAt: addMinutes(now, PENDING_LOGIN_MINUTES) });
  res.cookie(PENDING_COOKIE, token, { ...cookieOptions(config, req), maxAge: PENDING_LOGIN_MINUTES * 60_000 });
}

export function currentPendingLogin(db: Db, req: Request, purpose: PendingLogin["purpose"]): PendingLogin {
  const token = req.headers.cookie ? parseCookies(req.headers.cookie)[PENDING_COOKIE] : undefined;
  const pending = token ? findPendingLogin(db, hashToken(token), new Date().toISOString()) : undefined;
  if (!pending || pending.purpose !== purpose) {
    throw new UnauthorizedError("Votre connexion a expiré ou n'a pas commencé : saisissez de nouveau votre adresse et votre mot de passe.");
  }
  return pending;
}

export class WrongCodeError extends HttpError {
  constructor(detail = "Code incorrect ou déjà utilisé.", status = 401) {
    super(status, "Code refusé", detail, status === 400 ? [{ path: "body.code", message: detail }] : undefined);
  }
}

/**
 * Checks a second-factor code: a TOTP code of a step not used yet, or an unused recovery
 * code. Failures count in the login-attempts table under `<email>#totp` (a successful
 * password does not reset them) and close a pending login after a few tries.
 */
export function checkSecondFactor(
  db: Db,
  config: Config,
  user: AuthUser,
  code: string,
  ip: string,
  pending?: PendingLogin,
  /** 401 during login; 400 (a field error) from "Mon compte", where a session exists. */
  refusalStatus = 401,
): "totp" | "recovery-code" {
  const now = new Date();
  const key = `${user.email}#totp`;
  const windowMs = config.login.windowMinutes * 60_000;
  const failures = accountFailures(db, key, ip, new Date(now.getTime() - windowMs).toISOString());
  if (failures.count >= config.login.maxFailuresPerAccount) {
    const retry = Math.max(1, Math.ceil((Date.parse(failures.oldest ?? now.toISOString()) + windowMs - now.getTime()) / 1000));
    throw new TooManyAttemptsError(retry);
  }
  const outcome = db.transaction(() => {
    const { secret } = totpState(db, user.id);
    let used: "totp" | "recovery-code" | null = null;
    if (secret && /^\d{6}$/.test(code)) {
      const step = totpStep(secret, code, now.getTime());
      if (step !== null && claimTotpStep(db, user.id, step)) used = "totp";
    } else if (secret && useRecoveryCode(db, user.id, hashRecoveryCode(code), now.toISOString())) {
      used = "recovery-code";
    }
    recordLoginAttempt(db, { email: key, ip, succeeded: used !== null, at: now.toISOString() });
    recordAudit(db, {
      actor: { id: user.id, name: user.name, email: user.email },
      action: used === null ? "totp.failed" : used === "recovery-code" ? "totp.recovery_code_used" : "totp.succeeded",
      targetType: "user",
      targetId: user.id,
      ip,
    });
    if (used === null && pending && countPendingFailure(db, pending.id) >= MAX_CODE_FAILURES_PER_PENDING_LOGIN) {
      deletePendingLogin(db, pending.id);
      return "closed" as const;
    }
    return used;
  });
  if (outcome === "closed") throw new WrongCodeError("Code incorrect. Trop d'essais : saisissez de nouveau votre mot de passe.");
  if (outcome === null) throw new WrongCodeError(undefined, refusalStatus);
  return outcome;
}
