-- When each promotion's trajectory steps last changed (as a data revision): reads recompute
-- only the promotions that changed since they last computed them.
CREATE TABLE trajectory_revisions (
  promotion_key TEXT PRIMARY KEY REFERENCES promotions (key) ON UPDATE CASCADE,
  revision      INTEGER NOT NULL
) WITHOUT ROWID;

INSERT INTO trajectory_revisions (promotion_key, revision)
SELECT key, (SELECT revision FROM data_revision) FROM promotions;
