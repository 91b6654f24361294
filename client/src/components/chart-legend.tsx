import type { Series } from "./stacked-bar-chart";

/** The key of a chart, in the order of the series, in text colour (never pale text). */
export function ChartLegend({ series, label }: { series: Series[]; label: string }) {
  return (
    <ul className="chart-legend" aria-label={label}>
      {series.map((item) => (
        <li key={item.key}>
          <span className="chart-legend__swatch" style={{ backgroundColor: item.color }} aria-hidden="true" />
          {item.label}
        </li>
      ))}
    </ul>
  );
}
