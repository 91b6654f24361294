-- Declarations replaced by a newer one on the same axis (or a newer outcome) that the
-- programme team sets aside without reviewing them (docs/decisions/0004). A dismissal is not a
-- decision: the entry stays unvalidated (the data views do not change), it only leaves the
-- queue while it is not in force. Appended, never edited, like decisions.
CREATE TABLE validation_dismissals (
  id           INTEGER PRIMARY KEY,
  entry_kind   TEXT NOT NULL CHECK (entry_kind IN ('status_update', 'outcome')),
  entry_id     INTEGER NOT NULL,
  challenge_id INTEGER NOT NULL REFERENCES challenges (id),
  dismissed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  admin_id     INTEGER REFERENCES users (id),
  admin_name   TEXT NOT NULL
);
CREATE INDEX validation_dismissals_entry ON validation_dismissals (entry_kind, entry_id);

CREATE TRIGGER validation_dismissals_no_update BEFORE UPDATE ON validation_dismissals
BEGIN SELECT RAISE(ABORT, 'validation dismissals are append-only'); END;
CREATE TRIGGER validation_dismissals_no_delete BEFORE DELETE ON validation_dismissals
BEGIN SELECT RAISE(ABORT, 'validation dismissals are append-only'); END;
-- The queue's answers are cached on the data revision.
CREATE TRIGGER validation_dismissals_revision_insert AFTER INSERT ON validation_dismissals
BEGIN UPDATE data_revision SET revision = revision + 1 WHERE id = 1; END;
