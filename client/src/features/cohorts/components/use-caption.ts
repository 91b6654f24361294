import type { StatsFilters } from "@shared/stats";
import { useMeta } from "../../../api/meta";
import { useI18n } from "../../../i18n/use-i18n";
import { parisDate } from "@shared/dates";
import { useFiltersDescription } from "./dashboard-filters";
import { useSnapshot } from "../../../api/snapshots";
import { describeSnapshot } from "@shared/snapshot";
import { exportFileName } from "@shared/export-names";
import { promotionKeys } from "@shared/stats";
import { usePromotions } from "../../../api/promotions";
import type { ChartFileName } from "../../../components/chart-figure";

/**
 * The caption every chart carries, on screen and in its exports: source, date, revision (or
 * the snapshot the figures come from, so that they can be found again), filters, n, and which
 * data it counts (docs/methodology.md, « Data views »). `notApplied` names the charts that do not tell validated data
 * apart (actions and resources are not subject to validation): they say they count all data.
 */
export function useCaption(filters: StatsFilters) {
  const { t, f, l, lang } = useI18n();
  const meta = useMeta();
  const snapshot = useSnapshot(filters.snapshot);
  const filtersText = useFiltersDescription(filters);
  return (challengeCount: number, notApplied?: "sustainability"): string[] => [
    filters.snapshot
      ? t.snapshots.captionSource(Boolean(meta.data?.isSynthetic), snapshot.data ? describeSnapshot(snapshot.data, lang) : `#${filters.snapshot}`)
      : t.dashboard.caption.source(Boolean(meta.data?.isSynthetic), f.date(parisDate()), meta.data?.revision),
    `${filtersText}. ${f.count(challengeCount, t.common.challenge)}.`,
    notApplied && filters.data && filters.data !== "all"
      ? t.review.notApplied(t.review[notApplied])
      : `${l.DATA_VIEW_LABELS[filters.data ?? "all"]}.`,
  ];
}

/**
 * How the dashboard and the report name a chart's export files: the chart, the promotions
 * shown, the other filters, the data view and the day or snapshot (shared/export-names.ts),
 * so that two exports of different views never overwrite each other.
 */
export function useChartFileName(filters: StatsFilters): ChartFileName {
  const { l, lang } = useI18n();
  const promotions = usePromotions();
  const snapshot = useSnapshot(filters.snapshot);
  const labels = new Map(promotions.data?.map((promotion) => [promotion.key, promotion.label]));
  return (subject, extension) =>
    exportFileName({
      subject,
      promotions: (promotionKeys(filters.promotion) ?? []).map((key) => labels.get(key) ?? key),
      filters: [filters.administration, filters.skill ? (l.SKILL_LABELS[filters.skill] ?? filters.skill) : undefined],
      data: filters.data ?? "all",
      snapshot: filters.snapshot ? (snapshot.data ?? { id: filters.snapshot, takenAt: new Date().toISOString() }) : null,
      lang,
      extension,
    });
}
