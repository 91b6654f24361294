import type { CohortStats } from "@shared/cohort-stats";
import { LEVELS, type Axis } from "@shared/domain";
import { useI18n } from "../../../i18n/use-i18n";
import { ChartFigure } from "../../../components/chart-figure";
import { StackedBarChart } from "../../../components/stacked-bar-chart";
import { levelSeries } from "./series";

/** The chart's height, also the place kept for it until it is drawn. */
const CHART_HEIGHT = 280;

/** The distribution of current levels on one axis, one stacked bar per promotion. */
export function LevelsByPromotion({ axis, cohorts, caption }: { axis: Axis; cohorts: CohortStats[]; caption: string[] }) {
  const { t: { dashboard: { levels: t, outcomes }, common }, l, f } = useI18n();
  const series = levelSeries(l);
  const axisLabel = l.AXIS_LABELS[axis];
  const total = cohorts.reduce((sum, cohort) => sum + cohort.challengeCount, 0);
  const notReported = cohorts.reduce((sum, cohort) => sum + cohort.levels[axis].none, 0);
  const data = cohorts.map((cohort) => ({ label: cohort.label, ...cohort.levels[axis] }));
  const mean = (cohort: CohortStats) => {
    const value = cohort.meanLevels[axis];
    return value === null ? "—" : f.decimal(value);
  };

  return (
    <ChartFigure
      chartHeight={CHART_HEIGHT}
      title={t.title(axisLabel)}
      coverage={
        <>{t.coverage(f.count(total, common.challenge), notReported, f.integer(notReported))}</>
      }
      legend={series}
      caption={caption}
      table={{
        caption: t.tableCaption(axisLabel),
        headers: [common.promotion, outcomes.challenges, ...series.map((item) => item.label), t.mean],
        rows: cohorts.map((cohort) => [
          cohort.label,
          cohort.challengeCount,
          ...LEVELS.map((level) => cohort.levels[axis][level]),
          cohort.levels[axis].none,
          mean(cohort),
        ]),
      }}
    >
      <StackedBarChart
        data={data}
        series={series}
        height={CHART_HEIGHT}
        description={t.description(axisLabel)}
      />
    </ChartFigure>
  );
}
