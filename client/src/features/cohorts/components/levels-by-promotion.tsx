import type { CohortStats } from "@shared/cohort-stats";
import { LEVELS, type Axis } from "@shared/domain";
import { AXIS_LABELS } from "@shared/labels-fr";
import { ChartFigure } from "../../../components/chart-figure";
import { StackedBarChart } from "../../../components/stacked-bar-chart";
import { countOf, formatDecimal, formatInteger } from "../../../lib/format";
import { levelSeries } from "./series";

/** The distribution of current levels on one axis, one stacked bar per promotion. */
export function LevelsByPromotion({ axis, cohorts, caption }: { axis: Axis; cohorts: CohortStats[]; caption: string[] }) {
  const total = cohorts.reduce((sum, cohort) => sum + cohort.challengeCount, 0);
  const notReported = cohorts.reduce((sum, cohort) => sum + cohort.levels[axis].none, 0);
  const data = cohorts.map((cohort) => ({ label: cohort.label, ...cohort.levels[axis] }));
  const mean = (cohort: CohortStats) => {
    const value = cohort.meanLevels[axis];
    return value === null ? "—" : formatDecimal(value);
  };

  return (
    <ChartFigure
      title={`Niveaux : ${AXIS_LABELS[axis]}`}
      coverage={
        <>
          n = {countOf(total, "défi")} ; {formatInteger(notReported)} non renseigné{notReported > 1 ? "s" : ""}.
        </>
      }
      legend={levelSeries}
      caption={caption}
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
        description={`Barres empilées du nombre de défis par niveau sur l'axe ${AXIS_LABELS[axis]}, pour chaque promotion. Les chiffres sont dans le tableau des données.`}
      />
    </ChartFigure>
  );
}
