import { keepPreviousData, queryOptions, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ValidationDecision } from "@shared/domain";
import {
  bulkValidationSchema,
  dismissalSchema,
  type BulkValidationResult,
  type EntryRef,
  validationDecisionSchema,
  type ValidationQueueItem,
  type ValidationQueuePage,
  type ValidationResult,
} from "@shared/validation";
import { challengeQueries } from "../../../api/challenges";
import { apiGet, apiSend } from "../../../api/http";
import { checkBody } from "../../../lib/check-body";
import { idempotencyHeader, useIdempotentMutation } from "../../../lib/idempotency";

export type QueueState = "declared" | "sent_back";

export const reviewQueries = {
  all: () => ["validations"] as const,
  queue: (state: QueueState, page: number) =>
    queryOptions({
      queryKey: [...reviewQueries.all(), state, page] as const,
      queryFn: () => apiGet<ValidationQueuePage>("/validations", { state, page, pageSize: 25 }),
      placeholderData: keepPreviousData,
    }),
};

export const useReviewQueue = (state: QueueState, page: number) => useQuery(reviewQueries.queue(state, page));

const entryPath = (item: Pick<ValidationQueueItem, "kind" | "id">) =>
  `/${item.kind === "outcome" ? "outcomes" : "status-updates"}/${item.id}/validation`;

/** Validates or sends back a declaration; the queue and the challenge reads change with it. */
export function useDecide() {
  const queryClient = useQueryClient();
  return useIdempotentMutation({
    mutationFn: ({ item, decision, comment }: { item: ValidationQueueItem; decision: ValidationDecision; comment?: string }, key) => {
      const body = comment ? { decision, comment } : { decision };
      checkBody(validationDecisionSchema, body);
      return apiSend<ValidationResult>("POST", entryPath(item), body, idempotencyHeader(key));
    },
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: reviewQueries.all() }),
        queryClient.invalidateQueries({ queryKey: challengeQueries.all() }),
      ]),
  });
}

const refresh = (queryClient: ReturnType<typeof useQueryClient>) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: reviewQueries.all() }),
    queryClient.invalidateQueries({ queryKey: challengeQueries.all() }),
  ]);

const refs = (items: ValidationQueueItem[]): EntryRef[] => items.map(({ kind, id }) => ({ kind, id }));

/** Validates the listed declarations of one challenge in one request (all or nothing). */
export function useValidateChallenge() {
  const queryClient = useQueryClient();
  return useIdempotentMutation({
    mutationFn: ({ slug, items }: { slug: string; items: ValidationQueueItem[] }, key) => {
      const body = { entries: refs(items) };
      checkBody(bulkValidationSchema, body);
      return apiSend<BulkValidationResult>("POST", `/challenges/${encodeURIComponent(slug)}/validations`, body, idempotencyHeader(key));
    },
    onSuccess: () => refresh(queryClient),
  });
}

/** Sets superseded declarations aside in one request (all or nothing). */
export function useDismiss() {
  const queryClient = useQueryClient();
  return useIdempotentMutation({
    mutationFn: (items: ValidationQueueItem[], key) => {
      const body = { entries: refs(items) };
      checkBody(dismissalSchema, body);
      return apiSend<{ dismissed: number }>("POST", "/validations/dismissals", body, idempotencyHeader(key));
    },
    onSuccess: () => refresh(queryClient),
  });
}
