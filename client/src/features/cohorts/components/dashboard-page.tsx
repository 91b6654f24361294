import { lazy, Suspense } from "react";
import { Link } from "react-router";
import { useCurrentUser } from "../../../api/session";
import { useI18n } from "../../../i18n/use-i18n";
import { useDocumentTitle } from "../../../lib/use-document-title";
import type { DataView } from "@shared/domain";
import { Loading } from "../../../components/query-state";
import { DashboardFilters, useDashboardFilters } from "./dashboard-filters";
import { SnapshotNotice, SnapshotSelector } from "./snapshot-selector";

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
  const [filters, setFilters] = useDashboardFilters();
  const search = new URLSearchParams(filters as Record<string, string>).toString();

  return (
    <>
      <h1>{t.title}</h1>
      <p className="fr-text--lead">
        {t.lead}
      </p>
      <div className="fr-grid-row fr-grid-row--gutters">
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
      {(role === "admin" || role === "evaluator") && <DatasetExports lang={lang} data={filters.data} snapshot={filters.snapshot} />}
    </>
  );
}

/** The full dataset, for evaluators and the programme team; headers in the interface language. */
function DatasetExports({ lang, data = "all", snapshot }: { lang: string; data?: DataView; snapshot?: string }) {
  const { t: { dashboard: { exports: t } }, l } = useI18n();
  // The exports hold the data the dashboard counts (issue 9), as of the snapshot shown if
  // any, and name both.
  const extra = [data === "all" ? "" : `data=${data}`, snapshot ? `snapshot=${encodeURIComponent(snapshot)}` : ""].filter(Boolean).join("&");
  const links: [string, string][] = [
    [`/api/export/challenges.csv?lang=${lang}${extra && `&${extra}`}`, t.challengesCsv],
    [`/api/export/challenges.csv?sep=%3B&lang=${lang}${extra && `&${extra}`}`, t.challengesCsvSemicolon],
    [`/api/export/status-history.csv?lang=${lang}${extra && `&${extra}`}`, t.historyCsv],
    [`/api/export/dataset.xlsx?lang=${lang}${extra && `&${extra}`}`, t.xlsx],
    [`/api/export/dataset.json${extra && `?${extra}`}`, t.json],
  ];
  return (
    <section className="fr-mt-4w" aria-labelledby="section-exports">
      <h2 id="section-exports">{t.title}</h2>
      <p>{t.intro}</p>
      <p className="fr-text--sm">{l.DATA_VIEW_LABELS[data]}.</p>
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
