-- Update campaigns: the programme team asks the mentors of a set of challenges to bring them
-- up to date by a deadline. Campaigns are closed, never deleted: their history stays.
CREATE TABLE campaigns (
  id             INTEGER PRIMARY KEY,
  name           TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  deadline       TEXT NOT NULL CHECK (deadline GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  -- Same format as status_updates.recorded_at: "answered" compares the two.
  opened_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  opened_by_id   INTEGER REFERENCES users (id),
  opened_by_name TEXT NOT NULL,
  closed_at      TEXT,
  closed_by_name TEXT
);
CREATE INDEX campaigns_open ON campaigns (closed_at, deadline);

CREATE TABLE campaign_challenges (
  campaign_id  INTEGER NOT NULL REFERENCES campaigns (id),
  challenge_id INTEGER NOT NULL REFERENCES challenges (id) ON DELETE CASCADE,
  PRIMARY KEY (campaign_id, challenge_id)
) WITHOUT ROWID;
CREATE INDEX campaign_challenges_challenge ON campaign_challenges (challenge_id);

-- Every email a campaign sent (or failed to send). The partial unique index is what makes
-- "never twice the same day" hold across server processes and double clicks: a sender first
-- claims (campaign, recipient, Paris day) by inserting a 'sending' row, and only the one
-- whose insert went through sends. A failed attempt frees the day for a retry.
CREATE TABLE campaign_emails (
  id              INTEGER PRIMARY KEY,
  campaign_id     INTEGER NOT NULL REFERENCES campaigns (id),
  user_id         INTEGER NOT NULL REFERENCES users (id),
  recipient       TEXT NOT NULL CHECK (length(recipient) <= 254),
  kind            TEXT NOT NULL CHECK (kind IN ('opening', 'reminder')),
  paris_day       TEXT NOT NULL CHECK (paris_day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  challenge_count INTEGER NOT NULL CHECK (challenge_count >= 1),
  status          TEXT NOT NULL DEFAULT 'sending' CHECK (status IN ('sending', 'sent', 'failed')),
  error           TEXT CHECK (length(error) <= 500),
  created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  finished_at     TEXT
);
CREATE UNIQUE INDEX campaign_emails_once_a_day ON campaign_emails (campaign_id, user_id, paris_day) WHERE status <> 'failed';
CREATE INDEX campaign_emails_campaign ON campaign_emails (campaign_id, created_at);

-- "Which axes were answered since the campaign opened?" is one seek on this index per
-- challenge, reading only what was recorded since, whatever the length of its history.
CREATE INDEX status_updates_recorded ON status_updates (challenge_id, recorded_at, axis);
