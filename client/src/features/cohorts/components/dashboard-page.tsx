import { Link } from "react-router";
import { useCurrentUser } from "../../../api/session";
import { useI18n } from "../../../i18n/use-i18n";
import { useDocumentTitle } from "../../../lib/use-document-title";
import type { DataView } from "@shared/domain";
import { CohortSections } from "./cohort-sections";
import { DashboardFilters, PromotionPicker, useDashboardFilters } from "./dashboard-filters";
import { Headline } from "./headline";
import { usePromotions } from "../../../api/promotions";
import { Loading } from "../../../components/query-state";
import { SnapshotNotice, SnapshotSelector } from "./snapshot-selector";

export default function DashboardPage() {
  const { t: { dashboard: t }, lang } = useI18n();
  const role = useCurrentUser().data?.role;
  useDocumentTitle(t.title);
  const [filters, setFilters, { preselected }] = useDashboardFilters();
  const search = new URLSearchParams(filters as Record<string, string>).toString();
  // The preselection (EIG 1–3) depends on which promotions exist: wait for them rather than
  // draw every promotion and then redraw.
  const promotions = usePromotions();

  return (
    <>
      <h1 className="fr-mb-2w">{t.title}</h1>
      <p className="fr-mb-2w">{t.lead}</p>
      {promotions.isPending ? (
        <Loading />
      ) : (
        <>
          <PromotionPicker filters={filters} onChange={setFilters} />
          <Headline filters={filters} preselected={preselected} />
        </>
      )}
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
      {!promotions.isPending && <CohortSections filters={filters} />}
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
