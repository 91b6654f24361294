import { useState } from "react";
import type { CohortStats } from "@shared/cohort-stats";
import { OUTCOME_CATEGORIES } from "@shared/domain";
import { ChartFigure } from "../../../components/chart-figure";
import { SegmentedControl } from "@codegouvfr/react-dsfr/SegmentedControl";
import { StackedBarChart } from "../../../components/stacked-bar-chart";
import { countOf, formatInteger, formatPercent } from "../../../lib/format";
import { outcomeSeries } from "./series";

export function OutcomesByPromotion({ cohorts, caption }: { cohorts: CohortStats[]; caption: string[] }) {
  const [shares, setShares] = useState(false);
  const total = cohorts.reduce((sum, cohort) => sum + cohort.challengeCount, 0);
  const notReported = cohorts.reduce((sum, cohort) => sum + cohort.outcomesNotReported, 0);
  const value = (count: number, cohort: CohortStats) => (shares ? (cohort.challengeCount === 0 ? 0 : count / cohort.challengeCount) : count);
  const data = cohorts.map((cohort) => ({
    label: cohort.label,
    ...Object.fromEntries(OUTCOME_CATEGORIES.map((category) => [category, value(cohort.outcomes[category], cohort)])),
    none: value(cohort.outcomesNotReported, cohort),
  }));

  return (
    <>
      <SegmentedControl
        small
        inlineLegend
        legend="Résultats en"
        className="fr-mb-2w"
        segments={[
          { label: "Nombre de défis", nativeInputProps: { checked: !shares, onChange: () => setShares(false) } },
          { label: "Part de la promotion", nativeInputProps: { checked: shares, onChange: () => setShares(true) } },
        ]}
      />
      <ChartFigure
        title="Résultats par promotion"
        coverage={
          <>
            n = {countOf(total, "défi")} ; {formatInteger(notReported)} sans résultat renseigné (en gris).
          </>
        }
        legend={outcomeSeries}
        caption={caption}
        note={`Un défi peut relever de plusieurs catégories : une barre peut dépasser ${shares ? "100 %" : "l'effectif de la promotion"}.`}
        table={{
          caption: "Nombre de défis par catégorie de résultat et par promotion",
          headers: ["Promotion", "Défis", ...outcomeSeries.map((item) => item.label), "Part avec un résultat"],
          rows: cohorts.map((cohort) => [
            cohort.label,
            cohort.challengeCount,
            ...OUTCOME_CATEGORIES.map((category) => cohort.outcomes[category]),
            cohort.outcomesNotReported,
            cohort.challengeCount === 0 ? "—" : formatPercent(1 - cohort.outcomesNotReported / cohort.challengeCount),
          ]),
        }}
      >
        <StackedBarChart
          data={data}
          series={outcomeSeries}
          shares={shares}
          yLabel={shares ? "Part des défis" : "Défis"}
          description={`Barres empilées ${shares ? "de la part" : "du nombre"} de défis par catégorie de résultat, pour chaque promotion (${cohorts
            .map((cohort) => cohort.label)
            .join(", ")}). Les chiffres sont dans le tableau des données.`}
        />
      </ChartFigure>
    </>
  );
}
