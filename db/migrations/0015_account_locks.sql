-- Account-wide sign-in throttling (docs/decisions/0008-sign-in-hardening.md): failures for one
-- account are also counted across addresses; past a threshold the account is locked for a
-- while. A lock is a row, so that its holder gets one email per lock and a password reset can
-- lift it (until moved to the reset's time). `key` is the login_attempts key: the email for
-- passwords, `<email>#totp` for second-factor codes. Unknown emails are locked alike, so that a
-- lock says nothing of whether an account exists.
CREATE TABLE account_locks (
  id        INTEGER PRIMARY KEY,
  key       TEXT NOT NULL COLLATE NOCASE CHECK (length(key) <= 300),
  locked_at TEXT NOT NULL,
  until     TEXT NOT NULL,
  failures  INTEGER NOT NULL CHECK (failures >= 0)
);
CREATE INDEX account_locks_key ON account_locks (key, until);
-- The account-wide counter reads one account's attempts from every address.
CREATE INDEX login_attempts_email_at ON login_attempts (email, at);
