import { OUTCOME_CATEGORIES } from "@shared/domain";
import { OUTCOME_OFFSETS, type OutcomesAfterEnd } from "@shared/stats";
import { ChartFigure } from "../../../components/chart-figure";
import { StackedBarChart } from "../../../components/stacked-bar-chart";
import { countOf, formatInteger } from "../../../lib/format";
import { outcomeSeries } from "./series";

/** Many tools take off 6 to 8 months after the end: outcomes read at fixed offsets from each challenge's end. */
export function OutcomesAfterEndChart({ data, caption }: { data: OutcomesAfterEnd[]; caption: string[] }) {
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
      title="Résultats 6, 12 et 24 mois après la fin"
      coverage={
        <>
          Résultat en vigueur à chaque échéance, comptée depuis la fin propre à chaque défi.{" "}
          {OUTCOME_OFFSETS.map((months) => `+${months} mois : n = ${countOf(reached(months), "défi")} ayant atteint l'échéance, ${formatInteger(reached(months) - reported(months))} sans résultat`).join(" ; ")}.
        </>
      }
      legend={outcomeSeries}
      caption={caption}
      note="Les défis dont l'échéance n'est pas encore atteinte ne sont pas comptés."
      table={{
        caption: "Nombre de défis par catégorie de résultat, par promotion et par échéance après la fin",
        headers: ["Promotion et échéance", "Échéance atteinte", ...outcomeSeries.map((item) => item.label)],
        rows: data.flatMap((promotion) =>
          promotion.offsets.map((offset) => [
            `${promotion.label}, +${offset.months} mois`,
            offset.reached,
            ...OUTCOME_CATEGORIES.map((category) => offset.outcomes[category]),
            offset.reached - offset.reported,
          ]),
        ),
      }}
    >
      <StackedBarChart
        data={rows}
        series={outcomeSeries}
        height={340}
        yLabel="Défis"
        description="Barres empilées du nombre de défis par catégorie de résultat, pour chaque promotion à 6, 12 et 24 mois après la fin. Les chiffres sont dans le tableau des données."
      />
    </ChartFigure>
  );
}
