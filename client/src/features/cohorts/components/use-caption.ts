import type { StatsFilters } from "@shared/stats";
import { useMeta } from "../../../api/meta";
import { useI18n } from "../../../i18n/use-i18n";
import { parisDate } from "@shared/dates";
import { useFiltersDescription } from "./dashboard-filters";

/**
 * The caption every chart carries, on screen and in its exports: source, date, revision,
 * filters, n, and which data it counts (issue 9). `notApplied` names the charts that do not
 * tell validated data apart: they say they count all data.
 */
export function useCaption(filters: StatsFilters) {
  const { t, f, l } = useI18n();
  const meta = useMeta();
  const filtersText = useFiltersDescription(filters);
  return (challengeCount: number, notApplied?: "trajectories" | "sustainability"): string[] => [
    t.dashboard.caption.source(Boolean(meta.data?.isSynthetic), f.date(parisDate()), meta.data?.revision),
    `${filtersText}. ${f.count(challengeCount, t.common.challenge)}.`,
    notApplied && filters.data && filters.data !== "all"
      ? t.validation.notApplied(t.validation[notApplied])
      : `${l.DATA_VIEW_LABELS[filters.data ?? "all"]}.`,
  ];
}
