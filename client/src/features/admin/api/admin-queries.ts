import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { AuditPage } from "@shared/audit";
import type { LinkDelivery } from "@shared/identity";
import type { CreateUser, MentorAssignment, UpdateUser, User } from "@shared/user";
import { challengeQueries } from "../../../api/challenges";
import { apiGet, apiSend } from "../../../api/http";
import { idempotencyHeader, useIdempotentMutation } from "../../../lib/idempotency";

export interface AuditFilters {
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
  page?: number;
}

export const userQueries = {
  all: () => ["users"] as const,
  list: () => queryOptions({ queryKey: userQueries.all(), queryFn: () => apiGet<User[]>("/users") }),
};

export const auditQueries = {
  all: () => ["audit"] as const,
  list: (filters: AuditFilters) =>
    queryOptions({
      queryKey: [...auditQueries.all(), filters] as const,
      queryFn: () => apiGet<AuditPage>("/audit", { ...filters, pageSize: 25 }),
      placeholderData: (previous) => previous,
    }),
};

export const useUsers = () => useQuery(userQueries.list());
export const useAudit = (filters: AuditFilters) => useQuery(auditQueries.list(filters));

/** Every account change shows in the users list and the audit log. */
function useInvalidateAccounts() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: userQueries.all() });
    void queryClient.invalidateQueries({ queryKey: auditQueries.all() });
  };
}

export function useCreateUser() {
  const onSuccess = useInvalidateAccounts();
  return useIdempotentMutation({ mutationFn: (user: CreateUser, key) => apiSend<User>("POST", "/users", user, idempotencyHeader(key)), onSuccess });
}

export function useUpdateUser() {
  const onSuccess = useInvalidateAccounts();
  return useMutation({
    mutationFn: ({ id, changes }: { id: number; changes: UpdateUser }) => apiSend<User>("PATCH", `/users/${id}`, changes),
    onSuccess,
  });
}

export function useResetPassword() {
  const onSuccess = useInvalidateAccounts();
  return useMutation({
    mutationFn: (id: number) => apiSend<LinkDelivery>("POST", `/users/${id}/password-reset`),
    onSuccess,
  });
}

export function useAssignMentors() {
  const queryClient = useQueryClient();
  const invalidateAccounts = useInvalidateAccounts();
  return useMutation({
    mutationFn: ({ slug, userIds }: { slug: string } & MentorAssignment) =>
      apiSend<{ mentors: { id: number; name: string }[] }>("PUT", `/challenges/${encodeURIComponent(slug)}/mentors`, { userIds }),
    onSuccess: (_data, { slug }) => {
      invalidateAccounts();
      void queryClient.invalidateQueries({ queryKey: challengeQueries.detail(slug).queryKey });
    },
  });
}
