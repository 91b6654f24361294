-- "Toujours exact": a mentor confirms an axis is still right. It is kept in history as a
-- status update of kind 'confirmation' (same level as before) and resets staleness.
ALTER TABLE status_updates ADD COLUMN kind TEXT NOT NULL DEFAULT 'update'
  CHECK (kind IN ('update', 'confirmation'));

-- When something was last reported for the challenge (a status update, a confirmation or an
-- outcome): a challenge is "à actualiser" after 90 days without one. Null: never reported.
ALTER TABLE challenges ADD COLUMN last_report_at TEXT;

UPDATE challenges SET last_report_at = (
  SELECT max(at) FROM (
    SELECT max(recorded_at) AS at FROM status_updates WHERE challenge_id = challenges.id
    UNION ALL
    -- Outcomes restated from the public source were reported on their own date, not on load.
    SELECT max(CASE WHEN author_id IS NULL THEN as_of || 'T00:00:00.000Z' ELSE recorded_at END)
    FROM outcomes WHERE challenge_id = challenges.id
  )
);
