// The filters every statistic, export and list shares (promotions, administration, skill), as
// SQL over a data source: the live tables or a snapshot's copies.
import type { Db } from "../db/database";
import { LIVE, type DataSource } from "./data-source";
import { promotionKeys, type StatsFilters } from "@shared/stats";

/** SQL condition on the alias `c` selecting the challenges the filters keep, in a data source. */
export const filteredChallenge = (source: DataSource) => `
  (@promotions IS NULL OR c.promotion_key IN (SELECT value FROM json_each(@promotions)))
  AND (@administration IS NULL OR c.administration = @administration)
  AND (@skill IS NULL OR EXISTS (SELECT 1 FROM ${source.table("challenge_skills")} cs WHERE cs.challenge_id = c.id AND cs.skill = @skill))`;

/** The filters' parameters, and those the data source's tables need. */
export const filterParams = (filters: StatsFilters, source: DataSource = LIVE) => ({
  ...source.params,
  // One or several promotions, as a JSON array that SQL reads with json_each.
  promotions: promotionKeys(filters.promotion) === null ? null : JSON.stringify(promotionKeys(filters.promotion)),
  administration: filters.administration ?? null,
  skill: filters.skill ?? null,
});

interface PromotionRow {
  key: string;
  label: string;
  startsOn: string;
  challengeCount: number;
}

/** The promotions in order, each with how many of its challenges the filters keep. */
export function filteredPromotions(db: Db, filters: StatsFilters, source: DataSource = LIVE): PromotionRow[] {
  return db.all<PromotionRow>(
    `SELECT p.key, p.label, p.starts_on AS startsOn,
            (SELECT count(*) FROM ${source.table("challenges")} c WHERE c.promotion_key = p.key AND ${filteredChallenge(source)}) AS challengeCount
     FROM ${source.table("promotions")} p
     WHERE @promotions IS NULL OR p.key IN (SELECT value FROM json_each(@promotions))
     ORDER BY p.position, p.starts_on, p.key`,
    filterParams(filters, source),
  );
}
