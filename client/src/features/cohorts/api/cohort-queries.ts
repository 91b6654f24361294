import { queryOptions, useQuery } from "@tanstack/react-query";
import type { CohortStats } from "@shared/cohort-stats";
import { apiGet } from "../../../lib/api-client";

export const cohortQueries = {
  all: () => ["stats", "cohorts"] as const,
  list: (promotion?: string) =>
    queryOptions({
      queryKey: [...cohortQueries.all(), { promotion }] as const,
      queryFn: () => apiGet<CohortStats[]>("/stats/cohorts", { promotion }),
    }),
};

export const useCohortStats = (promotion?: string) => useQuery(cohortQueries.list(promotion));
