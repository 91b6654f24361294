import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { NewSnapshot, Snapshot } from "@shared/snapshot";
import { snapshotQueries } from "../../../api/snapshots";
import { apiSend } from "../../../api/http";
import { idempotencyHeader, useIdempotentMutation } from "../../../lib/idempotency";

/**
 * Taking or deleting a snapshot changes the list every selector offers. The promise is
 * returned so that the mutation settles once the list is read again: the success notice
 * never shows next to a list that still has the deleted snapshot.
 */
function useInvalidateSnapshots() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: snapshotQueries.all() });
}

export function useTakeSnapshot() {
  const onSuccess = useInvalidateSnapshots();
  return useIdempotentMutation({
    mutationFn: (snapshot: NewSnapshot, key) => apiSend<Snapshot>("POST", "/snapshots", snapshot, idempotencyHeader(key)),
    onSuccess,
  });
}

export function useDeleteSnapshot() {
  const onSuccess = useInvalidateSnapshots();
  return useMutation({ mutationFn: (id: number) => apiSend<void>("DELETE", `/snapshots/${id}`), onSuccess });
}
