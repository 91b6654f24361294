import { queryOptions, useQuery } from "@tanstack/react-query";
import type { Snapshot } from "@shared/snapshot";
import { apiGet } from "./http";
import { queryKeys } from "./query-keys";

// Snapshots are read by every page that can show figures "as of" one (dashboard, report) and
// managed in the admin area: their queries live here, shared by both.
const snapshotQueries = {
  list: () => queryOptions({ queryKey: queryKeys.snapshots.list, queryFn: () => apiGet<Snapshot[]>("/snapshots") }),
  // A snapshot never changes: once read, it is never fetched again.
  detail: (id: string) =>
    queryOptions({ queryKey: queryKeys.snapshots.detail(id), queryFn: () => apiGet<Snapshot>(`/snapshots/${id}`), staleTime: Infinity }),
};

export const useSnapshots = () => useQuery(snapshotQueries.list());
export const useSnapshot = (id: string | undefined) => useQuery({ ...snapshotQueries.detail(id ?? ""), enabled: id !== undefined });
