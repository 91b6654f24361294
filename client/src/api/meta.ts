import { queryOptions, useQuery } from "@tanstack/react-query";
import type { Meta } from "@shared/stats";
import { apiGet } from "./http";
import { queryKeys } from "./query-keys";

const metaQueries = {
  current: () => queryOptions({ queryKey: queryKeys.meta, queryFn: () => apiGet<Meta>("/meta"), staleTime: 10_000 }),
};

/** The data revision and whether the data are synthetic: for captions and the banner. */
export const useMeta = () => useQuery(metaQueries.current());
