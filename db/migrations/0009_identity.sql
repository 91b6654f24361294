-- Issue 10: ProConnect (OpenID Connect) sign-in, invitations, password reset by email, TOTP.
-- Tokens sent by email are stored only as SHA-256 hashes: a copy of the file opens nothing.

-- TOTP (RFC 6238). The secret must be readable to check codes; `totp_last_step` is the
-- time step of the last accepted code, so that a code cannot be replayed within its window.
ALTER TABLE users ADD COLUMN totp_secret TEXT;
ALTER TABLE users ADD COLUMN totp_enabled_at TEXT;
ALTER TABLE users ADD COLUMN totp_last_step INTEGER NOT NULL DEFAULT 0;
-- A secret being enrolled from "Mon compte", until a first code confirms it.
ALTER TABLE users ADD COLUMN totp_pending_secret TEXT;

-- How a session was opened; for OpenID Connect sessions, what RP-initiated logout needs
-- (the ID token, as id_token_hint) and the authentication context the provider reported.
ALTER TABLE sessions ADD COLUMN auth_method TEXT NOT NULL DEFAULT 'password' CHECK (auth_method IN ('password', 'oidc'));
ALTER TABLE sessions ADD COLUMN id_token TEXT;
ALTER TABLE sessions ADD COLUMN acr TEXT;
ALTER TABLE sessions ADD COLUMN amr TEXT;

CREATE TABLE recovery_codes (
  id        INTEGER PRIMARY KEY,
  user_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  code_hash TEXT NOT NULL,
  used_at   TEXT
);
CREATE INDEX recovery_codes_user ON recovery_codes (user_id);

-- A password accepted, a second step still due (a TOTP code, or enrolment for an admin
-- without one). Named by an HttpOnly cookie whose value is hashed here.
CREATE TABLE pending_logins (
  id           TEXT PRIMARY KEY,
  user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  purpose      TEXT NOT NULL CHECK (purpose IN ('totp', 'enrolment')),
  enrol_secret TEXT,
  failures     INTEGER NOT NULL DEFAULT 0,
  created_at   TEXT NOT NULL,
  expires_at   TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE invitations (
  id          INTEGER PRIMARY KEY,
  email       TEXT NOT NULL COLLATE NOCASE,
  name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  role        TEXT NOT NULL CHECK (role IN ('admin', 'mentor', 'evaluator')),
  -- Challenges a mentor will be assigned on acceptance (JSON array of slugs).
  challenges  TEXT NOT NULL DEFAULT '[]',
  token_hash  TEXT NOT NULL UNIQUE,
  invited_by  INTEGER REFERENCES users (id) ON DELETE SET NULL,
  created_at  TEXT NOT NULL,
  sent_at     TEXT NOT NULL,
  expires_at  TEXT NOT NULL,
  accepted_at TEXT,
  revoked_at  TEXT,
  user_id     INTEGER REFERENCES users (id) ON DELETE SET NULL
);
-- One open invitation per address.
CREATE UNIQUE INDEX invitations_open_email ON invitations (email) WHERE accepted_at IS NULL AND revoked_at IS NULL;

CREATE TABLE password_resets (
  id         INTEGER PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at    TEXT
);
CREATE INDEX password_resets_user ON password_resets (user_id, created_at);

-- Requests for a reset link, whatever the address (known or not): throttling per address.
CREATE TABLE password_reset_requests (
  id    INTEGER PRIMARY KEY,
  ip    TEXT NOT NULL,
  email TEXT NOT NULL COLLATE NOCASE,
  at    TEXT NOT NULL
);
CREATE INDEX password_reset_requests_ip ON password_reset_requests (ip, at);
CREATE INDEX password_reset_requests_email ON password_reset_requests (email, at);

-- An OpenID Connect sign-in under way: state, nonce and PKCE verifier kept server-side,
-- bound to the browser by an HttpOnly cookie (hashed here), single use, short-lived.
CREATE TABLE oidc_logins (
  id            TEXT PRIMARY KEY,
  state         TEXT NOT NULL,
  nonce         TEXT NOT NULL,
  code_verifier TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  expires_at    TEXT NOT NULL
) WITHOUT ROWID;
