import { queryOptions, useMutation, useQuery } from "@tanstack/react-query";
import {
  campaignEditSchema,
  newCampaignSchema,
  type CampaignDetail,
  type CampaignEdit,
  type CampaignSummary,
  type EmailRun,
  type MyCampaign,
  type NewCampaign,
} from "@shared/campaign";
import { apiGet, apiSend } from "../../../api/http";
import { queryKeys } from "../../../api/query-keys";
import { idempotencyHeader, useIdempotentMutation } from "../../../lib/idempotency";
import { checkBody } from "../../../lib/check-body";

const campaignQueries = {
  list: () => queryOptions({ queryKey: queryKeys.campaigns.list, queryFn: () => apiGet<CampaignSummary[]>("/campaigns") }),
  detail: (id: number) =>
    queryOptions({
      queryKey: queryKeys.campaigns.detail(id),
      queryFn: () => apiGet<CampaignDetail>(`/campaigns/${id}`),
      // Emails leave after the answer: while some wait, the log is read again to show them go.
      refetchInterval: (query) => ((query.state.data?.emails.pending ?? 0) > 0 ? 2_000 : false),
    }),
  /** The signed-in mentor's to-do ("Mes défis"). */
  mine: () => queryOptions({ queryKey: queryKeys.me.campaigns, queryFn: () => apiGet<MyCampaign[]>("/me/campaigns") }),
};

export const useCampaigns = () => useQuery(campaignQueries.list());
export const useCampaign = (id: number) => useQuery(campaignQueries.detail(id));
export const useMyCampaigns = () => useQuery(campaignQueries.mine());

const meta = { invalidates: "campaign" } as const;

export function useCreateCampaign() {
  return useIdempotentMutation({
    mutationFn: (campaign: NewCampaign, key) => {
      checkBody(newCampaignSchema, campaign);
      return apiSend<{ campaign: CampaignSummary; emails: EmailRun }>("POST", "/campaigns", campaign, idempotencyHeader(key));
    },
    meta,
  });
}

export function useEditCampaign(id: number) {
  return useMutation({
    mutationFn: (edit: CampaignEdit) => {
      checkBody(campaignEditSchema, edit);
      return apiSend<{ campaign: CampaignSummary; emails: EmailRun }>("PATCH", `/campaigns/${id}`, edit);
    },
    meta,
  });
}

export function useCloseCampaign() {
  return useMutation({ mutationFn: (id: number) => apiSend<CampaignSummary>("POST", `/campaigns/${id}/close`), meta });
}

/** Deletes a campaign opened by mistake (the server refuses once anyone has answered it). */
export function useDeleteCampaign() {
  return useMutation({ mutationFn: (id: number) => apiSend<void>("DELETE", `/campaigns/${id}`), meta });
}

export function useSendReminders() {
  return useMutation({ mutationFn: (id: number) => apiSend<EmailRun>("POST", `/campaigns/${id}/reminders`), meta });
}

/** "Toujours exact" from the to-do: the existing confirmation route, on every reported axis. */
export function useConfirmFromCampaign() {
  return useIdempotentMutation({
    mutationFn: (slug: string, key) =>
      apiSend<unknown>("POST", `/challenges/${encodeURIComponent(slug)}/confirmations`, {}, idempotencyHeader(key)),
    meta: { invalidates: "statusUpdate" },
  });
}
