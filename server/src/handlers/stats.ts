import { atRiskChallenges, cohortStats, facets, outcomesAfterEnd, sustainabilityStats, trajectories } from "../repositories/stats";
import { headline } from "../repositories/headline";
import type { StatsFilters } from "@shared/stats";
import type { DataSource } from "../repositories/data-source";
import type { Ctx, Deps } from "./context";

/**
 * A statistic over the filtered challenges: the validated filters, and the rows from the live
 * tables or, with `?snapshot=ID`, from that snapshot.
 */
const statistic =
  <T>(compute: (db: Deps["db"], filters: StatsFilters, source: DataSource) => T) =>
  ({ db }: Deps) =>
  ({ query }: { query: StatsFilters }, ctx: Ctx): T =>
    compute(db, query, ctx.source);

export const getCohortStats = statistic(cohortStats);
export const getTrajectories = statistic(trajectories);
export const getOutcomesAfterEnd = statistic((db, filters, source) => outcomesAfterEnd(db, filters, null, source));
export const getSustainabilityStats = statistic(sustainabilityStats);
export const getAtRisk = statistic((db, filters, source) => atRiskChallenges(db, filters, null, source));
export const getHeadline = statistic(headline);

/** The administrations and skills the filters offer (only `?snapshot=ID` in the query). */
export const getFacets =
  ({ db }: Deps) =>
  (_input: unknown, ctx: Ctx) =>
    facets(db, ctx.source);
