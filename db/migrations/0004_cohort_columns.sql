-- Cohort counts read one row per challenge instead of joining history-derived tables:
-- each challenge carries its current level per axis and its outcome categories as a bit
-- mask (bit i = OUTCOME_CATEGORIES[i] in shared/domain.ts; NULL: no outcome recorded).
-- Kept in the same transaction as current_status and current_outcome.
ALTER TABLE challenges ADD COLUMN production_level INTEGER CHECK (production_level BETWEEN 0 AND 3);
ALTER TABLE challenges ADD COLUMN transmission_level INTEGER CHECK (transmission_level BETWEEN 0 AND 3);
ALTER TABLE challenges ADD COLUMN reliability_level INTEGER CHECK (reliability_level BETWEEN 0 AND 3);
ALTER TABLE challenges ADD COLUMN outcome_mask INTEGER CHECK (outcome_mask BETWEEN 0 AND 63);

UPDATE challenges SET
  production_level = (SELECT level FROM current_status WHERE challenge_id = challenges.id AND axis = 'production'),
  transmission_level = (SELECT level FROM current_status WHERE challenge_id = challenges.id AND axis = 'transmission'),
  reliability_level = (SELECT level FROM current_status WHERE challenge_id = challenges.id AND axis = 'reliability'),
  outcome_mask = (
    SELECT sum(DISTINCT CASE category.value
      WHEN 'maintained' THEN 1 WHEN 'evolving_in_production' THEN 2 WHEN 'production_after_end' THEN 4
      WHEN 'beyond_initial_scope' THEN 8 WHEN 'components_reused' THEN 16 WHEN 'discontinued' THEN 32 END)
    FROM current_outcome co JOIN outcomes o ON o.id = co.outcome_id, json_each(o.categories) AS category
    WHERE co.challenge_id = challenges.id
  );

CREATE INDEX challenges_promotion_levels ON challenges (promotion_key, production_level, transmission_level, reliability_level, outcome_mask);
