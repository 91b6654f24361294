import Accordion from "@codegouvfr/react-dsfr/Accordion";
import Button from "@codegouvfr/react-dsfr/Button";
import { createContext, useContext, useId, useRef, useState, type ReactNode } from "react";
import { useI18n } from "../i18n/use-i18n";
import { downloadCsv, downloadPng, downloadSvg, standaloneSvg, type LegendItem } from "../lib/chart-export";
import { exportFileName } from "@shared/export-names";
import { ChartLegend } from "./chart-legend";
import { DsfrTable } from "./dsfr-table";

/** In the printable report, every data table is shown open. */
export const DataTablesOpen = createContext(false);

/**
 * How the page names a chart's export files: the chart's title, and what the page shows
 * (promotions, filters, data view, day or snapshot) — shared/export-names.ts. A page
 * without filters names them after the chart and the day.
 */
export type ChartFileName = (title: string, extension: string) => string;
export const ChartFileNames = createContext<ChartFileName>((subject, extension) => exportFileName({ subject, extension }));

export interface DataTable {
  caption: string;
  headers: string[];
  rows: (string | number)[][];
}

interface ChartFigureProps {
  title: string;
  /** Who the figure counts and who did not report: always said next to the chart. */
  coverage: ReactNode;
  legend?: LegendItem[];
  table: DataTable;
  /** Source, date and revision, filters, number of challenges, data counted: on screen and in every export. */
  caption: string[];
  children: ReactNode;
  note?: ReactNode;
  /** Heading level of the title in the page. */
  titleAs?: "h2" | "h3";
}

/**
 * A chart with its title, coverage, legend and caption; PNG, SVG and CSV exports; and a
 * data table transcription in a closed accordion (the printable report opens them all).
 */
export function ChartFigure({ title, coverage, legend = [], table, caption, children, note, titleAs: Title = "h3" }: ChartFigureProps) {
  const t = useI18n().t.charts;
  const tablesOpen = useContext(DataTablesOpen);
  const titleId = useId();
  const exportRef = useRef<HTMLDivElement>(null);
  const [exportError, setExportError] = useState<string>();
  // A closed accordion hides its table from everyone, screen readers included: drawn when
  // opened, the thousands of cells of a large portfolio do not hold the charts back.
  const [tableOpen, setTableOpen] = useState(tablesOpen);
  const fileName = useContext(ChartFileNames);

  const chartSvg = () => exportRef.current?.querySelector<SVGSVGElement>(".recharts-wrapper > svg.recharts-surface") ?? null;
  const run = async (work: () => Promise<void> | void) => {
    setExportError(undefined);
    try {
      await work();
    } catch {
      setExportError(t.exportFailed);
    }
  };

  const dataTable = (
    <DsfrTable caption={table.caption} scrollLabel={table.caption} className="fr-mb-0">
      <thead>
        <tr>
          {table.headers.map((header, index) => (
            <th key={header} scope="col" className={index > 0 ? "fr-cell--right" : undefined}>
              {header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row) => (
          <tr key={String(row[0])}>
            {row.map((cell, index) =>
              index === 0 ? (
                <th key={index} scope="row">
                  {cell}
                </th>
              ) : (
                <td key={index} className="fr-cell--right">
                  {cell}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </DsfrTable>
  );

  return (
    <figure className="chart-figure fr-mb-6w" aria-labelledby={titleId}>
      <div ref={exportRef} className="chart-export-area">
        <Title id={titleId} className="fr-h5 fr-mb-1w">
          {title}
        </Title>
        <p className="fr-text--sm fr-mb-2w chart-coverage">{coverage}</p>
        {legend.length > 0 && <ChartLegend series={legend} label={t.legendOf(title)} />}
        <div className="chart-area">{children}</div>
        {note && <p className="fr-text--xs fr-mt-1w fr-mb-0">{note}</p>}
        <figcaption className="chart-caption fr-text--xs fr-mt-1w fr-mb-0">
          {caption.map((line) => (
            <span key={line}>{line}</span>
          ))}
        </figcaption>
      </div>
      <div className="chart-actions fr-mt-1w" role="group" aria-label={t.exportOf(title)}>
        <Button size="small" priority="tertiary" iconId="fr-icon-image-line" onClick={() => run(() => downloadPng(exportRef.current!, fileName(title, "png")))}>
          PNG<span className="fr-sr-only">{t.forChart(title)}</span>
        </Button>
        <Button
          size="small"
          priority="tertiary"
          iconId="fr-icon-file-line"
          onClick={() =>
            run(() => {
              const svg = chartSvg();
              if (!svg) throw new Error("No chart to export");
              downloadSvg(standaloneSvg(svg, title, legend, caption), fileName(title, "svg"));
            })
          }
        >
          SVG<span className="fr-sr-only">{t.forChart(title)}</span>
        </Button>
        <Button
          size="small"
          priority="tertiary"
          iconId="fr-icon-table-line"
          onClick={() => run(() => downloadCsv(table, fileName(title, "csv"), { header: t.captionColumn, text: caption.join(" ") }))}
        >
          CSV<span className="fr-sr-only">{t.forChart(title)}</span>
        </Button>
      </div>
      {exportError && (
        <p className="fr-error-text" role="alert">
          {exportError}
        </p>
      )}
      {tablesOpen ? (
        // The report prints every table: a plain heading, no accordion to open or to hide it.
        <div className="chart-data-table fr-mt-2w">
          <p className="fr-text--bold fr-mb-1w" aria-hidden="true">
            {t.dataTableOf(title)}
          </p>
          {dataTable}
        </div>
      ) : (
        <Accordion
          label={t.dataTableOf(title)}
          titleAs={Title === "h2" ? "h3" : "h4"}
          className="fr-mt-2w"
          expanded={tableOpen}
          onExpandedChange={setTableOpen}
        >
          {tableOpen && dataTable}
        </Accordion>
      )}
    </figure>
  );
}
