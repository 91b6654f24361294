import { useQuery } from "@tanstack/react-query";
import { lazy, Suspense } from "react";
import { Link } from "react-router";
import { useCurrentUser } from "../../../api/session";
import { useI18n } from "../../../i18n/use-i18n";
import { useDocumentTitle } from "../../../lib/use-document-title";
import type { StatsFilters } from "@shared/stats";
import { DashboardFilters, PromotionPicker, useDashboardFilters, useFiltersDescription } from "./dashboard-filters";
import { Headline } from "./headline";
import { usePromotions } from "../../../api/promotions";
import { Loading } from "../../../components/query-state";
import { SnapshotNotice, SnapshotSelector } from "./snapshot-selector";
import { statsQueries } from "../api/cohort-queries";

// The charts and their library load beside the page's first screen, not before it
// (docs/decisions/0009-reports-that-leave-the-building.md): asked for as soon as this page's
// code runs, so that the first chart does not wait for the first screen to be drawn.
const loadCohortSections = () => import("./cohort-sections");
void loadCohortSections();
const CohortSections = lazy(() => loadCohortSections().then((module) => ({ default: module.CohortSections })));

export default function DashboardPage() {
  const { t: { dashboard: t }, lang } = useI18n();
  const role = useCurrentUser().data?.role;
  useDocumentTitle(t.title);
  const [filters, setFilters, { preselected }] = useDashboardFilters();
  const search = new URLSearchParams(filters as Record<string, string>).toString();
  // The preselection (EIG 1–3) depends on which promotions exist: wait for them rather than
  // draw every promotion and then redraw.
  const promotions = usePromotions();
  // The key figures arrive first and would push down whatever is under them: the rest of the
  // page waits for them, so that nothing moves under the reader's eyes (layout shift). The
  // first chart's figures are asked for at the same time (the query CohortSections uses).
  const headline = useQuery({ ...statsQueries.headline(filters), enabled: !promotions.isPending });
  useQuery({ ...statsQueries.cohorts(filters), enabled: !promotions.isPending });
  if (promotions.isPending || headline.isPending) {
    return (
      <>
        <h1 className="fr-mb-2w">{t.title}</h1>
        <p className="fr-mb-2w">{t.lead}</p>
        <Loading />
      </>
    );
  }

  return (
    <>
      <h1 className="fr-mb-2w">{t.title}</h1>
      <p className="fr-mb-2w">{t.lead}</p>
      <PromotionPicker filters={filters} onChange={setFilters} />
      <Headline filters={filters} preselected={preselected} />
      <div className="fr-grid-row fr-grid-row--gutters fr-mt-2w">
        <div className="fr-col-12 fr-col-md-6">
          <SnapshotSelector value={filters.snapshot} onChange={(snapshot) => setFilters({ snapshot })} />
        </div>
      </div>
      {filters.snapshot && <SnapshotNotice id={filters.snapshot} onLeave={() => setFilters({ snapshot: undefined })} />}
      <DashboardFilters filters={filters} onChange={setFilters} />
      <p className="fr-text--sm">
        {t.permalink}{" "}
        <Link to={`/rapport${search ? `?${search}` : ""}`}>{t.printable}</Link>
      </p>
      <Suspense fallback={<div className="cohort-sections-placeholder"><Loading label={t.loadingStats} /></div>}>
        <CohortSections filters={filters} />
      </Suspense>
      {(role === "admin" || role === "evaluator") && <DatasetExports lang={lang} filters={filters} />}
    </>
  );
}

/**
 * The full dataset, for evaluators and the programme team; headers in the interface language.
 * The files hold what the dashboard counts (its filters, data view and snapshot), and the
 * server names each after what it holds (shared/export-names.ts).
 */
function DatasetExports({ lang, filters }: { lang: string; filters: StatsFilters }) {
  const { t: { dashboard: { exports: t } }, l } = useI18n();
  const filtersText = useFiltersDescription(filters);
  const data = filters.data ?? "all";
  const query = (extra: Record<string, string> = {}) => {
    const params = new URLSearchParams(extra);
    for (const key of ["promotion", "administration", "skill", "snapshot"] as const) {
      const value = filters[key];
      if (value) params.set(key, String(value));
    }
    if (data !== "all") params.set("data", data);
    const text = params.toString();
    return text ? `?${text}` : "";
  };
  const links: [string, string][] = [
    [`/api/export/challenges.csv${query({ lang })}`, t.challengesCsv],
    [`/api/export/challenges.csv${query({ sep: ";", lang })}`, t.challengesCsvSemicolon],
    [`/api/export/status-history.csv${query({ lang })}`, t.historyCsv],
    [`/api/export/dataset.xlsx${query({ lang })}`, t.xlsx],
    [`/api/export/dataset.json${query()}`, t.json],
  ];
  return (
    <section className="fr-mt-4w" aria-labelledby="section-exports">
      <h2 id="section-exports">{t.title}</h2>
      <p>{t.intro}</p>
      <p className="fr-text--sm">{t.scope(filtersText, l.DATA_VIEW_LABELS[data])}</p>
      <ul>
        {links.map(([href, label]) => (
          <li key={href}>
            <a className="fr-link fr-icon-download-line fr-link--icon-left" href={href} download>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
