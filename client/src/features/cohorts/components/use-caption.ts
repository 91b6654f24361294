import type { StatsFilters } from "@shared/stats";
import { useMeta } from "../../../api/meta";
import { countOf, formatDate } from "../../../lib/format";
import { parisDate } from "@shared/dates";
import { useFiltersDescription } from "./dashboard-filters";

/** The caption every chart carries, on screen and in its exports: source, date, revision, filters, n. */
export function useCaption(filters: StatsFilters) {
  const meta = useMeta();
  const filtersText = useFiltersDescription(filters);
  return (challengeCount: number): string[] => [
    `Source : Suivi de pérennisation des défis EIG${meta.data?.isSynthetic ? " (données synthétiques)" : ""}, données du ${formatDate(parisDate())}${
      meta.data ? `, révision ${meta.data.revision}` : ""
    }.`,
    `${filtersText}. ${countOf(challengeCount, "défi")}.`,
  ];
}
