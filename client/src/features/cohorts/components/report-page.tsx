import Button from "@codegouvfr/react-dsfr/Button";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { useI18n } from "../../../i18n/use-i18n";
import { parisDate } from "@shared/dates";
import { CohortSections } from "./cohort-sections";
import { useDashboardFilters, useFiltersDescription } from "./dashboard-filters";

/** The cohort report to print (A4) or save as PDF: every chart with its caption and its table open. */
export default function ReportPage() {
  const { t: { dashboard: { report: t } }, f } = useI18n();
  useDocumentTitle(t.documentTitle);
  const [filters] = useDashboardFilters();
  const filtersText = useFiltersDescription(filters);
  return (
    <article className="report">
      <h1>{t.title}</h1>
      <p>
        {t.established(f.date(parisDate()), filtersText)}
      </p>
      <p className="report__print-button">
        <Button iconId="fr-icon-printer-line" onClick={() => window.print()}>
          {t.print}
        </Button>
      </p>
      <CohortSections filters={filters} printable />
    </article>
  );
}
