-- How each session was opened (password alone, with a TOTP or recovery code, or ProConnect),
-- so that « Mon compte » says it. Sessions opened before this migration have none: they are
-- described by auth_method alone.
ALTER TABLE sessions ADD COLUMN sign_in_method TEXT
  CHECK (sign_in_method IS NULL OR sign_in_method IN ('password', 'password+totp', 'password+recovery_code', 'proconnect'));
