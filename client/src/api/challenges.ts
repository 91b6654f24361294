import { queryOptions, useQuery } from "@tanstack/react-query";
import type { ChallengeDetail, ChallengeSummary, MyChallenge } from "@shared/challenge";
import type { ChallengeFilters } from "@shared/challenge-filters";
import { apiGet } from "./http";
import { queryKeys } from "./query-keys";

export const challengeQueries = {
  list: (filters: ChallengeFilters) =>
    queryOptions({
      queryKey: queryKeys.challenges.list(filters),
      queryFn: () => apiGet<ChallengeSummary[]>("/challenges", { ...filters }),
    }),
  detail: (slug: string) =>
    queryOptions({
      queryKey: queryKeys.challenges.detail(slug),
      queryFn: () => apiGet<ChallengeDetail>(`/challenges/${encodeURIComponent(slug)}`),
    }),
  /** The signed-in user's challenges ("Mes défis"). */
  mine: () =>
    queryOptions({
      queryKey: queryKeys.me.challenges,
      queryFn: () => apiGet<MyChallenge[]>("/me/challenges"),
    }),
};

export const useChallenges = (filters: ChallengeFilters) => useQuery(challengeQueries.list(filters));
export const useChallenge = (slug: string) => useQuery(challengeQueries.detail(slug));
export const useMyChallenges = () => useQuery(challengeQueries.mine());
