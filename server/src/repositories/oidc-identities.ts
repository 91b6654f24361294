import type { Db } from "../db/database";

/** A ProConnect identity (issuer + `sub`) and the account it opens. */
export interface OidcIdentity {
  issuer: string;
  subject: string;
  userId: number;
  linkedAt: string;
}

const columns = "issuer, subject, user_id AS userId, linked_at AS linkedAt";

export function findOidcIdentity(db: Db, issuer: string, subject: string): OidcIdentity | undefined {
  return db.get<OidcIdentity>(`SELECT ${columns} FROM oidc_identities WHERE issuer = ? AND subject = ?`, [issuer, subject]);
}

/** The identity of that issuer already linked to the account, if any (at most one). */
export function findOidcIdentityOfUser(db: Db, issuer: string, userId: number): OidcIdentity | undefined {
  return db.get<OidcIdentity>(`SELECT ${columns} FROM oidc_identities WHERE issuer = ? AND user_id = ?`, [issuer, userId]);
}

export function insertOidcIdentity(db: Db, identity: OidcIdentity): void {
  db.run("INSERT INTO oidc_identities (issuer, subject, user_id, linked_at) VALUES (@issuer, @subject, @userId, @linkedAt)", { ...identity });
}

/** Unlinks every ProConnect identity of the account (`npm run user -- unlink-proconnect`). */
export function deleteOidcIdentitiesOfUser(db: Db, userId: number): number {
  return db.run("DELETE FROM oidc_identities WHERE user_id = ?", [userId]).changes;
}
