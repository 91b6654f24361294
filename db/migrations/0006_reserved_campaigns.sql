-- Placeholder: number 0006 is reserved for the campaigns migration, written in another branch.
-- The migration runner wants consecutive numbers; at merge, this file is deleted and the
-- campaigns branch's 0006 takes its place. It changes nothing.
SELECT 1;
