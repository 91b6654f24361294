import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { Action, Ally, ChallengeDetail, ChecklistItem, Resource, Scenario } from "@shared/challenge";
import type { ActionStatus, ChecklistItemKey } from "@shared/domain";
import {
  actionPatchSchema,
  allyPatchSchema,
  checklistItemUpdateSchema,
  newActionSchema,
  newAllySchema,
  newResourceSchema,
  newScenarioSchema,
  resourcePatchSchema,
  scenarioPatchSchema,
  type ChecklistItemUpdate,
} from "@shared/writes";
import { challengeQueries } from "../../../api/challenges";
import { apiSend } from "../../../api/http";
import { checkBody } from "../../../lib/check-body";
import { idempotencyHeader, useIdempotentMutation } from "../../../lib/idempotency";
import { ApiError } from "../../../lib/api-error";
import type { Problem } from "@shared/problem";
import { challengePath } from "./challenge-path";

/** The sustainability plan's lists: each has the same four routes. */
export interface PlanKinds {
  actions: { item: Action; create: z.input<typeof newActionSchema>; patch: z.input<typeof actionPatchSchema> };
  scenarios: { item: Scenario; create: z.input<typeof newScenarioSchema>; patch: z.input<typeof scenarioPatchSchema> };
  allies: { item: Ally; create: z.input<typeof newAllySchema>; patch: z.input<typeof allyPatchSchema> };
  resources: { item: Resource; create: z.input<typeof newResourceSchema>; patch: z.input<typeof resourcePatchSchema> };
}
export type PlanKind = keyof PlanKinds;

const schemas: Record<PlanKind, { create: z.ZodType; patch: z.ZodType }> = {
  actions: { create: newActionSchema, patch: actionPatchSchema },
  scenarios: { create: newScenarioSchema, patch: scenarioPatchSchema },
  allies: { create: newAllySchema, patch: allyPatchSchema },
  resources: { create: newResourceSchema, patch: resourcePatchSchema },
};

/** Items change only at the version they were read at (If-Match), so that nobody overwrites unseen work. */
const ifMatch = (version: number) => ({ "If-Match": String(version) });

/** The item as the server holds it, sent with a 409 when someone else changed it meanwhile. */
export function planConflictOf<K extends PlanKind>(error: unknown): PlanKinds[K]["item"] | undefined {
  if (!(error instanceof ApiError) || error.status !== 409) return undefined;
  const { current } = error.problem as Problem & { current?: PlanKinds[K]["item"] };
  return current && typeof current.version === "number" ? current : undefined;
}

export function useCreatePlanItem<K extends PlanKind>(slug: string, kind: K) {
  return useIdempotentMutation({
    mutationFn: (body: PlanKinds[K]["create"], key) => {
      checkBody(schemas[kind].create, body);
      return apiSend<PlanKinds[K]["item"]>("POST", `${challengePath(slug)}/${kind}`, body, idempotencyHeader(key));
    },
    meta: { invalidates: "planItem" },
  });
}

export function usePatchPlanItem<K extends PlanKind>(kind: K) {
  return useMutation({
    mutationFn: ({ id, version, patch }: { id: number; version: number; patch: PlanKinds[K]["patch"] }) => {
      checkBody(schemas[kind].patch, patch);
      return apiSend<PlanKinds[K]["item"]>("PATCH", `/${kind}/${id}`, patch, ifMatch(version));
    },
    meta: { invalidates: "planItem" },
  });
}

export function useDeletePlanItem(kind: PlanKind) {
  return useMutation({
    mutationFn: ({ id, version }: { id: number; version: number }) => apiSend<void>("DELETE", `/${kind}/${id}`, undefined, ifMatch(version)),
    meta: { invalidates: "planItem" },
  });
}

/**
 * Writes that show at once: the page changes before the server answers, and goes back to what
 * it was if the server refuses.
 */
function useOptimisticDetail<Variables, Result>(
  slug: string,
  send: (variables: Variables) => Promise<Result>,
  apply: (detail: ChallengeDetail, variables: Variables) => ChallengeDetail,
) {
  const queryClient = useQueryClient();
  const { queryKey } = challengeQueries.detail(slug);
  return useMutation({
    mutationFn: send,
    onMutate: async (variables: Variables) => {
      await queryClient.cancelQueries({ queryKey });
      const previous = queryClient.getQueryData(queryKey);
      if (previous) queryClient.setQueryData(queryKey, apply(previous, variables));
      return { previous };
    },
    onError: (_error, _variables, context) => {
      if (context?.previous) queryClient.setQueryData(queryKey, context.previous);
    },
    meta: { invalidates: "planItem" },
  });
}

export function useSetActionStatus(slug: string) {
  return useOptimisticDetail(
    slug,
    ({ id, version, status }: { id: number; version: number; status: ActionStatus }) =>
      apiSend<Action>("PATCH", `/actions/${id}`, { status }, ifMatch(version)),
    (detail, { id, status }) => ({
      ...detail,
      actions: detail.actions.map((action) => (action.id === id ? { ...action, status } : action)),
    }),
  );
}

export function useSetChecklistItem(slug: string) {
  return useOptimisticDetail(
    slug,
    ({ key, update }: { key: ChecklistItemKey; update: ChecklistItemUpdate }) => {
      checkBody(checklistItemUpdateSchema, update);
      return apiSend<ChecklistItem>("PUT", `${challengePath(slug)}/checklist/${key}`, update);
    },
    (detail, { key, update }) => {
      const item: ChecklistItem = { key, done: update.done, link: update.link ?? null };
      const known = detail.checklist.some((entry) => entry.key === key);
      return {
        ...detail,
        checklist: known ? detail.checklist.map((entry) => (entry.key === key ? item : entry)) : [...detail.checklist, item],
      };
    },
  );
}
