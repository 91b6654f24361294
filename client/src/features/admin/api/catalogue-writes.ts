import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { CatalogueChallenge, ChallengePatch, NewChallenge, NewPromotion, PromotionPatch } from "@shared/catalogue";
import type { Promotion } from "@shared/promotion";
import { apiSend } from "../../../api/http";
import { idempotencyHeader, useIdempotentMutation } from "../../../lib/idempotency";

/**
 * A promotion's or a challenge's dates reach every figure (trajectories, outcomes after end,
 * lists): every query is read again. The promise is returned so that the success notice never
 * shows next to the old values.
 */
function useInvalidateAll() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries();
}

export function useCreatePromotion() {
  const onSuccess = useInvalidateAll();
  return useIdempotentMutation({
    mutationFn: (promotion: NewPromotion, key) => apiSend<Promotion>("POST", "/promotions", promotion, idempotencyHeader(key)),
    onSuccess,
  });
}

export function useUpdatePromotion() {
  const onSuccess = useInvalidateAll();
  return useMutation({
    mutationFn: ({ key, changes }: { key: string; changes: PromotionPatch }) =>
      apiSend<Promotion>("PATCH", `/promotions/${encodeURIComponent(key)}`, changes),
    onSuccess,
  });
}

export function useCreateChallenge() {
  const onSuccess = useInvalidateAll();
  return useIdempotentMutation({
    mutationFn: ({ promotion, challenge }: { promotion: string; challenge: NewChallenge }, key) =>
      apiSend<{ slug: string; title: string; promotion: string }>(
        "POST",
        `/promotions/${encodeURIComponent(promotion)}/challenges`,
        challenge,
        idempotencyHeader(key),
      ),
    onSuccess,
  });
}

export function useUpdateChallenge() {
  const onSuccess = useInvalidateAll();
  return useMutation({
    mutationFn: ({ slug, changes }: { slug: string; changes: ChallengePatch }) =>
      apiSend<CatalogueChallenge>("PATCH", `/challenges/${encodeURIComponent(slug)}`, changes),
    onSuccess,
  });
}
