import { OUTCOME_CATEGORIES } from "@shared/domain";
import { OUTCOME_OFFSETS, type OutcomesAfterEnd } from "@shared/stats";
import { ChartFigure } from "../../../components/chart-figure";
import { StackedBarChart } from "../../../components/stacked-bar-chart";
import { useI18n } from "../../../i18n/use-i18n";
import { outcomeSeries } from "./series";

/** The chart's height, also the place kept for it until it is drawn. */
const CHART_HEIGHT = 340;

/** Many tools take off 6 to 8 months after the end: outcomes read at fixed offsets from each challenge's end. */
export function OutcomesAfterEndChart({ data, caption }: { data: OutcomesAfterEnd[]; caption: string[] }) {
  const { t: { dashboard: { afterEnd: t, outcomes }, common }, l, f } = useI18n();
  const series = outcomeSeries(l);
  const rows = data.flatMap((promotion) =>
    promotion.offsets.map((offset) => ({
      label: `${promotion.label} +${offset.months}`,
      ...Object.fromEntries(OUTCOME_CATEGORIES.map((category) => [category, offset.outcomes[category]])),
      none: offset.reached - offset.reported,
    })),
  );
  const reached = (months: number) => data.reduce((sum, p) => sum + (p.offsets.find((o) => o.months === months)?.reached ?? 0), 0);
  const reported = (months: number) => data.reduce((sum, p) => sum + (p.offsets.find((o) => o.months === months)?.reported ?? 0), 0);

  return (
    <ChartFigure
      chartHeight={CHART_HEIGHT}
      title={t.title}
      coverage={
        <>
          {t.coverageIntro}{" "}
          {OUTCOME_OFFSETS.map((months) => t.coverageOffset(months, f.count(reached(months), common.challenge), f.integer(reached(months) - reported(months)))).join(common.listSeparator)}.
        </>
      }
      legend={series}
      caption={caption}
      note={t.note}
      table={{
        caption: t.tableCaption,
        headers: [t.promotionAndOffset, t.reached, ...series.map((item) => item.label)],
        rows: data.flatMap((promotion) =>
          promotion.offsets.map((offset) => [
            t.rowLabel(promotion.label, offset.months),
            offset.reached,
            ...OUTCOME_CATEGORIES.map((category) => offset.outcomes[category]),
            offset.reached - offset.reported,
          ]),
        ),
      }}
    >
      <StackedBarChart
        data={rows}
        series={series}
        height={CHART_HEIGHT}
        yLabel={outcomes.yCounts}
        description={t.description}
      />
    </ChartFigure>
  );
}
