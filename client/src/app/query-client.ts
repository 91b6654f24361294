import { QueryClient } from "@tanstack/react-query";
import { setOnSessionLost } from "../api/http";
import { invalidatingMutationCache } from "../api/invalidation";
import { queryKeys } from "../api/query-keys";
import { ApiError } from "../lib/api-error";

export const queryClient: QueryClient = new QueryClient({
  // Each mutation names what it makes stale: one map, read here (api/invalidation.ts).
  mutationCache: invalidatingMutationCache(() => queryClient),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // A 4xx will not change by asking again; a network failure or a 5xx may.
      retry: (failureCount, error) =>
        failureCount < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
    },
  },
});

// A session that expired while the page was open: back to the sign-in page.
setOnSessionLost(() => queryClient.setQueryData(queryKeys.session, null));
