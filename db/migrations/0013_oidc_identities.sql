-- ProConnect sign-in hardening (docs/decisions/0008-sign-in-hardening.md).

-- The ProConnect identity (issuer + `sub`) linked to an account. Made once, on the first
-- ProConnect sign-in of an existing account or an invitation with a verified email; after
-- that the account is found by (issuer, subject), never by email again. One identity per
-- account and per issuer: another `sub` claiming the same email is refused.
CREATE TABLE oidc_identities (
  issuer    TEXT NOT NULL,
  subject   TEXT NOT NULL,
  user_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  linked_at TEXT NOT NULL,
  PRIMARY KEY (issuer, subject)
) WITHOUT ROWID;
CREATE UNIQUE INDEX oidc_identities_user ON oidc_identities (issuer, user_id);

-- A pending login now also follows a ProConnect sign-in (an admin whose provider did not
-- prove two factors): it remembers the first factor and what the session will keep (the ID
-- token for logout at the provider, acr, amr).
ALTER TABLE pending_logins ADD COLUMN first_factor TEXT NOT NULL DEFAULT 'password' CHECK (first_factor IN ('password', 'proconnect'));
ALTER TABLE pending_logins ADD COLUMN id_token TEXT;
ALTER TABLE pending_logins ADD COLUMN acr TEXT;
ALTER TABLE pending_logins ADD COLUMN amr TEXT;

-- Migration 0012 limited sessions.sign_in_method to four values; ProConnect followed by a
-- second factor adds three (shared/sign-in-audit.ts). SQLite cannot change a CHECK in place:
-- the table is rebuilt, its sessions kept (nothing references it).
CREATE TABLE sessions_new (
  id             TEXT PRIMARY KEY,
  user_id        INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token     TEXT NOT NULL,
  created_at     TEXT NOT NULL,
  last_seen_at   TEXT NOT NULL,
  expires_at     TEXT NOT NULL,
  auth_method    TEXT NOT NULL DEFAULT 'password' CHECK (auth_method IN ('password', 'oidc')),
  id_token       TEXT,
  acr            TEXT,
  amr            TEXT,
  sign_in_method TEXT CHECK (sign_in_method IS NULL OR sign_in_method IN (
    'password', 'password+totp', 'password+recovery_code',
    'proconnect', 'proconnect+totp', 'proconnect+recovery_code', 'proconnect+mfa'))
) WITHOUT ROWID;
INSERT INTO sessions_new (id, user_id, csrf_token, created_at, last_seen_at, expires_at, auth_method, id_token, acr, amr, sign_in_method)
  SELECT id, user_id, csrf_token, created_at, last_seen_at, expires_at, auth_method, id_token, acr, amr, sign_in_method FROM sessions;
DROP TABLE sessions;
ALTER TABLE sessions_new RENAME TO sessions;
CREATE INDEX sessions_user ON sessions (user_id);
