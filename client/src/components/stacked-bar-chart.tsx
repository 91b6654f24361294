import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useI18n } from "../i18n/use-i18n";

export interface Series {
  key: string;
  label: string;
  color: string;
}

interface StackedBarChartProps {
  /** One row per bar: its label under `label`, then one number per series key. */
  data: Record<string, string | number>[];
  series: Series[];
  /** Accessible description of the chart as a whole. */
  description: string;
  height?: number;
  yLabel?: string;
  /** Values are shares (0–1) rather than counts. */
  shares?: boolean;
}

/** Width kept left of the tick labels for the y axis title (13 px, rotated). */
const Y_TITLE_STRIP = 20;

/** Vertical stacked bars, one per row of `data`, the first series at the bottom. Its key is a ChartLegend. */
export function StackedBarChart({ data, series, description, height = 320, yLabel, shares = false }: StackedBarChartProps) {
  const { f } = useI18n();
  const format = (value: number) => (shares ? f.percent(value) : f.integer(value));
  // Many bars: slanted labels, so that none overlaps on a narrow screen.
  const slanted = data.length > 6;
  return (
    <div role="img" aria-label={description}>
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid vertical={false} stroke="#dddddd" />
          <XAxis
            dataKey="label"
            tick={{ fill: "#3a3a3a", fontSize: slanted ? 12 : 14 }}
            tickLine={false}
            interval={0}
            {...(slanted ? { angle: -50, textAnchor: "end", height: 72 } : {})}
          />
          <YAxis
            allowDecimals={shares}
            tickFormatter={format}
            tick={{ fill: "#3a3a3a", fontSize: 14 }}
            // The title stands at the axis's left edge, in a strip of its own beside the widest
            // tick ("100 %"): sharing the ticks' width made it run over "50 %", on screen and in
            // the PNG and SVG exports, which draw this same SVG.
            width={(shares ? 48 : 40) + (yLabel ? Y_TITLE_STRIP : 0)}
            label={
              yLabel
                ? { value: yLabel, angle: -90, position: "insideLeft", offset: 0, fill: "#3a3a3a", fontSize: 13, dy: 40 }
                : undefined
            }
          />
          <Tooltip formatter={(value, name) => [format(Number(value)), name]} cursor={{ fill: "rgba(0, 0, 145, 0.06)" }} />
          {series.map((item) => (
            <Bar
              key={item.key}
              dataKey={item.key}
              name={item.label}
              stackId="stack"
              fill={item.color}
              stroke="#161616"
              strokeWidth={0.5}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
