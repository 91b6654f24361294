import { queryOptions, useQuery } from "@tanstack/react-query";
import type { ChallengeDetail, ChallengeSummary, MyChallenge } from "@shared/challenge";
import type { ChallengeFilters } from "@shared/challenge-filters";
import { apiGet } from "./http";

export const challengeQueries = {
  all: () => ["challenges"] as const,
  lists: () => [...challengeQueries.all(), "list"] as const,
  list: (filters: ChallengeFilters) =>
    queryOptions({
      queryKey: [...challengeQueries.lists(), filters] as const,
      queryFn: () => apiGet<ChallengeSummary[]>("/challenges", { ...filters }),
    }),
  details: () => [...challengeQueries.all(), "detail"] as const,
  detail: (slug: string) =>
    queryOptions({
      queryKey: [...challengeQueries.details(), slug] as const,
      queryFn: () => apiGet<ChallengeDetail>(`/challenges/${encodeURIComponent(slug)}`),
    }),
  /** The signed-in user's challenges ("Mes défis"); under `all()` so that every write refreshes it. */
  mine: () =>
    queryOptions({
      queryKey: [...challengeQueries.all(), "mine"] as const,
      queryFn: () => apiGet<MyChallenge[]>("/me/challenges"),
    }),
};

export const useChallenges = (filters: ChallengeFilters) => useQuery(challengeQueries.list(filters));
export const useChallenge = (slug: string) => useQuery(challengeQueries.detail(slug));
export const useMyChallenges = () => useQuery(challengeQueries.mine());
