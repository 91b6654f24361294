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
import { apiSend } from "../../../lib/api-client";
import { checkBody } from "../../../lib/check-body";
import { challengePath, useRefreshChallenges } from "./refresh";

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

export function useCreatePlanItem<K extends PlanKind>(slug: string, kind: K) {
  const refresh = useRefreshChallenges();
  return useMutation({
    mutationFn: (body: PlanKinds[K]["create"]) => {
      checkBody(schemas[kind].create, body);
      return apiSend<PlanKinds[K]["item"]>("POST", `${challengePath(slug)}/${kind}`, body);
    },
    onSuccess: refresh,
  });
}

export function usePatchPlanItem<K extends PlanKind>(kind: K) {
  const refresh = useRefreshChallenges();
  return useMutation({
    mutationFn: ({ id, patch }: { id: number; patch: PlanKinds[K]["patch"] }) => {
      checkBody(schemas[kind].patch, patch);
      return apiSend<PlanKinds[K]["item"]>("PATCH", `/${kind}/${id}`, patch);
    },
    onSuccess: refresh,
  });
}

export function useDeletePlanItem(kind: PlanKind) {
  const refresh = useRefreshChallenges();
  return useMutation({
    mutationFn: (id: number) => apiSend<void>("DELETE", `/${kind}/${id}`),
    onSuccess: refresh,
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
  const refresh = useRefreshChallenges();
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
    onSettled: refresh,
  });
}

export function useSetActionStatus(slug: string) {
  return useOptimisticDetail(
    slug,
    ({ id, status }: { id: number; status: ActionStatus }) => apiSend<Action>("PATCH", `/actions/${id}`, { status }),
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
