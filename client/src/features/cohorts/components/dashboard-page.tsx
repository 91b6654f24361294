import { Link } from "react-router";
import { useCurrentUser } from "../../../api/session";
import { useI18n } from "../../../i18n/use-i18n";
import { useDocumentTitle } from "../../../lib/use-document-title";
import type { DataView } from "@shared/domain";
import { CohortSections } from "./cohort-sections";
import { DashboardFilters, useDashboardFilters } from "./dashboard-filters";

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
      <DashboardFilters filters={filters} onChange={setFilters} />
      <p className="fr-text--sm">
        {t.permalink}{" "}
        <Link to={`/rapport${search ? `?${search}` : ""}`}>{t.printable}</Link>
      </p>
      <CohortSections filters={filters} />
      {(role === "admin" || role === "evaluator") && <DatasetExports lang={lang} data={filters.data} />}
    </>
  );
}

/** The full dataset, for evaluators and the programme team; headers in the interface language. */
function DatasetExports({ lang, data = "all" }: { lang: string; data?: DataView }) {
  const { t: { dashboard: { exports: t } }, l } = useI18n();
  // Issue 9: the exports hold the data the dashboard counts, and name it.
  const only = data === "all" ? "" : `data=${data}`;
  const links: [string, string][] = [
    [`/api/export/challenges.csv?lang=${lang}${only && `&${only}`}`, t.challengesCsv],
    [`/api/export/challenges.csv?sep=%3B&lang=${lang}${only && `&${only}`}`, t.challengesCsvSemicolon],
    [`/api/export/status-history.csv?lang=${lang}${only && `&${only}`}`, t.historyCsv],
    [`/api/export/dataset.xlsx?lang=${lang}${only && `&${only}`}`, t.xlsx],
    [`/api/export/dataset.json${only && `?${only}`}`, t.json],
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
