import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
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
import { apiGet, apiSend } from "../../../api/http";
import { queryKeys } from "../../../api/query-keys";
import { checkBody } from "../../../lib/check-body";
import { idempotencyHeader, useIdempotentMutation } from "../../../lib/idempotency";

export type QueueState = "declared" | "sent_back";

export const reviewQueries = {
  queue: (state: QueueState, page: number) =>
    queryOptions({
      queryKey: queryKeys.review.queue(state, page),
      queryFn: () => apiGet<ValidationQueuePage>("/validations", { state, page, pageSize: 25 }),
      placeholderData: keepPreviousData,
    }),
};

export const useReviewQueue = (state: QueueState, page: number) => useQuery(reviewQueries.queue(state, page));

const entryPath = (item: Pick<ValidationQueueItem, "kind" | "id">) =>
  `/${item.kind === "outcome" ? "outcomes" : "status-updates"}/${item.id}/validation`;

/** Validates or sends back a declaration; the queue and the challenge reads change with it. */
export function useDecide() {
  return useIdempotentMutation({
    mutationFn: ({ item, decision, comment }: { item: ValidationQueueItem; decision: ValidationDecision; comment?: string }, key) => {
      const body = comment ? { decision, comment } : { decision };
      checkBody(validationDecisionSchema, body);
      return apiSend<ValidationResult>("POST", entryPath(item), body, idempotencyHeader(key));
    },
    meta: { invalidates: "reviewDecision" },
  });
}

const refs = (items: ValidationQueueItem[]): EntryRef[] => items.map(({ kind, id }) => ({ kind, id }));

/** Validates the listed declarations of one challenge in one request (all or nothing). */
export function useValidateChallenge() {
  return useIdempotentMutation({
    mutationFn: ({ slug, items }: { slug: string; items: ValidationQueueItem[] }, key) => {
      const body = { entries: refs(items) };
      checkBody(bulkValidationSchema, body);
      return apiSend<BulkValidationResult>("POST", `/challenges/${encodeURIComponent(slug)}/validations`, body, idempotencyHeader(key));
    },
    meta: { invalidates: "reviewDecision" },
  });
}

/** Sets superseded declarations aside in one request (all or nothing). */
export function useDismiss() {
  return useIdempotentMutation({
    mutationFn: (items: ValidationQueueItem[], key) => {
      const body = { entries: refs(items) };
      checkBody(dismissalSchema, body);
      return apiSend<{ dismissed: number }>("POST", "/validations/dismissals", body, idempotencyHeader(key));
    },
    meta: { invalidates: "reviewDecision" },
  });
}
