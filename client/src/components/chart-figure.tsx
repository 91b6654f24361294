import Accordion from "@codegouvfr/react-dsfr/Accordion";
import Button from "@codegouvfr/react-dsfr/Button";
import { createContext, useContext, useEffect, useId, useRef, useState, type ReactNode, type RefObject } from "react";
import { flushSync } from "react-dom";
import { useI18n } from "../i18n/use-i18n";
import { downloadCsv, downloadPng, downloadSvg, standaloneSvg, type LegendItem } from "../lib/chart-export";
import { exportFileName } from "@shared/export-names";
import { ChartLegend } from "./chart-legend";
import { DsfrTable } from "./dsfr-table";

/** In the printable report, every data table is shown open. */
export const DataTablesOpen = createContext(false);

/** In the printable report, every chart is drawn at once: it is read on paper, not scrolled. */
export const ChartsDrawnAtOnce = createContext(false);

/** Told when a chart is drawn: the dashboard holds its heavier sections back until the first is. */
export const ChartDrawn = createContext<(() => void) | undefined>(undefined);

/**
 * Whether the chart of `figure` is drawn: once the figure comes within about a screen of the
 * viewport, when focus enters it, before printing, or at once (`atOnce`). Drawing a page's
 * eight charts while it loads held it back by more than a second of script; a chart drawn a
 * screen ahead is ready when it is scrolled to (docs/decisions/0009-reports-that-leave-the-building.md).
 */
function useDrawnWhenNear(figure: RefObject<HTMLElement | null>, atOnce: boolean): [boolean, () => void] {
  const [drawn, setDrawn] = useState(() => atOnce || typeof IntersectionObserver === "undefined");
  useEffect(() => {
    const element = figure.current;
    if (drawn || !element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setDrawn(true);
      },
      { rootMargin: "100% 0px" },
    );
    observer.observe(element);
    // Printed from the browser, the page carries every chart: drawn before the print layout.
    const beforePrint = () => flushSync(() => setDrawn(true));
    window.addEventListener("beforeprint", beforePrint);
    return () => {
      observer.disconnect();
      window.removeEventListener("beforeprint", beforePrint);
    };
  }, [drawn, figure]);
  return [drawn, () => setDrawn(true)];
}

/**
 * How the page names a chart's export files: the chart's title, and what the page shows
 * (promotions, filters, data view, day or snapshot) — shared/export-names.ts. A page
 * without filters names them after the chart and the day.
 */
export type ChartFileName = (title: string, extension: string) => string;
export const ChartFileNames = createContext<ChartFileName>((subject, extension) => exportFileName({ subject, extension }));

interface DataTable {
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
  /** The chart's height: its place is kept while it is not drawn yet, so that nothing moves. */
  chartHeight?: number;
  /** Said above the chart when it has nothing to draw; in the page from the start, like the title. */
  empty?: ReactNode;
}

/**
 * A chart with its title, coverage, legend and caption; PNG, SVG and CSV exports; and a
 * data table transcription in a closed accordion (the printable report opens them all).
 */
export function ChartFigure({ title, coverage, legend = [], table, caption, children, note, titleAs: Title = "h3", chartHeight = 320, empty }: ChartFigureProps) {
  const t = useI18n().t.charts;
  const tablesOpen = useContext(DataTablesOpen);
  const titleId = useId();
  const figureRef = useRef<HTMLElement>(null);
  const exportRef = useRef<HTMLDivElement>(null);
  const [drawn, draw] = useDrawnWhenNear(figureRef, useContext(ChartsDrawnAtOnce));
  const onDrawn = useContext(ChartDrawn);
  useEffect(() => {
    if (drawn) onDrawn?.();
  }, [drawn, onDrawn]);
  const [exportError, setExportError] = useState<string>();
  // A closed accordion hides its table from everyone, screen readers included: drawn when
  // opened, the thousands of cells of a large portfolio do not hold the charts back.
  const [tableOpen, setTableOpen] = useState(tablesOpen);
  const fileName = useContext(ChartFileNames);

  const chartSvg = () => exportRef.current?.querySelector<SVGSVGElement>(".recharts-wrapper > svg.recharts-surface") ?? null;
  const run = async (work: () => Promise<void> | void, needsChart = true) => {
    setExportError(undefined);
    try {
      // An export asked for before the chart was drawn: draw it. The chart library then sizes
      // it a frame or two later, so wait for its SVG, even when the press itself drew the chart
      // (focus entering the figure on mousedown draws it just before the click).
      if (!drawn) flushSync(draw);
      if (needsChart) for (let wait = 0; wait < 100 && !chartSvg(); wait++) await new Promise((resolve) => setTimeout(resolve, 20));
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
    // Focus entering the figure (its export buttons, by keyboard) draws the chart too.
    <figure ref={figureRef} className="chart-figure fr-mb-6w" aria-labelledby={titleId} onFocus={drawn ? undefined : draw}>
      <div ref={exportRef} className="chart-export-area">
        <Title id={titleId} className="fr-h5 fr-mb-1w">
          {title}
        </Title>
        <p className="fr-text--sm fr-mb-2w chart-coverage">{coverage}</p>
        {legend.length > 0 && <ChartLegend series={legend} label={t.legendOf(title)} />}
        <div className="chart-area">
          {empty}
          {drawn ? children : <div className="chart-placeholder" style={{ height: chartHeight }} aria-hidden="true" />}
        </div>
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
          onClick={() => run(() => downloadCsv(table, fileName(title, "csv"), { header: t.captionColumn, text: caption.join(" ") }), false)}
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
