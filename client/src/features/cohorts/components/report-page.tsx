import Button from "@codegouvfr/react-dsfr/Button";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { formatDate } from "../../../lib/format";
import { parisDate } from "@shared/dates";
import { CohortSections } from "./cohort-sections";
import { useDashboardFilters, useFiltersDescription } from "./dashboard-filters";

/** The cohort report to print (A4) or save as PDF: every chart with its caption and its table open. */
export default function ReportPage() {
  useDocumentTitle("Rapport sur la pérennisation des défis");
  const [filters] = useDashboardFilters();
  const filtersText = useFiltersDescription(filters);
  return (
    <article className="report">
      <h1>Rapport sur la pérennisation des défis EIG</h1>
      <p>
        Établi le {formatDate(parisDate())}. {filtersText}.
      </p>
      <p className="report__print-button">
        <Button iconId="fr-icon-printer-line" onClick={() => window.print()}>
          Imprimer ou enregistrer en PDF
        </Button>
      </p>
      <CohortSections filters={filters} printable />
    </article>
  );
}
