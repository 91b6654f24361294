import { createHash, randomBytes } from "node:crypto";
import type { Request, Response } from "express";
import { parse as parseCookies } from "cookie";
import type { Config } from "../config";
import type { Db } from "../db/database";
import type { SignInMethod } from "@shared/sign-in-audit";
import { deleteUserPendingLogins } from "../repositories/identity";
import {
  deleteExpiredSessions,
  deleteOtherUserSessions,
  deleteSession,
  deleteUserSessions,
  findSession,
  insertSession,
  touchSession,
  type OidcSessionDetails,
  type SessionRecord,
} from "../repositories/sessions";

export const SESSION_COOKIE = "eig_session";

/** The database keeps only a hash of the cookie's value: a copy of the file opens no session. */
const sessionId = (token: string) => createHash("sha256").update(token).digest("base64url");

const minutes = (n: number) => n * 60_000;

export function createSession(
  db: Db,
  config: Config,
  userId: number,
  now = new Date(),
  oidc?: OidcSessionDetails,
  signInMethod: SignInMethod = oidc ? "proconnect" : "password",
): { token: string; csrfToken: string } {
  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(32).toString("base64url");
  insertSession(db, {
    id: sessionId(token),
    userId,
    csrfToken,
    now: now.toISOString(),
    expiresAt: new Date(now.getTime() + minutes(config.session.absoluteHours * 60)).toISOString(),
    signInMethod,
    oidc,
  });
  return { token, csrfToken };
}

/**
 * The live session named by the request's cookie, or undefined. A session ends after
 * `idleMinutes` without a request or `absoluteHours` after login, whichever comes first.
 */
export function resolveSession(db: Db, config: Config, req: Request, now = new Date()): SessionRecord | undefined {
  const token = req.headers.cookie ? parseCookies(req.headers.cookie)[SESSION_COOKIE] : undefined;
  if (!token) return undefined;
  const session = findSession(db, sessionId(token));
  if (!session) return undefined;
  const idleLimit = new Date(now.getTime() - minutes(config.session.idleMinutes)).toISOString();
  if (session.expiresAt <= now.toISOString() || session.lastSeenAt <= idleLimit) {
    deleteSession(db, session.id);
    return undefined;
  }
  // Record activity at most once a minute: reads should not each cost a write.
  if (now.getTime() - Date.parse(session.lastSeenAt) > 60_000) touchSession(db, session.id, now.toISOString());
  return session;
}

export function endSession(db: Db, session: SessionRecord): void {
  deleteSession(db, session.id);
}

/** What closing an account's access closed: sessions, and password steps awaiting their second factor. */
export interface ClosedAccess {
  sessionsClosed: number;
  pendingLoginsClosed: number;
}

/**
 * Closes the account's sessions (all, or all but `keep`) and its pending logins: after a
 * change of role, a deactivation or a new authenticator, nothing opened or started before
 * may go on with the account's new state (docs/decisions/0008-sign-in-hardening.md).
 * Call it inside the transaction of the change.
 */
export function closeAccountAccess(db: Db, userId: number, keep?: SessionRecord): ClosedAccess {
  return {
    sessionsClosed: keep ? deleteOtherUserSessions(db, userId, keep.id) : deleteUserSessions(db, userId),
    pendingLoginsClosed: deleteUserPendingLogins(db, userId),
  };
}

export function purgeExpiredSessions(db: Db, config: Config, now = new Date()): void {
  deleteExpiredSessions(db, now.toISOString(), new Date(now.getTime() - minutes(config.session.idleMinutes)).toISOString());
}

export function setSessionCookie(res: Response, config: Config, req: Request, token: string): void {
  res.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: config.secureCookies || req.secure,
    path: "/",
    maxAge: config.session.absoluteHours * 3_600_000,
  });
}

export function clearSessionCookie(res: Response, config: Config, req: Request): void {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: "lax", secure: config.secureCookies || req.secure, path: "/" });
}
