import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { AuthUser, LoginRequest, SessionResponse } from "@shared/auth";
import { ApiError } from "../lib/api-error";
import { apiGet, apiSend, setCsrfToken } from "./http";
import { queryKeys } from "./query-keys";

const sessionQueries = {
  /** The signed-in user, or null when nobody is. */
  me: () =>
    queryOptions({
      queryKey: queryKeys.session,
      queryFn: async (): Promise<AuthUser | null> => {
        try {
          const { user, csrfToken } = await apiGet<SessionResponse>("/auth/me");
          setCsrfToken(csrfToken);
          return user;
        } catch (error) {
          if (error instanceof ApiError && error.status === 401) {
            setCsrfToken(undefined);
            return null;
          }
          throw error;
        }
      },
      staleTime: 5 * 60_000,
    }),
};

export const useCurrentUser = () => useQuery(sessionQueries.me());

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    // 202 `{next}`: a second factor (or, for an admin, its enrolment) is due before any session.
    mutationFn: (credentials: LoginRequest) => apiSend<SessionResponse | { next: "totp" | "totp-enrolment" }>("POST", "/auth/login", credentials),
    onSuccess: (answer) => {
      if (!("user" in answer)) return;
      const { user, csrfToken } = answer;
      setCsrfToken(csrfToken);
      // Another account may see other things: forget everything the previous one loaded.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== queryKeys.session[0] });
      queryClient.setQueryData(queryKeys.session, user);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend<{ endSessionUrl?: string } | undefined>("POST", "/auth/logout"),
    // A ProConnect session ends at the provider too, which then sends the browser back here.
    onSuccess: (answer) => {
      if (answer?.endSessionUrl) window.location.assign(answer.endSessionUrl);
    },
    onSettled: () => {
      setCsrfToken(undefined);
      queryClient.clear();
      queryClient.setQueryData(queryKeys.session, null);
    },
  });
}
