import { useState } from "react";
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { LEVELS, type Axis } from "@shared/domain";
import { useI18n } from "../../../i18n/use-i18n";
import type { Trajectory } from "@shared/stats";
import { ChartFigure } from "../../../components/chart-figure";
import { SegmentedControl } from "@codegouvfr/react-dsfr/SegmentedControl";
import { promotionStyle } from "./series";

/** The programme lasts ten months: the marker shows where the challenges end. */
const PROGRAMME_END_MONTH = 10;

export function TrajectoriesChart({ trajectories, caption }: { trajectories: Trajectory[]; caption: string[] }) {
  const { t: { dashboard: { trajectories: t }, common }, l, f } = useI18n();
  const [axis, setAxis] = useState<Axis>("production");
  const axisLabel = l.AXIS_LABELS[axis];
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
    label: l.AXIS_LABELS[key],
    nativeInputProps: { checked: axis === key, onChange: () => setAxis(key) },
  });
  // A dot per month helps read a few lines; on dozens of promotions it is thousands of marks
  // that slow the page and blur the lines.
  const dots = trajectories.length * rows.length <= 1_000;
  const legend = trajectories.map((trajectory, index) => ({ label: trajectory.label, color: promotionStyle(index).color }));

  return (
    <>
      <SegmentedControl
        small
        inlineLegend
        legend={t.axis}
        className="fr-mb-2w"
        segments={[segment("production"), segment("transmission"), segment("reliability")]}
      />
      <ChartFigure
        title={t.title(axisLabel)}
        coverage={
          <>{t.coverage(f.count(total, common.challenge), f.integer(everReported), f.integer(total - everReported))}</>
        }
        legend={legend}
        caption={caption}
        note={t.note}
        table={{
          caption: t.tableCaption(axisLabel),
          headers: [common.promotion, t.month, t.meanLevel, t.reported],
          rows: trajectories.flatMap((trajectory) =>
            trajectory.axes[axis].length === 0
              ? [[trajectory.label, "—", t.noReport, 0]]
              : trajectory.axes[axis].map((point) => [
                  t.rowLabel(trajectory.label, point.month),
                  point.month,
                  f.decimal(point.meanLevel),
                  point.reported,
                ]),
          ),
        }}
        empty={
          months.length === 0 && (
            <p className="chart-empty fr-text--sm">
              {t.empty}
            </p>
          )
        }
      >
        <div
          role="img"
          aria-label={t.description(axisLabel)}
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
                label={{ value: t.xLabel, position: "insideBottom", offset: -14, fill: "#3a3a3a", fontSize: 13 }}
              />
              <YAxis
                domain={[0, 3]}
                ticks={[...LEVELS]}
                width={124}
                tick={{ fill: "#3a3a3a", fontSize: 13 }}
                tickFormatter={(level: number) => `${level} · ${l.LEVEL_LABELS[level as 0 | 1 | 2 | 3]}`}
              />
              <Tooltip
                labelFormatter={(month) => t.tooltipMonth(String(month))}
                formatter={(value, name) => [value === null ? "—" : f.decimal(Number(value)), name]}
              />
              <ReferenceLine
                x={PROGRAMME_END_MONTH}
                stroke="#161616"
                strokeDasharray="3 3"
                label={{ value: t.programmeEnd, position: "insideTopRight", fill: "#161616", fontSize: 12 }}
              />
              {trajectories.map((trajectory, index) => (
                <Line
                  key={trajectory.key}
                  dataKey={trajectory.key}
                  name={trajectory.label}
                  stroke={promotionStyle(index).color}
                  strokeDasharray={promotionStyle(index).dash}
                  strokeWidth={2.5}
                  dot={dots ? { r: 3 } : false}
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
