import { useMutation } from "@tanstack/react-query";
import type { CatalogueChallenge, ChallengePatch, NewChallenge, NewPromotion, PromotionPatch } from "@shared/catalogue";
import type { Promotion } from "@shared/promotion";
import { apiSend } from "../../../api/http";
import { idempotencyHeader, useIdempotentMutation } from "../../../lib/idempotency";

// A promotion's or a challenge's dates reach every figure (trajectories, outcomes after end,
// lists): each write here makes every query stale (api/invalidation.ts), and settles once they
// are read again, so that the success notice never shows next to the old values.
const meta = { invalidates: "catalogue" } as const;

export function useCreatePromotion() {
  return useIdempotentMutation({
    mutationFn: (promotion: NewPromotion, key) => apiSend<Promotion>("POST", "/promotions", promotion, idempotencyHeader(key)),
    meta,
  });
}

export function useUpdatePromotion() {
  return useMutation({
    mutationFn: ({ key, changes }: { key: string; changes: PromotionPatch }) =>
      apiSend<Promotion>("PATCH", `/promotions/${encodeURIComponent(key)}`, changes),
    meta,
  });
}

export function useCreateChallenge() {
  return useIdempotentMutation({
    mutationFn: ({ promotion, challenge }: { promotion: string; challenge: NewChallenge }, key) =>
      apiSend<{ slug: string; title: string; promotion: string }>(
        "POST",
        `/promotions/${encodeURIComponent(promotion)}/challenges`,
        challenge,
        idempotencyHeader(key),
      ),
    meta,
  });
}

export function useUpdateChallenge() {
  return useMutation({
    mutationFn: ({ slug, changes }: { slug: string; changes: ChallengePatch }) =>
      apiSend<CatalogueChallenge>("PATCH", `/challenges/${encodeURIComponent(slug)}`, changes),
    meta,
  });
}
