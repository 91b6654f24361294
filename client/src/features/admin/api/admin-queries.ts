import { queryOptions, useMutation, useQuery } from "@tanstack/react-query";
import type { AuditPage } from "@shared/audit";
import type { LinkDelivery } from "@shared/identity";
import type { MentorAssignment, UpdateUser, User } from "@shared/user";
import { apiGet, apiSend } from "../../../api/http";
import { queryKeys } from "../../../api/query-keys";

export interface AuditFilters {
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
  page?: number;
}

const userQueries = {
  list: () => queryOptions({ queryKey: queryKeys.users.list, queryFn: () => apiGet<User[]>("/users") }),
};

const auditQueries = {
  list: (filters: AuditFilters) =>
    queryOptions({
      queryKey: queryKeys.audit.page(filters),
      queryFn: () => apiGet<AuditPage>("/audit", { ...filters, pageSize: 25 }),
      placeholderData: (previous) => previous,
    }),
};

export const useUsers = () => useQuery(userQueries.list());
export const useAudit = (filters: AuditFilters) => useQuery(auditQueries.list(filters));

export function useUpdateUser() {
  return useMutation({
    mutationFn: ({ id, changes }: { id: number; changes: UpdateUser }) => apiSend<User>("PATCH", `/users/${id}`, changes),
    meta: { invalidates: "account" },
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: (id: number) => apiSend<LinkDelivery>("POST", `/users/${id}/password-reset`),
    meta: { invalidates: "account" },
  });
}

export function useAssignMentors() {
  return useMutation({
    mutationFn: ({ slug, userIds }: { slug: string } & MentorAssignment) =>
      apiSend<{ mentors: { id: number; name: string }[] }>("PUT", `/challenges/${encodeURIComponent(slug)}/mentors`, { userIds }),
    meta: { invalidates: "mentorAssignment" },
  });
}
