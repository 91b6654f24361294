import { idempotencyHeader, useIdempotentMutation } from "../../../lib/idempotency";
import type { StatusUpdate } from "@shared/challenge";
import type { Axis } from "@shared/domain";
import { newStatusUpdateSchema, retractionSchema, type NewStatusUpdate } from "@shared/writes";
import { apiSend } from "../../../api/http";
import { checkBody } from "../../../lib/check-body";
import { challengePath, useRefreshChallenges } from "./refresh";

export interface Retraction {
  statusUpdateId: number;
  reason: string;
  retractedAt: string;
  authorName: string;
}

export function useRecordStatus(slug: string) {
  const refresh = useRefreshChallenges();
  return useIdempotentMutation({
    mutationFn: (body: NewStatusUpdate, key) => {
      checkBody(newStatusUpdateSchema, body);
      return apiSend<StatusUpdate>("POST", `${challengePath(slug)}/status-updates`, body, idempotencyHeader(key));
    },
    onSuccess: refresh,
  });
}

/** "Toujours exact": the given axes (all reported ones when omitted) are confirmed today. */
export function useConfirmStatus(slug: string) {
  const refresh = useRefreshChallenges();
  return useIdempotentMutation({
    mutationFn: (axes: Axis[] | undefined, key) =>
      apiSend<{ updates: StatusUpdate[] }>("POST", `${challengePath(slug)}/confirmations`, axes ? { axes } : {}, idempotencyHeader(key)),
    onSuccess: refresh,
  });
}

export function useRetractStatus() {
  const refresh = useRefreshChallenges();
  return useIdempotentMutation({
    mutationFn: ({ id, reason }: { id: number; reason: string }, key) => {
      checkBody(retractionSchema, { reason });
      return apiSend<Retraction>("POST", `/status-updates/${id}/retraction`, { reason }, idempotencyHeader(key));
    },
    onSuccess: refresh,
  });
}
