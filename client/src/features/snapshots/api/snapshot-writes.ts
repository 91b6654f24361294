import { useMutation } from "@tanstack/react-query";
import type { NewSnapshot, Snapshot } from "@shared/snapshot";
import { apiSend } from "../../../api/http";
import { idempotencyHeader, useIdempotentMutation } from "../../../lib/idempotency";

// Taking or deleting a snapshot changes the list every selector offers (api/invalidation.ts);
// the mutation settles once the list is read again, so that the success notice never shows next
// to a list that still has the deleted snapshot.
const meta = { invalidates: "snapshot" } as const;

export function useTakeSnapshot() {
  return useIdempotentMutation({
    mutationFn: (snapshot: NewSnapshot, key) => apiSend<Snapshot>("POST", "/snapshots", snapshot, idempotencyHeader(key)),
    meta,
  });
}

export function useDeleteSnapshot() {
  return useMutation({ mutationFn: (id: number) => apiSend<void>("DELETE", `/snapshots/${id}`), meta });
}
