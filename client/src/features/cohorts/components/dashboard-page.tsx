import { Link } from "react-router";
import { useCurrentUser } from "../../../api/session";
import { useI18n } from "../../../i18n/use-i18n";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { CohortSections } from "./cohort-sections";
import { DashboardFilters, useDashboardFilters } from "./dashboard-filters";
import { SnapshotNotice, SnapshotSelector } from "./snapshot-selector";

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
      <CohortSections filters={filters} />
      {(role === "admin" || role === "evaluator") && <DatasetExports lang={lang} snapshot={filters.snapshot} />}
    </>
  );
}

/** The full dataset, for evaluators and the programme team; headers in the interface language. */
function DatasetExports({ lang, snapshot }: { lang: string; snapshot?: string }) {
  const t = useI18n().t.dashboard.exports;
  // As of the snapshot shown, if any: the files then name it.
  const asOf = snapshot ? `&snapshot=${encodeURIComponent(snapshot)}` : "";
  const links: [string, string][] = [
    [`/api/export/challenges.csv?lang=${lang}${asOf}`, t.challengesCsv],
    [`/api/export/challenges.csv?sep=%3B&lang=${lang}${asOf}`, t.challengesCsvSemicolon],
    [`/api/export/status-history.csv?lang=${lang}${asOf}`, t.historyCsv],
    [`/api/export/dataset.xlsx?lang=${lang}${asOf}`, t.xlsx],
    [`/api/export/dataset.json${snapshot ? `?snapshot=${encodeURIComponent(snapshot)}` : ""}`, t.json],
  ];
  return (
    <section className="fr-mt-4w" aria-labelledby="section-exports">
      <h2 id="section-exports">{t.title}</h2>
      <p>{t.intro}</p>
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
