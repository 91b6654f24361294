import { queryOptions, useQuery } from "@tanstack/react-query";
import type { ChallengeDetail, ChallengeSummary } from "@shared/challenge";
import type { ChallengeFilters } from "@shared/challenge-filters";
import { apiGet } from "../lib/api-client";

export const challengeQueries = {
  all: () => ["challenges"] as const,
  lists: () => [...challengeQueries.all(), "list"] as const,
  list: (filters: ChallengeFilters) =>
    queryOptions({
      queryKey: [...challengeQueries.lists(), filters] as const,
      queryFn: () => apiGet<ChallengeSummary[]>("/challenges", { promotion: filters.promotion, q: filters.q }),
    }),
  details: () => [...challengeQueries.all(), "detail"] as const,
  detail: (slug: string) =>
    queryOptions({
      queryKey: [...challengeQueries.details(), slug] as const,
      queryFn: () => apiGet<ChallengeDetail>(`/challenges/${encodeURIComponent(slug)}`),
    }),
};

export const useChallenges = (filters: ChallengeFilters) => useQuery(challengeQueries.list(filters));
export const useChallenge = (slug: string) => useQuery(challengeQueries.detail(slug));
