-- Placeholder in branch issue10-identity only, so that 0009_identity.sql applies in this branch.
-- The lead deletes this file when merging: the real 0006 migration comes from another branch.
SELECT 1;
