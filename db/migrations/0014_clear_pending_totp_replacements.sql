-- From now on, with TOTP on, a pending key is set only after a current code was given
-- (replacing the authenticator, docs/decisions/0008-sign-in-hardening.md). A pending key
-- left from before was set without one: drop it, the person asks for a new key.
UPDATE users SET totp_pending_secret = NULL WHERE totp_enabled_at IS NOT NULL;
