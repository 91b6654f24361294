import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { AuthUser, SessionResponse } from "@shared/auth";
import type { Account, AuthProviders, EnrolledSession, InvitationPreview, LoginNextStep, TotpEnrolment } from "@shared/identity";
import { apiGet, apiSend, setCsrfToken } from "../../../api/http";
import { queryKeys } from "../../../api/query-keys";

export const identityQueries = {
  providers: () => queryOptions({ queryKey: queryKeys.authProviders, queryFn: () => apiGet<AuthProviders>("/auth/providers"), staleTime: Infinity }),
  account: () => queryOptions({ queryKey: queryKeys.account, queryFn: () => apiGet<Account>("/account") }),
  invitation: (token: string) =>
    queryOptions({ queryKey: queryKeys.invitationCheck(token), queryFn: () => apiSend<InvitationPreview>("POST", "/invitations/check", { token }), retry: false }),
  reset: (token: string) =>
    queryOptions({ queryKey: queryKeys.passwordResetCheck(token), queryFn: () => apiSend<{ email: string }>("POST", "/auth/password-reset/check", { token }), retry: false }),
};

/** The answer of a step that may open a session (200) or ask for another step (202). */
export type StepAnswer = SessionResponse | LoginNextStep | EnrolledSession;

/** Once a session is open: the CSRF token kept, the previous account's data forgotten. */
export function useSessionOpened() {
  const queryClient = useQueryClient();
  return ({ user, csrfToken }: { user: AuthUser; csrfToken: string }) => {
    setCsrfToken(csrfToken);
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== queryKeys.session[0] });
    queryClient.setQueryData(queryKeys.session, user);
  };
}

export const useStep = <Body,>(path: string) => useMutation({ mutationFn: (body: Body) => apiSend<StepAnswer>("POST", path, body) });

/** A key to enrol; `code`: the current code (or a recovery code), to replace a key already on. */
export const useEnrolmentKey = (path: "/auth/login/totp-enrolment" | "/account/totp") =>
  useMutation({ mutationFn: (code?: string) => apiSend<TotpEnrolment>("POST", path, code === undefined ? {} : { code }) });

export const useRequestReset = () => useMutation({ mutationFn: (email: string) => apiSend<object>("POST", "/auth/password-reset/request", { email }) });
export const useCompleteReset = () =>
  useMutation({ mutationFn: (body: { token: string; password: string }) => apiSend<void>("POST", "/auth/password-reset", body) });

export function useAccountTotp() {
  return {
    confirm: useMutation({
      mutationFn: (code: string) => apiSend<{ recoveryCodes: string[] }>("POST", "/account/totp/confirm", { code }),
      meta: { invalidates: "secondFactor" },
    }),
    disable: useMutation({ mutationFn: (code: string) => apiSend<void>("POST", "/account/totp/disable", { code }), meta: { invalidates: "secondFactor" } }),
  };
}

/** The link's token, after `#` (never sent to the server in a URL). */
export const tokenFromHash = (hash: string) => decodeURIComponent(hash.replace(/^#/, ""));
