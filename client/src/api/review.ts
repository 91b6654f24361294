import { queryOptions, useQuery } from "@tanstack/react-query";
import type { SentBackEntry } from "@shared/validation";
import { apiGet } from "./http";
import { challengeQueries } from "./challenges";

/** Declarations sent back to the signed-in mentor (issue 9); under `challengeQueries.all()`, so that every write refreshes it. */
export const sentBackQueries = {
  mine: () =>
    queryOptions({
      queryKey: [...challengeQueries.all(), "sent-back"] as const,
      queryFn: () => apiGet<SentBackEntry[]>("/me/sent-back"),
    }),
};

export const useMySentBack = (enabled = true) => useQuery({ ...sentBackQueries.mine(), enabled });
