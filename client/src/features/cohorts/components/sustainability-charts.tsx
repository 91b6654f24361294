import { ACTION_KINDS, ACTION_STATUSES } from "@shared/domain";
import type { DomainLabels } from "@shared/labels";
import { useI18n } from "../../../i18n/use-i18n";
import type { Messages } from "../../../i18n/messages";
import type { SustainabilityStats } from "@shared/stats";
import { ChartFigure } from "../../../components/chart-figure";
import { StackedBarChart, type Series } from "../../../components/stacked-bar-chart";

/** The chart's height, also the place kept for it until it is drawn. */
const CHART_HEIGHT = 260;

const statusSeries = (l: DomainLabels): Series[] => [
  { key: "planned", label: l.ACTION_STATUS_LABELS.planned, color: "#cacafb" },
  { key: "in_progress", label: l.ACTION_STATUS_LABELS.in_progress, color: "#6a6af4" },
  { key: "done", label: l.ACTION_STATUS_LABELS.done, color: "#000091" },
  { key: "dropped", label: l.ACTION_STATUS_LABELS.dropped, color: "#929292" },
];

export function ActionsChart({ data, caption }: { data: SustainabilityStats[]; caption: string[] }) {
  const { t: { dashboard: { actions: t }, common }, l, f } = useI18n();
  const series = statusSeries(l);
  const countOfKind = (kind: (typeof ACTION_KINDS)[number], status: (typeof ACTION_STATUSES)[number]) =>
    data.reduce((sum, p) => sum + p.actions[kind][status], 0);
  const totals: Record<string, string | number>[] = ACTION_KINDS.map((kind) => ({
    label: l.ACTION_KIND_LABELS[kind],
    ...Object.fromEntries(ACTION_STATUSES.map((status) => [status, countOfKind(kind, status)])),
  }));
  const kindTotal = (kind: (typeof ACTION_KINDS)[number]) => ACTION_STATUSES.reduce((sum, status) => sum + countOfKind(kind, status), 0);
  const actionCount = ACTION_KINDS.reduce((sum, kind) => sum + kindTotal(kind), 0);
  const challenges = data.reduce((sum, p) => sum + p.challengeCount, 0);
  return (
    <ChartFigure
      chartHeight={CHART_HEIGHT}
      title={t.title}
      coverage={<>{t.coverage(f.count(actionCount, common.action), actionCount, f.count(challenges, common.challenge))}</>}
      legend={series}
      caption={caption}
      table={{
        caption: t.tableCaption,
        headers: [t.kind, ...series.map((s) => s.label), t.total],
        rows: ACTION_KINDS.map((kind) => [
          l.ACTION_KIND_LABELS[kind],
          ...ACTION_STATUSES.map((status) => countOfKind(kind, status)),
          kindTotal(kind),
        ]),
      }}
    >
      <StackedBarChart
        data={totals}
        series={series}
        height={CHART_HEIGHT}
        yLabel={t.yLabel}
        description={t.description}
      />
    </ChartFigure>
  );
}

const keptSeries = (t: Messages): Series[] => [
  { key: "kept", label: t.dashboard.kept.seriesKept, color: "#00a95f" },
  { key: "notKept", label: t.dashboard.kept.seriesNotKept, color: "#e4794a" },
  { key: "none", label: t.common.notReported, color: "#d5d5d5" },
];

export function PeopleKeptChart({ data, caption }: { data: SustainabilityStats[]; caption: string[] }) {
  const { t: messages, f } = useI18n();
  const t = messages.dashboard.kept;
  const series = keptSeries(messages);
  const rows = data.map((p) => ({
    label: p.label,
    kept: p.peopleKept,
    notKept: p.resourcesReported - p.peopleKept,
    none: p.challengeCount - p.resourcesReported,
  }));
  const challenges = data.reduce((sum, p) => sum + p.challengeCount, 0);
  const reported = data.reduce((sum, p) => sum + p.resourcesReported, 0);
  return (
    <ChartFigure
      chartHeight={CHART_HEIGHT}
      title={t.title}
      coverage={
        <>{t.coverage(f.count(challenges, messages.common.challenge), f.integer(challenges - reported))}</>
      }
      legend={series}
      caption={caption}
      table={{
        caption: t.tableCaption,
        headers: [messages.common.promotion, messages.dashboard.outcomes.challenges, ...series.map((s) => s.label), t.share],
        rows: data.map((p) => [
          p.label,
          p.challengeCount,
          p.peopleKept,
          p.resourcesReported - p.peopleKept,
          p.challengeCount - p.resourcesReported,
          p.challengeCount === 0 ? "—" : f.percent(p.peopleKept / p.challengeCount),
        ]),
      }}
    >
      <StackedBarChart
        data={rows}
        series={series}
        height={CHART_HEIGHT}
        yLabel={messages.dashboard.outcomes.yCounts}
        description={t.description}
      />
    </ChartFigure>
  );
}
