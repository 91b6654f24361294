import { queryOptions, useQuery } from "@tanstack/react-query";
import type { SentBackEntry } from "@shared/review";
import { apiGet } from "./http";
import { queryKeys } from "./query-keys";

/** Declarations the programme team sent back to the signed-in mentor. */
const sentBackQueries = {
  mine: () =>
    queryOptions({
      queryKey: queryKeys.me.sentBack,
      queryFn: () => apiGet<SentBackEntry[]>("/me/sent-back"),
    }),
};

export const useMySentBack = (enabled = true) => useQuery({ ...sentBackQueries.mine(), enabled });
