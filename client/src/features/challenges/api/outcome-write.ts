import { useMutation } from "@tanstack/react-query";
import type { OutcomeEntry } from "@shared/challenge";
import type { Problem } from "@shared/problem";
import { outcomeUpdateSchema, type OutcomeUpdate } from "@shared/writes";
import { ApiError } from "../../../lib/api-error";
import { apiSend } from "../../../api/http";
import { checkBody } from "../../../lib/check-body";
import { challengePath } from "./challenge-path";

/** What the server holds when it refuses an outcome written on a stale version (409). */
export interface OutcomeConflict {
  outcome: OutcomeEntry | null;
  version: number;
}

/** The outcome only changes on the version it was read at (`If-Match`), so that nobody overwrites unseen work. */
export function useSaveOutcome(slug: string) {
  return useMutation({
    mutationFn: ({ body, version }: { body: OutcomeUpdate; version: number }) => {
      checkBody(outcomeUpdateSchema, body);
      return apiSend<{ changed: boolean; outcome: OutcomeEntry; version: number }>("PUT", `${challengePath(slug)}/outcome`, body, {
        "If-Match": String(version),
      });
    },
    meta: { invalidates: "outcome" },
  });
}

/** The current outcome sent with a 409, if that is what the error is. */
export function outcomeConflictOf(error: unknown): OutcomeConflict | undefined {
  if (!(error instanceof ApiError) || error.status !== 409) return undefined;
  const { current } = error.problem as Problem & { current?: Partial<OutcomeConflict> };
  if (!current || typeof current.version !== "number") return undefined;
  return { outcome: current.outcome ?? null, version: current.version };
}
