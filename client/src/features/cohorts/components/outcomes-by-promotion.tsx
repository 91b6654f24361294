import type { CohortStats } from "@shared/cohort-stats";
import { OUTCOME_CATEGORIES } from "@shared/domain";
import { NO_OUTCOME_LABEL, OUTCOME_LABELS } from "@shared/labels-fr";
import { ChartFigure } from "../../../components/chart-figure";
import { ChartLegend } from "../../../components/chart-legend";
import { OUTCOME_COLORS } from "../../../components/palette";
import { StackedBarChart, type Series } from "../../../components/stacked-bar-chart";
import { countOf, formatInteger } from "../../../lib/format";

const series: Series[] = [
  ...OUTCOME_CATEGORIES.map((category) => ({
    key: category,
    label: OUTCOME_LABELS[category],
    color: OUTCOME_COLORS[category],
  })),
  { key: "none", label: NO_OUTCOME_LABEL, color: OUTCOME_COLORS.none },
];

export function OutcomesByPromotion({ cohorts }: { cohorts: CohortStats[] }) {
  const total = cohorts.reduce((sum, cohort) => sum + cohort.challengeCount, 0);
  const notReported = cohorts.reduce((sum, cohort) => sum + cohort.outcomesNotReported, 0);
  const data = cohorts.map((cohort) => ({ label: cohort.label, ...cohort.outcomes, none: cohort.outcomesNotReported }));

  return (
    <ChartFigure
      title="Résultats par promotion"
      coverage={
        <>
          n = {countOf(total, "défi")} ; {formatInteger(notReported)} sans résultat renseigné (en gris).
        </>
      }
      note="Un défi peut relever de plusieurs catégories : une barre peut donc compter plus de défis que la promotion n'en a."
      table={{
        caption: "Nombre de défis par catégorie de résultat et par promotion",
        headers: ["Promotion", "Défis", ...series.map((item) => item.label)],
        rows: cohorts.map((cohort) => [
          cohort.label,
          cohort.challengeCount,
          ...OUTCOME_CATEGORIES.map((category) => cohort.outcomes[category]),
          cohort.outcomesNotReported,
        ]),
      }}
    >
      <ChartLegend series={series} label="Légende : catégories de résultat" />
      <StackedBarChart
        data={data}
        series={series}
        yLabel="Défis"
        description={`Barres empilées du nombre de défis par catégorie de résultat, pour chaque promotion (${cohorts
          .map((cohort) => cohort.label)
          .join(", ")}). Les chiffres sont dans le tableau des données ci-dessous.`}
      />
    </ChartFigure>
  );
}
