import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import type { ValidationDecision } from "@shared/domain";
import {
  bulkReviewSchema,
  dismissalSchema,
  type BulkReviewResult,
  type EntryRef,
  reviewDecisionSchema,
  type ReviewQueueItem,
  type ReviewQueuePage,
  type ReviewResult,
} from "@shared/review";
import { apiGet, apiSend } from "../../../api/http";
import { queryKeys } from "../../../api/query-keys";
import { checkBody } from "../../../lib/check-body";
import { idempotencyHeader, useIdempotentMutation } from "../../../lib/idempotency";

export type QueueState = "declared" | "sent_back";

const reviewQueries = {
  queue: (state: QueueState, page: number) =>
    queryOptions({
      queryKey: queryKeys.review.queue(state, page),
      queryFn: () => apiGet<ReviewQueuePage>("/validations", { state, page, pageSize: 25 }),
      placeholderData: keepPreviousData,
    }),
};

export const useReviewQueue = (state: QueueState, page: number) => useQuery(reviewQueries.queue(state, page));

const entryPath = (item: Pick<ReviewQueueItem, "kind" | "id">) =>
  `/${item.kind === "outcome" ? "outcomes" : "status-updates"}/${item.id}/validation`;

/** Validates or sends back a declaration; the queue and the challenge reads change with it. */
export function useDecide() {
  return useIdempotentMutation({
    mutationFn: ({ item, decision, comment }: { item: ReviewQueueItem; decision: ValidationDecision; comment?: string }, key) => {
      const body = comment ? { decision, comment } : { decision };
      checkBody(reviewDecisionSchema, body);
      return apiSend<ReviewResult>("POST", entryPath(item), body, idempotencyHeader(key));
    },
    meta: { invalidates: "reviewDecision" },
  });
}

const refs = (items: ReviewQueueItem[]): EntryRef[] => items.map(({ kind, id }) => ({ kind, id }));

/** Validates the listed declarations of one challenge in one request (all or nothing). */
export function useValidateChallenge() {
  return useIdempotentMutation({
    mutationFn: ({ slug, items }: { slug: string; items: ReviewQueueItem[] }, key) => {
      const body = { entries: refs(items) };
      checkBody(bulkReviewSchema, body);
      return apiSend<BulkReviewResult>("POST", `/challenges/${encodeURIComponent(slug)}/validations`, body, idempotencyHeader(key));
    },
    meta: { invalidates: "reviewDecision" },
  });
}

/** Sets superseded declarations aside in one request (all or nothing). */
export function useDismiss() {
  return useIdempotentMutation({
    mutationFn: (items: ReviewQueueItem[], key) => {
      const body = { entries: refs(items) };
      checkBody(dismissalSchema, body);
      return apiSend<{ dismissed: number }>("POST", "/validations/dismissals", body, idempotencyHeader(key));
    },
    meta: { invalidates: "reviewDecision" },
  });
}
