import type { Db } from "../db/database";
import type { Role } from "@shared/domain";
import type { Invitation } from "@shared/identity";

// ----- TOTP and recovery codes

export interface TotpState {
  secret: string | null;
  enabledAt: string | null;
  lastStep: number;
  pendingSecret: string | null;
}

// The TOTP secrets are stored sealed (AES-256-GCM, db.secrets), each bound to its row and
// column: a value copied to another account or column does not open
// (docs/decisions/0008-sign-in-hardening.md). Here they are sealed on the way in and opened
// on the way out; nothing else sees them encrypted.
const secretContext = (column: SecretColumn, rowId: number | string) => `${column.table}.${column.column}:${rowId}`;
const seal = (db: Db, column: SecretColumn, rowId: number | string, secret: string) => db.secrets.seal(secret, secretContext(column, rowId));
const open = (db: Db, column: SecretColumn, rowId: number | string, stored: string | null) =>
  stored === null ? null : db.secrets.open(stored, secretContext(column, rowId));

/** The columns that hold secrets the server must read back (hence encrypted, not hashed). */
export const SECRET_COLUMNS = {
  totp: { table: "users", column: "totp_secret" },
  pendingTotp: { table: "users", column: "totp_pending_secret" },
  enrol: { table: "pending_logins", column: "enrol_secret" },
} as const;
type SecretColumn = (typeof SECRET_COLUMNS)[keyof typeof SECRET_COLUMNS];

export function totpState(db: Db, userId: number): TotpState {
  const row = db.get<TotpState>(
    `SELECT totp_secret AS secret, totp_enabled_at AS enabledAt, totp_last_step AS lastStep, totp_pending_secret AS pendingSecret
     FROM users WHERE id = ?`,
    [userId],
  );
  if (!row) return { secret: null, enabledAt: null, lastStep: 0, pendingSecret: null };
  return {
    ...row,
    secret: open(db, SECRET_COLUMNS.totp, userId, row.secret),
    pendingSecret: open(db, SECRET_COLUMNS.pendingTotp, userId, row.pendingSecret),
  };
}

export function setPendingTotpSecret(db: Db, userId: number, secret: string | null): void {
  db.run("UPDATE users SET totp_pending_secret = ? WHERE id = ?", [
    secret === null ? null : seal(db, SECRET_COLUMNS.pendingTotp, userId, secret),
    userId,
  ]);
}

/** Turns TOTP on with `secret`, `step` being the step of the confirming code (not usable again). */
export function enableTotp(db: Db, userId: number, secret: string, step: number, now: string): void {
  db.run(
    `UPDATE users SET totp_secret = ?, totp_enabled_at = ?, totp_last_step = ?, totp_pending_secret = NULL WHERE id = ?`,
    [seal(db, SECRET_COLUMNS.totp, userId, secret), now, step, userId],
  );
}

export function disableTotp(db: Db, userId: number): void {
  db.run(
    "UPDATE users SET totp_secret = NULL, totp_enabled_at = NULL, totp_last_step = 0, totp_pending_secret = NULL WHERE id = ?",
    [userId],
  );
  db.run("DELETE FROM recovery_codes WHERE user_id = ?", [userId]);
}

/** A stored secret as it is in the database (sealed, or clear if written before encryption). */
export interface StoredSecret {
  column: SecretColumn;
  rowId: number | string;
  stored: string;
  /** The account it belongs to, to name it to the operator. */
  email: string;
}

/** Every secret stored in the database, whatever its form: for the startup check and upgrade. */
export function storedSecrets(db: Db): StoredSecret[] {
  const users = db.all<{ id: number; email: string; secret: string | null; pending: string | null }>(
    "SELECT id, email, totp_secret AS secret, totp_pending_secret AS pending FROM users WHERE totp_secret IS NOT NULL OR totp_pending_secret IS NOT NULL ORDER BY id",
  );
  const pending = db.all<{ id: string; email: string; stored: string }>(
    `SELECT p.id, u.email, p.enrol_secret AS stored FROM pending_logins p JOIN users u ON u.id = p.user_id
     WHERE p.enrol_secret IS NOT NULL ORDER BY p.created_at`,
  );
  return [
    ...users.flatMap((row) => [
      ...(row.secret === null ? [] : [{ column: SECRET_COLUMNS.totp, rowId: row.id, stored: row.secret, email: row.email }]),
      ...(row.pending === null ? [] : [{ column: SECRET_COLUMNS.pendingTotp, rowId: row.id, stored: row.pending, email: row.email }]),
    ]),
    ...pending.map((row) => ({ column: SECRET_COLUMNS.enrol, rowId: row.id, stored: row.stored, email: row.email })),
  ];
}

/** Seals a secret stored in clear, unless it changed meanwhile; true if it was sealed. */
export function sealClearSecret(db: Db, secret: StoredSecret): boolean {
  const { table, column } = secret.column;
  // Table and column come from SECRET_COLUMNS, never from input.
  return (
    db.run(`UPDATE ${table} SET ${column} = ? WHERE id = ? AND ${column} = ?`, [
      seal(db, secret.column, secret.rowId, secret.stored),
      secret.rowId,
      secret.stored,
    ]).changes === 1
  );
}

/** True if the key opens this stored secret. */
export function opensWithKey(db: Db, secret: StoredSecret): boolean {
  try {
    open(db, secret.column, secret.rowId, secret.stored);
    return true;
  } catch {
    return false;
  }
}

/** Records `step` as used if it is newer than the last one; false if the code was already used. */
export function claimTotpStep(db: Db, userId: number, step: number): boolean {
  return db.run("UPDATE users SET totp_last_step = ? WHERE id = ? AND totp_last_step < ?", [step, userId, step]).changes === 1;
}

export function replaceRecoveryCodes(db: Db, userId: number, hashes: string[]): void {
  db.run("DELETE FROM recovery_codes WHERE user_id = ?", [userId]);
  for (const hash of hashes) db.run("INSERT INTO recovery_codes (user_id, code_hash) VALUES (?, ?)", [userId, hash]);
}

/** Marks an unused recovery code as used; false if there is none with that hash. */
export function useRecoveryCode(db: Db, userId: number, hash: string, now: string): boolean {
  return (
    db.run(
      `UPDATE recovery_codes SET used_at = ? WHERE id = (
         SELECT id FROM recovery_codes WHERE user_id = ? AND code_hash = ? AND used_at IS NULL LIMIT 1)`,
      [now, userId, hash],
    ).changes === 1
  );
}

export function recoveryCodesLeft(db: Db, userId: number): number {
  return db.get<{ n: number }>("SELECT count(*) AS n FROM recovery_codes WHERE user_id = ? AND used_at IS NULL", [userId])!.n;
}

// ----- Pending logins (password given, second step due)

/** The factor already given when a pending login starts; a ProConnect one keeps what the session will need. */
export type FirstFactor =
  | { kind: "password" }
  | { kind: "proconnect"; idToken: string; acr: string | null; amr: string | null };

export interface PendingLogin {
  id: string;
  userId: number;
  purpose: "totp" | "enrolment";
  enrolSecret: string | null;
  failures: number;
  expiresAt: string;
  firstFactor: FirstFactor;
}

export function insertPendingLogin(
  db: Db,
  pending: { id: string; userId: number; purpose: PendingLogin["purpose"]; now: string; expiresAt: string; firstFactor?: FirstFactor },
): void {
  const { firstFactor = { kind: "password" }, ...values } = pending;
  db.run("DELETE FROM pending_logins WHERE expires_at <= ?", [pending.now]);
  db.run(
    `INSERT INTO pending_logins (id, user_id, purpose, created_at, expires_at, first_factor, id_token, acr, amr)
     VALUES (@id, @userId, @purpose, @now, @expiresAt, @firstFactor, @idToken, @acr, @amr)`,
    {
      ...values,
      firstFactor: firstFactor.kind,
      idToken: firstFactor.kind === "proconnect" ? firstFactor.idToken : null,
      acr: firstFactor.kind === "proconnect" ? firstFactor.acr : null,
      amr: firstFactor.kind === "proconnect" ? firstFactor.amr : null,
    },
  );
}

export function findPendingLogin(db: Db, id: string, now: string): PendingLogin | undefined {
  const row = db.get<Omit<PendingLogin, "firstFactor"> & { firstFactor: FirstFactor["kind"]; idToken: string | null; acr: string | null; amr: string | null }>(
    `SELECT p.id, p.user_id AS userId, p.purpose, p.enrol_secret AS enrolSecret, p.failures, p.expires_at AS expiresAt,
            p.first_factor AS firstFactor, p.id_token AS idToken, p.acr, p.amr
     FROM pending_logins p JOIN users u ON u.id = p.user_id
     WHERE p.id = ? AND p.expires_at > ? AND u.is_active = 1`,
    [id, now],
  );
  if (!row) return undefined;
  const { firstFactor, idToken, acr, amr, ...pending } = row;
  return {
    ...pending,
    enrolSecret: open(db, SECRET_COLUMNS.enrol, pending.id, pending.enrolSecret),
    firstFactor: firstFactor === "proconnect" ? { kind: "proconnect", idToken: idToken ?? "", acr, amr } : { kind: "password" },
  };
}

export function setPendingEnrolSecret(db: Db, id: string, secret: string): void {
  db.run("UPDATE pending_logins SET enrol_secret = ? WHERE id = ?", [seal(db, SECRET_COLUMNS.enrol, id, secret), id]);
}

/** Sign-ins under way that have expired: of no use, they go (at startup too). */
export function deleteExpiredPendingLogins(db: Db, now: string): void {
  db.run("DELETE FROM pending_logins WHERE expires_at <= ?", [now]);
}

export function countPendingFailure(db: Db, id: string): number {
  db.run("UPDATE pending_logins SET failures = failures + 1 WHERE id = ?", [id]);
  return db.get<{ failures: number }>("SELECT failures FROM pending_logins WHERE id = ?", [id])?.failures ?? 0;
}

export function deletePendingLogin(db: Db, id: string): void {
  db.run("DELETE FROM pending_logins WHERE id = ?", [id]);
}

/** Every password step of the account still waiting for its second factor; says how many. */
export function deleteUserPendingLogins(db: Db, userId: number): number {
  return db.run("DELETE FROM pending_logins WHERE user_id = ?", [userId]).changes;
}

// ----- Invitations

interface InvitationRow {
  id: number;
  email: string;
  name: string;
  role: Role;
  challenges: string;
  invitedBy: string | null;
  sentAt: string;
  expiresAt: string;
  acceptedAt: string | null;
  revokedAt: string | null;
}

const invitationColumns = `i.id, i.email, i.name, i.role, i.challenges, u.name AS invitedBy, i.sent_at AS sentAt,
  i.expires_at AS expiresAt, i.accepted_at AS acceptedAt, i.revoked_at AS revokedAt`;

const toInvitation = (row: InvitationRow, now: string): Invitation => ({
  id: row.id,
  email: row.email,
  name: row.name,
  role: row.role,
  challenges: JSON.parse(row.challenges) as string[],
  invitedBy: row.invitedBy,
  sentAt: row.sentAt,
  expiresAt: row.expiresAt,
  expired: row.expiresAt <= now,
});

export type StoredInvitation = Invitation & { acceptedAt: string | null; revokedAt: string | null };

export function openInvitations(db: Db, now: string): Invitation[] {
  return db
    .all<InvitationRow>(
      `SELECT ${invitationColumns} FROM invitations i LEFT JOIN users u ON u.id = i.invited_by
       WHERE i.accepted_at IS NULL AND i.revoked_at IS NULL ORDER BY i.sent_at DESC, i.id DESC`,
    )
    .map((row) => toInvitation(row, now));
}

function oneInvitation(db: Db, where: string, value: string | number, now: string): StoredInvitation | undefined {
  const row = db.get<InvitationRow>(
    `SELECT ${invitationColumns} FROM invitations i LEFT JOIN users u ON u.id = i.invited_by WHERE ${where}`,
    [value],
  );
  return row && { ...toInvitation(row, now), acceptedAt: row.acceptedAt, revokedAt: row.revokedAt };
}

export const findInvitation = (db: Db, id: number, now: string) => oneInvitation(db, "i.id = ?", id, now);
export const findInvitationByTokenHash = (db: Db, hash: string, now: string) => oneInvitation(db, "i.token_hash = ?", hash, now);
export const findOpenInvitationByEmail = (db: Db, email: string, now: string) =>
  oneInvitation(db, "i.email = ? AND i.accepted_at IS NULL AND i.revoked_at IS NULL", email, now);

export function insertInvitation(
  db: Db,
  invitation: { email: string; name: string; role: Role; challenges: string[]; tokenHash: string; invitedBy: number; now: string; expiresAt: string },
): number {
  const { lastInsertRowid } = db.run(
    `INSERT INTO invitations (email, name, role, challenges, token_hash, invited_by, created_at, sent_at, expires_at)
     VALUES (@email, @name, @role, @challenges, @tokenHash, @invitedBy, @now, @now, @expiresAt)`,
    { ...invitation, challenges: JSON.stringify(invitation.challenges) },
  );
  return Number(lastInsertRowid);
}

/** A new token (the old link dies) and a new expiry. */
export function renewInvitationToken(db: Db, id: number, tokenHash: string, now: string, expiresAt: string): void {
  db.run("UPDATE invitations SET token_hash = ?, sent_at = ?, expires_at = ? WHERE id = ?", [tokenHash, now, expiresAt, id]);
}

export function revokeInvitation(db: Db, id: number, now: string): void {
  db.run("UPDATE invitations SET revoked_at = ? WHERE id = ? AND accepted_at IS NULL AND revoked_at IS NULL", [now, id]);
}

export function markInvitationAccepted(db: Db, id: number, userId: number, now: string): boolean {
  return (
    db.run("UPDATE invitations SET accepted_at = ?, user_id = ? WHERE id = ? AND accepted_at IS NULL AND revoked_at IS NULL", [
      now,
      userId,
      id,
    ]).changes === 1
  );
}

// ----- Password resets

export interface PasswordResetRow {
  id: number;
  userId: number;
  email: string;
  expiresAt: string;
  usedAt: string | null;
}

export function insertPasswordReset(db: Db, reset: { userId: number; tokenHash: string; now: string; expiresAt: string }): void {
  // A new link replaces the ones not used yet: only the latest email works.
  db.run("UPDATE password_resets SET used_at = @now WHERE user_id = @userId AND used_at IS NULL", reset);
  db.run(
    "INSERT INTO password_resets (user_id, token_hash, created_at, expires_at) VALUES (@userId, @tokenHash, @now, @expiresAt)",
    reset,
  );
}

export function findPasswordReset(db: Db, tokenHash: string): PasswordResetRow | undefined {
  return db.get<PasswordResetRow>(
    `SELECT r.id, r.user_id AS userId, u.email, r.expires_at AS expiresAt, r.used_at AS usedAt
     FROM password_resets r JOIN users u ON u.id = r.user_id WHERE r.token_hash = ? AND u.is_active = 1`,
    [tokenHash],
  );
}

export function markPasswordResetUsed(db: Db, id: number, now: string): boolean {
  return db.run("UPDATE password_resets SET used_at = ? WHERE id = ? AND used_at IS NULL", [now, id]).changes === 1;
}

export function recordResetRequest(db: Db, request: { ip: string; email: string; at: string }): void {
  db.run("INSERT INTO password_reset_requests (ip, email, at) VALUES (@ip, @email, @at)", request);
}

export function resetRequestsSince(db: Db, by: { ip: string } | { email: string }, since: string): { count: number; oldest: string | null } {
  const [column, value] = "ip" in by ? ["ip", by.ip] : ["email", by.email];
  return db.get<{ count: number; oldest: string | null }>(
    `SELECT count(*) AS count, min(at) AS oldest FROM password_reset_requests WHERE ${column} = ? AND at > ?`,
    [value, since],
  )!;
}

// ----- OpenID Connect sign-ins under way

export interface OidcLogin {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export function insertOidcLogin(db: Db, login: OidcLogin & { id: string; now: string; expiresAt: string }): void {
  db.run("DELETE FROM oidc_logins WHERE expires_at <= ?", [login.now]);
  db.run(
    `INSERT INTO oidc_logins (id, state, nonce, code_verifier, created_at, expires_at)
     VALUES (@id, @state, @nonce, @codeVerifier, @now, @expiresAt)`,
    { ...login },
  );
}

/** Single use: the row is gone once read. */
export function takeOidcLogin(db: Db, id: string, now: string): OidcLogin | undefined {
  return db.transaction(() => {
    const row = db.get<OidcLogin>(
      "SELECT state, nonce, code_verifier AS codeVerifier FROM oidc_logins WHERE id = ? AND expires_at > ?",
      [id, now],
    );
    db.run("DELETE FROM oidc_logins WHERE id = ?", [id]);
    return row;
  });
}

/** An account made from an invitation: with the password the invitee chose, or none (ProConnect). */
export function insertInvitedUser(db: Db, user: { email: string; name: string; role: Role; passwordHash: string | null }): number {
  const { lastInsertRowid } = db.run(
    "INSERT INTO users (email, name, role, password_hash) VALUES (@email, @name, @role, @passwordHash)",
    user,
  );
  return Number(lastInsertRowid);
}

export function userHasPassword(db: Db, userId: number): boolean {
  return db.get<{ p: string | null }>("SELECT password_hash AS p FROM users WHERE id = ?", [userId])?.p != null;
}
