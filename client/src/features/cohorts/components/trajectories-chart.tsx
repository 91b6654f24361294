import { useState } from "react";
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { LEVELS, type Axis } from "@shared/domain";
import { AXIS_LABELS, LEVEL_LABELS } from "@shared/labels-fr";
import type { Trajectory } from "@shared/stats";
import { ChartFigure } from "../../../components/chart-figure";
import { SegmentedControl } from "@codegouvfr/react-dsfr/SegmentedControl";
import { countOf, formatDecimal, formatInteger } from "../../../lib/format";
import { promotionStyle } from "./series";

/** The programme lasts ten months: the marker shows where the challenges end. */
const PROGRAMME_END_MONTH = 10;

export function TrajectoriesChart({ trajectories, caption }: { trajectories: Trajectory[]; caption: string[] }) {
  const [axis, setAxis] = useState<Axis>("production");
  const months = trajectories.flatMap((t) => t.axes[axis].map((point) => point.month));
  const lastMonth = Math.max(PROGRAMME_END_MONTH + 2, ...months);
  const rows = Array.from({ length: lastMonth + 1 }, (_, month) => {
    const row: Record<string, number | null> = { month };
    for (const trajectory of trajectories) {
      row[trajectory.key] = trajectory.axes[axis].find((point) => point.month === month)?.meanLevel ?? null;
    }
    return row;
  });
  const total = trajectories.reduce((sum, t) => sum + t.challengeCount, 0);
  const everReported = trajectories.reduce((sum, t) => sum + Math.max(0, ...t.axes[axis].map((point) => point.reported)), 0);
  const segment = (key: Axis) => ({
    label: AXIS_LABELS[key],
    nativeInputProps: { checked: axis === key, onChange: () => setAxis(key) },
  });
  const legend = trajectories.map((trajectory, index) => ({ label: trajectory.label, color: promotionStyle(index).color }));

  return (
    <>
      <SegmentedControl
        small
        inlineLegend
        legend="Axe"
        className="fr-mb-2w"
        segments={[segment("production"), segment("transmission"), segment("reliability")]}
      />
      <ChartFigure
        title={`Trajectoires des promotions : ${AXIS_LABELS[axis]}`}
        coverage={
          <>
            Niveau moyen des défis ayant remonté un statut, par mois depuis le début de la promotion (le dernier niveau
            connu est reporté). n = {countOf(total, "défi")} ; {formatInteger(everReported)} ont remonté au moins un
            statut sur cet axe, {formatInteger(total - everReported)} jamais.
          </>
        }
        legend={legend}
        caption={caption}
        note="Repère vertical : fin du programme (10 mois). Les mois sans aucune remontée ne sont pas tracés."
        table={{
          caption: `Niveau moyen et nombre de défis renseignés par mois, axe ${AXIS_LABELS[axis]}`,
          headers: ["Promotion", "Mois", "Niveau moyen", "Défis renseignés"],
          rows: trajectories.flatMap((trajectory) =>
            trajectory.axes[axis].length === 0
              ? [[trajectory.label, "—", "aucune remontée", 0]]
              : trajectory.axes[axis].map((point) => [
                  `${trajectory.label}, mois ${point.month}`,
                  point.month,
                  formatDecimal(point.meanLevel),
                  point.reported,
                ]),
          ),
        }}
      >
        {months.length === 0 && (
          <p className="chart-empty fr-text--sm">
            Aucun statut n'a encore été remonté sur cet axe : les courbes apparaîtront avec les premières mises à jour des
            mentors.
          </p>
        )}
        <div
          role="img"
          aria-label={`Courbes du niveau moyen par mois, une par promotion, sur l'axe ${AXIS_LABELS[axis]}. Les valeurs sont dans le tableau des données.`}
        >
          <ResponsiveContainer width="100%" height={320}>
            <LineChart data={rows} margin={{ top: 16, right: 24, bottom: 24, left: 8 }} accessibilityLayer={false}>
              <CartesianGrid stroke="#dddddd" />
              <XAxis
                dataKey="month"
                type="number"
                domain={[0, lastMonth]}
                allowDecimals={false}
                tick={{ fill: "#3a3a3a", fontSize: 13 }}
                label={{ value: "Mois depuis le début de la promotion", position: "insideBottom", offset: -14, fill: "#3a3a3a", fontSize: 13 }}
              />
              <YAxis
                domain={[0, 3]}
                ticks={[...LEVELS]}
                width={124}
                tick={{ fill: "#3a3a3a", fontSize: 13 }}
                tickFormatter={(level: number) => `${level} · ${LEVEL_LABELS[level as 0 | 1 | 2 | 3]}`}
              />
              <Tooltip
                labelFormatter={(month) => `Mois ${month}`}
                formatter={(value, name) => [value === null ? "—" : formatDecimal(Number(value)), name]}
              />
              <ReferenceLine
                x={PROGRAMME_END_MONTH}
                stroke="#161616"
                strokeDasharray="3 3"
                label={{ value: "Fin du programme", position: "insideTopRight", fill: "#161616", fontSize: 12 }}
              />
              {trajectories.map((trajectory, index) => (
                <Line
                  key={trajectory.key}
                  dataKey={trajectory.key}
                  name={trajectory.label}
                  stroke={promotionStyle(index).color}
                  strokeDasharray={promotionStyle(index).dash}
                  strokeWidth={2.5}
                  dot={{ r: 3 }}
                  connectNulls={false}
                  isAnimationActive={false}
                />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </div>
      </ChartFigure>
    </>
  );
}
