import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
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
import { challengeQueries } from "../../../api/challenges";
import { apiGet, apiSend } from "../../../api/http";
import { idempotencyHeader, useIdempotentMutation } from "../../../lib/idempotency";
import { checkBody } from "../../../lib/check-body";

export const campaignQueries = {
  all: () => ["campaigns"] as const,
  list: () => queryOptions({ queryKey: [...campaignQueries.all(), "list"] as const, queryFn: () => apiGet<CampaignSummary[]>("/campaigns") }),
  detail: (id: number) =>
    queryOptions({
      queryKey: [...campaignQueries.all(), "detail", id] as const,
      queryFn: () => apiGet<CampaignDetail>(`/campaigns/${id}`),
      // Emails leave after the answer: while some wait, the log is read again to show them go.
      refetchInterval: (query) => ((query.state.data?.emails.pending ?? 0) > 0 ? 2_000 : false),
    }),
  /** The signed-in mentor's to-do ("Mes défis"). */
  mine: () => queryOptions({ queryKey: [...campaignQueries.all(), "mine"] as const, queryFn: () => apiGet<MyCampaign[]>("/me/campaigns") }),
};

export const useCampaigns = () => useQuery(campaignQueries.list());
export const useCampaign = (id: number) => useQuery(campaignQueries.detail(id));
export const useMyCampaigns = () => useQuery(campaignQueries.mine());

/** Returns the promise: a write settles once what it changed has been read again. */
function useInvalidateCampaigns() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: campaignQueries.all() });
}

export function useCreateCampaign() {
  const onSuccess = useInvalidateCampaigns();
  return useIdempotentMutation({
    mutationFn: (campaign: NewCampaign, key) => {
      checkBody(newCampaignSchema, campaign);
      return apiSend<{ campaign: CampaignSummary; emails: EmailRun }>("POST", "/campaigns", campaign, idempotencyHeader(key));
    },
    onSuccess,
  });
}

export function useEditCampaign(id: number) {
  const onSuccess = useInvalidateCampaigns();
  return useMutation({
    mutationFn: (edit: CampaignEdit) => {
      checkBody(campaignEditSchema, edit);
      return apiSend<{ campaign: CampaignSummary; emails: EmailRun }>("PATCH", `/campaigns/${id}`, edit);
    },
    onSuccess,
  });
}

export function useCloseCampaign() {
  const onSuccess = useInvalidateCampaigns();
  return useMutation({ mutationFn: (id: number) => apiSend<CampaignSummary>("POST", `/campaigns/${id}/close`), onSuccess });
}

/** Deletes a campaign opened by mistake (the server refuses once anyone has answered it). */
export function useDeleteCampaign() {
  const onSuccess = useInvalidateCampaigns();
  return useMutation({ mutationFn: (id: number) => apiSend<void>("DELETE", `/campaigns/${id}`), onSuccess });
}

export function useSendReminders() {
  const onSuccess = useInvalidateCampaigns();
  return useMutation({ mutationFn: (id: number) => apiSend<EmailRun>("POST", `/campaigns/${id}/reminders`), onSuccess });
}

/** "Toujours exact" from the to-do: the existing confirmation route, on every reported axis. */
export function useConfirmFromCampaign() {
  const queryClient = useQueryClient();
  return useIdempotentMutation({
    mutationFn: (slug: string, key) =>
      apiSend<unknown>("POST", `/challenges/${encodeURIComponent(slug)}/confirmations`, {}, idempotencyHeader(key)),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: campaignQueries.all() });
      void queryClient.invalidateQueries({ queryKey: challengeQueries.all() });
    },
  });
}
