-- Placeholder in branch issue9-snapshots only, so that 0008_snapshots runs in this branch
-- (the runner wants consecutive numbers). At merge, DELETE this file: the real migration with
-- this number comes from another branch.
SELECT 1;
