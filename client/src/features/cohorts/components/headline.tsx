import { SegmentedControl } from "@codegouvfr/react-dsfr/SegmentedControl";
import { useState } from "react";
import type { Headline as HeadlineData, HeadlineRow } from "@shared/headline";
import type { StatsFilters } from "@shared/stats";
import { DsfrTable } from "../../../components/dsfr-table";
import { ErrorAlert, Loading } from "../../../components/query-state";
import { useI18n } from "../../../i18n/use-i18n";
import { useHeadline } from "../api/cohort-queries";

type Figure = "outcome" | "production" | "transmission" | "reliability" | "recent";
const FIGURES: Figure[] = ["outcome", "production", "transmission", "reliability", "recent"];

/** The part of a row each figure counts, and where the chart behind it is on the page. */
const PART: Record<Figure, (row: HeadlineRow) => number> = {
  outcome: (row) => row.outcomeReported,
  production: (row) => row.achieved.production,
  transmission: (row) => row.achieved.transmission,
  reliability: (row) => row.achieved.reliability,
  recent: (row) => row.reportedRecently,
};
const ANCHOR: Record<Figure, string> = {
  outcome: "section-outcomes",
  production: "levels-production",
  transmission: "levels-transmission",
  reliability: "levels-reliability",
  recent: "section-risk",
};

const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/**
 * The first thing the dashboard says: a few key figures for the selected promotions, each
 * with its n and a link to the chart behind it, then the promotions side by side. No chart
 * library here: the tiles are drawn before the charts' code has loaded.
 */
export function Headline({ filters, preselected }: { filters: StatsFilters; preselected: boolean }) {
  const { t: { dashboard: { headline: t } } } = useI18n();
  const headline = useHeadline(filters);
  if (headline.isPending) return <Loading />;
  if (headline.isError) return <ErrorAlert error={headline.error} />;
  return (
    <section aria-labelledby="section-headline" className="headline">
      <h2 id="section-headline" className="fr-sr-only">
        {t.title}
      </h2>
      {preselected && <p className="fr-text--sm fr-mb-1w">{t.preselected}</p>}
      <Tiles data={headline.data} />
      {headline.data.promotions.length > 1 && <Comparison data={headline.data} />}
    </section>
  );
}

function Tiles({ data }: { data: HeadlineData }) {
  const { t: { dashboard: { headline: t }, common }, f } = useI18n();
  const { total } = data;
  const n = total.challengeCount;
  const of = (part: number) => t.of(f.integer(part), f.count(n, common.challenge));
  const notes: Record<Figure, string> = {
    outcome: t.without(f.integer(n - total.outcomeReported)),
    production: t.notReported(f.integer(total.levelNotReported.production)),
    transmission: t.notReported(f.integer(total.levelNotReported.transmission)),
    reliability: t.notReported(f.integer(total.levelNotReported.reliability)),
    recent: `${t.since(f.date(data.since))} ; ${t.neverReported(f.integer(total.neverReported))}`,
  };
  return (
    <ul className="fr-grid-row fr-grid-row--gutters headline-tiles" data-testid="headline-tiles">
      <li className="fr-col-12 fr-col-sm-6 fr-col-lg-2">
        <div className="fr-tile fr-tile--sm headline-tile" data-figure="challenges">
          <div className="fr-tile__body">
            <div className="fr-tile__content">
              <p className="headline-tile__value">{f.integer(n)}</p>
              <h3 className="fr-tile__title">{t.challenges}</h3>
              <p className="fr-tile__desc">{t.challengesDesc(f.count(data.promotions.length, t.promotionCount))}</p>
            </div>
          </div>
        </div>
      </li>
      {FIGURES.map((figure) => {
        const part = PART[figure](total);
        const ratio = share(part, n);
        return (
          <li key={figure} className="fr-col-12 fr-col-sm-6 fr-col-lg-2">
            <div className="fr-tile fr-tile--sm fr-enlarge-link headline-tile" data-figure={figure}>
              <div className="fr-tile__body">
                <div className="fr-tile__content">
                  <p className="headline-tile__value">{ratio === null ? t.none : f.percent(ratio)}</p>
                  <h3 className="fr-tile__title">
                    <a href={`#${ANCHOR[figure]}`} title={`${t[figure]} : ${t.seeChart}`}>
                      {t[figure]}
                    </a>
                  </h3>
                  <p className="fr-tile__desc">
                    <span className="headline-tile__n">{of(part)}</span>
                    <br />
                    {notes[figure]}
                  </p>
                </div>
              </div>
            </div>
          </li>
        );
      })}
    </ul>
  );
}

/** The promotions side by side, as bars or as a table (the Observatoire's toggle). */
function Comparison({ data }: { data: HeadlineData }) {
  const { t: { dashboard: { headline: t }, common }, f } = useI18n();
  const [view, setView] = useState<"chart" | "table">("chart");
  const rows = [...data.promotions, { ...data.total, label: t.total }];
  const cell = (row: HeadlineRow, figure: Figure) => {
    const ratio = share(PART[figure](row), row.challengeCount);
    return ratio === null ? t.none : f.percent(ratio);
  };
  return (
    <div className="headline-compare fr-mt-2w">
      <div className="headline-compare__head">
        <h3 className="fr-h6 fr-mb-0">{t.compare}</h3>
        <SegmentedControl
          small
          inlineLegend
          legend={t.view}
          segments={[
            { label: t.chart, nativeInputProps: { checked: view === "chart", onChange: () => setView("chart") } },
            { label: t.table, nativeInputProps: { checked: view === "table", onChange: () => setView("table") } },
          ]}
        />
      </div>
      {view === "table" ? (
        <DsfrTable caption={t.tableCaption} scrollLabel={t.tableCaption}>
          <thead>
            <tr>
              <th scope="col">{common.promotion}</th>
              <th scope="col">{t.challenges}</th>
              {FIGURES.map((figure) => (
                <th key={figure} scope="col">
                  {t[figure]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                <td>{f.integer(row.challengeCount)}</td>
                {FIGURES.map((figure) => (
                  <td key={figure}>
                    {cell(row, figure)} ({t.of(f.integer(PART[figure](row)), f.integer(row.challengeCount))})
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </DsfrTable>
      ) : (
        <div className="headline-bars" role="img" aria-label={t.chartDescription}>
          <div className="headline-bars__row headline-bars__row--head" aria-hidden="true">
            <span />
            {FIGURES.map((figure) => (
              <span key={figure} className="headline-bars__label">
                {t[figure]}
              </span>
            ))}
          </div>
          {rows.map((row) => (
            <div key={row.key} className="headline-bars__row" aria-hidden="true">
              <span className="headline-bars__promotion">
                {row.label} <span className="headline-bars__n">n = {f.integer(row.challengeCount)}</span>
              </span>
              {FIGURES.map((figure) => {
                const ratio = share(PART[figure](row), row.challengeCount) ?? 0;
                return (
                  <span key={figure} className="headline-bars__cell" data-label={t[figure]}>
                    <span className="headline-bars__track">
                      <span className="headline-bars__bar" style={{ width: `${Math.round(ratio * 100)}%` }} />
                    </span>
                    <span className="headline-bars__value">{cell(row, figure)}</span>
                  </span>
                );
              })}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
