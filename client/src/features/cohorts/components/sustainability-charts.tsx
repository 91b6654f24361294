import { ACTION_KINDS, ACTION_STATUSES } from "@shared/domain";
import { ACTION_KIND_LABELS, ACTION_STATUS_LABELS } from "@shared/labels-fr";
import type { SustainabilityStats } from "@shared/stats";
import { ChartFigure } from "../../../components/chart-figure";
import { StackedBarChart, type Series } from "../../../components/stacked-bar-chart";
import { countOf, formatInteger, formatPercent } from "../../../lib/format";

const statusSeries: Series[] = [
  { key: "planned", label: ACTION_STATUS_LABELS.planned, color: "#cacafb" },
  { key: "in_progress", label: ACTION_STATUS_LABELS.in_progress, color: "#6a6af4" },
  { key: "done", label: ACTION_STATUS_LABELS.done, color: "#000091" },
  { key: "dropped", label: ACTION_STATUS_LABELS.dropped, color: "#929292" },
];

export function ActionsChart({ data, caption }: { data: SustainabilityStats[]; caption: string[] }) {
  const countOfKind = (kind: (typeof ACTION_KINDS)[number], status: (typeof ACTION_STATUSES)[number]) =>
    data.reduce((sum, p) => sum + p.actions[kind][status], 0);
  const totals: Record<string, string | number>[] = ACTION_KINDS.map((kind) => ({
    label: ACTION_KIND_LABELS[kind],
    ...Object.fromEntries(ACTION_STATUSES.map((status) => [status, countOfKind(kind, status)])),
  }));
  const kindTotal = (kind: (typeof ACTION_KINDS)[number]) => ACTION_STATUSES.reduce((sum, status) => sum + countOfKind(kind, status), 0);
  const actionCount = ACTION_KINDS.reduce((sum, kind) => sum + kindTotal(kind), 0);
  const challenges = data.reduce((sum, p) => sum + p.challengeCount, 0);
  return (
    <ChartFigure
      title="Actions de pérennisation par nature et par état"
      coverage={<>n = {countOf(actionCount, "action")} enregistrée{actionCount > 1 ? "s" : ""} pour {countOf(challenges, "défi")}.</>}
      legend={statusSeries}
      caption={caption}
      table={{
        caption: "Nombre d'actions par nature et par état, toutes promotions filtrées",
        headers: ["Nature", ...statusSeries.map((s) => s.label), "Total"],
        rows: ACTION_KINDS.map((kind) => [
          ACTION_KIND_LABELS[kind],
          ...ACTION_STATUSES.map((status) => countOfKind(kind, status)),
          kindTotal(kind),
        ]),
      }}
    >
      <StackedBarChart
        data={totals}
        series={statusSeries}
        height={260}
        yLabel="Actions"
        description="Barres empilées du nombre d'actions par état, pour chaque nature d'action. Les chiffres sont dans le tableau des données."
      />
    </ChartFigure>
  );
}

const keptSeries: Series[] = [
  { key: "kept", label: "Au moins une personne gardée", color: "#00a95f" },
  { key: "notKept", label: "Ressources renseignées, personne de gardé", color: "#e4794a" },
  { key: "none", label: "Non renseigné", color: "#d5d5d5" },
];

export function PeopleKeptChart({ data, caption }: { data: SustainabilityStats[]; caption: string[] }) {
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
      title="Personnes gardées sur les livrables après le programme"
      coverage={
        <>
          Priorité du programme : garder développeurs et data scientists sur les livrables. n = {countOf(challenges, "défi")} ;{" "}
          {formatInteger(challenges - reported)} sans ressources renseignées.
        </>
      }
      legend={keptSeries}
      caption={caption}
      table={{
        caption: "Défis ayant gardé au moins une personne après le programme, par promotion",
        headers: ["Promotion", "Défis", ...keptSeries.map((s) => s.label), "Part gardée (sur les défis)"],
        rows: data.map((p) => [
          p.label,
          p.challengeCount,
          p.peopleKept,
          p.resourcesReported - p.peopleKept,
          p.challengeCount - p.resourcesReported,
          p.challengeCount === 0 ? "—" : formatPercent(p.peopleKept / p.challengeCount),
        ]),
      }}
    >
      <StackedBarChart
        data={rows}
        series={keptSeries}
        height={260}
        yLabel="Défis"
        description="Barres empilées, par promotion : défis ayant gardé au moins une personne, ceux qui n'en ont gardé aucune, et ceux sans information. Les chiffres sont dans le tableau des données."
      />
    </ChartFigure>
  );
}
