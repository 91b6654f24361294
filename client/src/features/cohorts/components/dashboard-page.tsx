import { Link } from "react-router";
import { useI18n } from "../../../i18n/use-i18n";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { CohortSections } from "./cohort-sections";
import { DashboardFilters, useDashboardFilters } from "./dashboard-filters";

export default function DashboardPage() {
  const t = useI18n().t.dashboard;
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
    </>
  );
}
