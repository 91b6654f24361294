import type { CohortStats } from "@shared/cohort-stats";
import { LEVELS, type Axis } from "@shared/domain";
import { AXIS_LABELS, LEVEL_LABELS, NO_REPORT_LABEL } from "@shared/labels-fr";
import { ChartFigure } from "../../../components/chart-figure";
import { LEVEL_COLORS } from "../../../components/palette";
import { StackedBarChart, type Series } from "../../../components/stacked-bar-chart";
import { countOf, formatDecimal, formatInteger } from "../../../lib/format";

export const levelSeries: Series[] = [
  ...LEVELS.map((level) => ({ key: String(level), label: `${level} · ${LEVEL_LABELS[level]}`, color: LEVEL_COLORS[level] })),
  { key: "none", label: NO_REPORT_LABEL, color: LEVEL_COLORS.none },
];

/** The distribution of current levels on one axis, one stacked bar per promotion. */
export function LevelsByPromotion({ axis, cohorts }: { axis: Axis; cohorts: CohortStats[] }) {
  const total = cohorts.reduce((sum, cohort) => sum + cohort.challengeCount, 0);
  const notReported = cohorts.reduce((sum, cohort) => sum + cohort.levels[axis].none, 0);
  const data = cohorts.map((cohort) => ({ label: cohort.label, ...cohort.levels[axis] }));
  const mean = (cohort: CohortStats) => {
    const value = cohort.meanLevels[axis];
    return value === null ? "—" : formatDecimal(value);
  };

  return (
    <ChartFigure
      title={AXIS_LABELS[axis]}
      coverage={
        <>
          n = {countOf(total, "défi")} ; {formatInteger(notReported)} non renseigné{notReported > 1 ? "s" : ""}.
        </>
      }
      table={{
        caption: `Nombre de défis par niveau sur l'axe ${AXIS_LABELS[axis]}, par promotion`,
        headers: ["Promotion", "Défis", ...levelSeries.map((item) => item.label), "Niveau moyen (renseignés)"],
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
        series={levelSeries}
        height={280}
        description={`Barres empilées du nombre de défis par niveau sur l'axe ${AXIS_LABELS[axis]}, pour chaque promotion. Les chiffres sont dans le tableau des données ci-dessous.`}
      />
    </ChartFigure>
  );
}
