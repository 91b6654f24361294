import { QueryClient } from "@tanstack/react-query";
import { sessionQueries } from "../api/session";
import { ApiError } from "../lib/api-error";
import { setOnSessionLost } from "../api/http";

export const queryClient = new QueryClient({
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
setOnSessionLost(() => queryClient.setQueryData(sessionQueries.all(), null));
