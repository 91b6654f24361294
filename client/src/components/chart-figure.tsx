import Accordion from "@codegouvfr/react-dsfr/Accordion";
import { useId, type ReactNode } from "react";

export interface DataTable {
  caption: string;
  headers: string[];
  rows: (string | number)[][];
}

interface ChartFigureProps {
  title: string;
  /** Who the figure counts and who did not report: always said next to the chart. */
  coverage: ReactNode;
  table: DataTable;
  children: ReactNode;
  note?: ReactNode;
}

/** A chart with its title, its coverage and a data table transcription always in the page. */
export function ChartFigure({ title, coverage, table, children, note }: ChartFigureProps) {
  const titleId = useId();
  return (
    <figure className="chart-figure fr-mb-6w" aria-labelledby={titleId}>
      <h3 id={titleId} className="fr-h5 fr-mb-1w">
        {title}
      </h3>
      <p className="fr-text--sm fr-mb-2w chart-coverage">{coverage}</p>
      <div className="chart-area">{children}</div>
      {note && <p className="fr-text--xs fr-mt-1w fr-mb-0">{note}</p>}
      <Accordion label={`Tableau des données : ${title}`} titleAs="h4" className="fr-mt-2w">
        <div className="fr-table fr-table--no-caption fr-mb-0">
          <div className="fr-table__wrapper">
            <div className="fr-table__container">
              <div className="fr-table__content">
                <table>
                  <caption>{table.caption}</caption>
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
                </table>
              </div>
            </div>
          </div>
        </div>
      </Accordion>
    </figure>
  );
}
