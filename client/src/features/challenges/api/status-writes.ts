import { idempotencyHeader, useIdempotentMutation } from "../../../lib/idempotency";
import type { StatusUpdate } from "@shared/challenge";
import type { Axis } from "@shared/domain";
import { newStatusUpdateSchema, retractionSchema, type NewStatusUpdate } from "@shared/writes";
import { apiSend } from "../../../api/http";
import { checkBody } from "../../../lib/check-body";
import { challengePath } from "./challenge-path";

export interface Retraction {
  statusUpdateId: number;
  reason: string;
  retractedAt: string;
  authorName: string;
}

export function useRecordStatus(slug: string) {
  return useIdempotentMutation({
    mutationFn: (body: NewStatusUpdate, key) => {
      checkBody(newStatusUpdateSchema, body);
      return apiSend<StatusUpdate>("POST", `${challengePath(slug)}/status-updates`, body, idempotencyHeader(key));
    },
    meta: { invalidates: "statusUpdate" },
  });
}

/** "Toujours exact": the given axes (all reported ones when omitted) are confirmed today. */
export function useConfirmStatus(slug: string) {
  return useIdempotentMutation({
    mutationFn: (axes: Axis[] | undefined, key) =>
      apiSend<{ updates: StatusUpdate[] }>("POST", `${challengePath(slug)}/confirmations`, axes ? { axes } : {}, idempotencyHeader(key)),
    meta: { invalidates: "statusUpdate" },
  });
}

export function useRetractStatus() {
  return useIdempotentMutation({
    mutationFn: ({ id, reason }: { id: number; reason: string }, key) => {
      checkBody(retractionSchema, { reason });
      return apiSend<Retraction>("POST", `/status-updates/${id}/retraction`, { reason }, idempotencyHeader(key));
    },
    meta: { invalidates: "statusUpdate" },
  });
}
