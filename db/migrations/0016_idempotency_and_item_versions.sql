-- Writes that happen once: a create request may carry
-- an Idempotency-Key; the first successful answer is kept 24 h under (account, key) and replayed
-- to any repeat. `status` is NULL while the first request is still running, so that a repeat
-- arriving meanwhile is refused instead of writing twice. `fingerprint` is a hash of the method,
-- path and body: the same key sent with another request is refused.
CREATE TABLE idempotency_keys (
  account_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  key          TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
  fingerprint  TEXT NOT NULL,
  status       INTEGER,
  content_type TEXT,
  body         TEXT,
  created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (account_id, key)
) WITHOUT ROWID;
CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);

-- Optimistic concurrency for the plan items, like the outcome: each row has a version that every
-- edit increments; PATCH and DELETE must name the version the editor saw (If-Match).
ALTER TABLE actions ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE scenarios ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE allies ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE resources ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
-- Deleting a scenario unlinks its actions (ON DELETE SET NULL): a change of theirs too.
CREATE TRIGGER actions_version_on_unlinked_scenario AFTER UPDATE OF scenario_id ON actions
WHEN OLD.scenario_id IS NOT NULL AND NEW.scenario_id IS NULL AND NEW.version = OLD.version
BEGIN UPDATE actions SET version = version + 1 WHERE id = NEW.id; END;
