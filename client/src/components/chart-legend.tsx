import type { LegendItem } from "../lib/chart-export";

/** The key of a chart, in the order of the series, in text colour (never pale text). */
export function ChartLegend({ series, label }: { series: LegendItem[]; label: string }) {
  return (
    <ul className="chart-legend" aria-label={label}>
      {series.map((item) => (
        <li key={item.label}>
          <span className="chart-legend__swatch" style={{ backgroundColor: item.color }} aria-hidden="true" />
          {item.label}
        </li>
      ))}
    </ul>
  );
}
