-- Cohort trajectories maintained on write, so that reading them does not grow with history.
--
-- challenge_month_levels: for each challenge and axis, the level in force at the end of each
-- month (whole months since its promotion's start) in which it reported; retracted updates
-- excluded. Between two such months the earlier level carries forward.
CREATE TABLE challenge_month_levels (
  challenge_id INTEGER NOT NULL REFERENCES challenges (id),
  axis         TEXT NOT NULL CHECK (axis IN ('production', 'transmission', 'reliability')),
  month        INTEGER NOT NULL CHECK (month >= 0),
  level        INTEGER NOT NULL CHECK (level BETWEEN 0 AND 3),
  PRIMARY KEY (challenge_id, axis, month)
) WITHOUT ROWID;

-- trajectory_steps: the same, summed per promotion as a difference array. At each month,
-- how the sum of carried levels and the number of reporting challenges change, and how many
-- challenges reported that month. A trajectory is the running sum from the first month with
-- a report to the last.
CREATE TABLE trajectory_steps (
  promotion_key TEXT NOT NULL REFERENCES promotions (key) ON UPDATE CASCADE,
  axis          TEXT NOT NULL CHECK (axis IN ('production', 'transmission', 'reliability')),
  month         INTEGER NOT NULL,
  level_delta   INTEGER NOT NULL DEFAULT 0,
  count_delta   INTEGER NOT NULL DEFAULT 0,
  reporters     INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (promotion_key, axis, month)
) WITHOUT ROWID;
