import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import type { CohortStats } from "@shared/cohort-stats";
import type { Headline } from "@shared/headline";
import type { AtRisk, Facets, OutcomesAfterEnd, StatsFilters, SustainabilityStats, Trajectory } from "@shared/stats";
import { apiGet } from "../../../api/http";
import { queryKeys } from "../../../api/query-keys";

const statistic = <T,>(name: string, path: string) => (filters: StatsFilters) =>
  queryOptions({
    queryKey: queryKeys.stats.statistic(name, filters),
    queryFn: () => apiGet<T>(path, { ...filters }),
    // Changing a filter keeps the previous chart on screen until the new one arrives.
    placeholderData: keepPreviousData,
  });

export const statsQueries = {
  cohorts: statistic<CohortStats[]>("cohorts", "/stats/cohorts"),
  trajectories: statistic<Trajectory[]>("trajectories", "/stats/trajectories"),
  outcomesAfterEnd: statistic<OutcomesAfterEnd[]>("outcomes-after-end", "/stats/outcomes-after-end"),
  sustainability: statistic<SustainabilityStats[]>("sustainability", "/stats/sustainability"),
  atRisk: statistic<AtRisk>("at-risk", "/stats/at-risk"),
  headline: statistic<Headline>("headline", "/stats/headline"),
  facets: (snapshot?: string) =>
    queryOptions({
      queryKey: queryKeys.stats.facets(snapshot),
      queryFn: () => apiGet<Facets>("/stats/facets", { snapshot }),
    }),
};

export const useCohortStats = (filters: StatsFilters) => useQuery(statsQueries.cohorts(filters));
/** `enabled: false` defers the fetch (the dashboard asks for its heavy answers after the first charts). */
export const useTrajectories = (filters: StatsFilters, enabled = true) => useQuery({ ...statsQueries.trajectories(filters), enabled });
export const useOutcomesAfterEnd = (filters: StatsFilters) => useQuery(statsQueries.outcomesAfterEnd(filters));
export const useSustainability = (filters: StatsFilters) => useQuery(statsQueries.sustainability(filters));
export const useAtRisk = (filters: StatsFilters, enabled = true) => useQuery({ ...statsQueries.atRisk(filters), enabled });
export const useHeadline = (filters: StatsFilters) => useQuery(statsQueries.headline(filters));
export const useFacets = (snapshot?: string) => useQuery(statsQueries.facets(snapshot));
