-- Campaign emails leave the request (issue 9 follow-up): the request records each email to send
-- as 'pending' in its own transaction, and an in-process worker sends them afterwards. SQLite
-- cannot change a CHECK constraint, so the table is rebuilt with the new states and columns.
--   pending  recorded, waiting for a worker (again after a failed attempt, until next_attempt_at)
--   sending  claimed by one worker (claimed_at): no other process will send it
--   sent     delivered to the SMTP server
--   failed   refused MAX_ATTEMPTS times; frees the day for a later run (partial unique index)
-- The subject and text are written with the row: what the request decided is what is sent.
CREATE TABLE campaign_emails_queue (
  id              INTEGER PRIMARY KEY,
  campaign_id     INTEGER NOT NULL REFERENCES campaigns (id),
  user_id         INTEGER NOT NULL REFERENCES users (id),
  recipient       TEXT NOT NULL CHECK (length(recipient) <= 254),
  kind            TEXT NOT NULL CHECK (kind IN ('opening', 'reminder')),
  paris_day       TEXT NOT NULL CHECK (paris_day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  challenge_count INTEGER NOT NULL CHECK (challenge_count >= 1),
  status          TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
  error           TEXT CHECK (length(error) <= 500),
  created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  finished_at     TEXT,
  subject         TEXT CHECK (length(subject) <= 1000),
  body            TEXT CHECK (length(body) <= 200000),
  attempts        INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at TEXT,
  claimed_at      TEXT
);
-- Rows of the old table were sent or failed in their request; a 'sending' one was cut short
-- by a stopped server and has no text to send again: it is recorded as failed.
INSERT INTO campaign_emails_queue (id, campaign_id, user_id, recipient, kind, paris_day, challenge_count, status, error, created_at, finished_at, attempts)
SELECT id, campaign_id, user_id, recipient, kind, paris_day, challenge_count,
       CASE status WHEN 'sending' THEN 'failed' ELSE status END,
       CASE status WHEN 'sending' THEN 'Envoi interrompu (serveur arrêté).' ELSE error END,
       created_at, finished_at, 1
FROM campaign_emails;
DROP TABLE campaign_emails;
ALTER TABLE campaign_emails_queue RENAME TO campaign_emails;
CREATE UNIQUE INDEX campaign_emails_once_a_day ON campaign_emails (campaign_id, user_id, paris_day) WHERE status <> 'failed';
CREATE INDEX campaign_emails_campaign ON campaign_emails (campaign_id, created_at);
-- What the worker looks for: due pending rows, and claims left behind by a stopped process.
CREATE INDEX campaign_emails_queue_due ON campaign_emails (status, next_attempt_at) WHERE status IN ('pending', 'sending');
