import type { Db } from "../db/database";
import type { AuthUser } from "@shared/auth";
import type { SignInMethod } from "@shared/sign-in-audit";

export interface SessionRecord {
  id: string;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  user: AuthUser;
  /** How the session was opened; an OpenID Connect one keeps its ID token for logout. */
  authMethod: "password" | "oidc";
  /** With which factors (null for sessions opened before migration 0012). */
  signInMethod: SignInMethod | null;
  idToken: string | null;
}

/** What an OpenID Connect sign-in records with its session. */
export interface OidcSessionDetails {
  idToken: string;
  acr: string | null;
  amr: string | null;
}

export function insertSession(
  db: Db,
  session: { id: string; userId: number; csrfToken: string; now: string; expiresAt: string; signInMethod: SignInMethod; oidc?: OidcSessionDetails },
): void {
  const { oidc, ...values } = session;
  db.run(
    `INSERT INTO sessions (id, user_id, csrf_token, created_at, last_seen_at, expires_at, auth_method, sign_in_method, id_token, acr, amr)
     VALUES (@id, @userId, @csrfToken, @now, @now, @expiresAt, @authMethod, @signInMethod, @idToken, @acr, @amr)`,
    { ...values, authMethod: oidc ? "oidc" : "password", idToken: oidc?.idToken ?? null, acr: oidc?.acr ?? null, amr: oidc?.amr ?? null },
  );
}

/** The session and its user, if the user is still active. */
export function findSession(db: Db, id: string): SessionRecord | undefined {
  const row = db.get<Omit<SessionRecord, "user"> & AuthUser & { userId: number }>(
    `SELECT s.id, s.csrf_token AS csrfToken, s.created_at AS createdAt, s.last_seen_at AS lastSeenAt,
            s.expires_at AS expiresAt, s.auth_method AS authMethod, s.sign_in_method AS signInMethod, s.id_token AS idToken, u.id AS userId, u.email, u.name, u.role
     FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.id = ? AND u.is_active = 1`,
    [id],
  );
  if (!row) return undefined;
  const { userId, email, name, role, ...session } = row;
  return { ...session, user: { id: userId, email, name, role } };
}

export function touchSession(db: Db, id: string, now: string): void {
  db.run("UPDATE sessions SET last_seen_at = ? WHERE id = ?", [now, id]);
}

export function deleteSession(db: Db, id: string): void {
  db.run("DELETE FROM sessions WHERE id = ?", [id]);
}

/** Closes every session of the account; says how many were open. */
export function deleteUserSessions(db: Db, userId: number): number {
  return db.run("DELETE FROM sessions WHERE user_id = ?", [userId]).changes;
}

/** Closes the account's sessions but `keepId`; says how many. */
export function deleteOtherUserSessions(db: Db, userId: number, keepId: string): number {
  return db.run("DELETE FROM sessions WHERE user_id = ? AND id <> ?", [userId, keepId]).changes;
}

export function deleteExpiredSessions(db: Db, now: string, idleSince: string): void {
  db.run("DELETE FROM sessions WHERE expires_at <= ? OR last_seen_at <= ?", [now, idleSince]);
}
