import { Link } from "react-router";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { CohortSections } from "./cohort-sections";
import { DashboardFilters, useDashboardFilters } from "./dashboard-filters";

export default function DashboardPage() {
  useDocumentTitle("Tableau de bord des promotions");
  const [filters, setFilters] = useDashboardFilters();
  const search = new URLSearchParams(filters as Record<string, string>).toString();

  return (
    <>
      <h1>Tableau de bord des promotions</h1>
      <p className="fr-text--lead">
        Ce que deviennent les défis après le programme : résultats, niveau atteint sur les trois axes de pérennisation,
        trajectoires des promotions et défis à risque. Les promotions EIG 1 à EIG 3 sont suivies depuis le plus longtemps.
      </p>
      <DashboardFilters filters={filters} onChange={setFilters} />
      <p className="fr-text--sm">
        L'adresse de la page garde les filtres : copiez-la pour partager cette vue.{" "}
        <Link to={`/rapport${search ? `?${search}` : ""}`}>Version imprimable (rapport)</Link>
      </p>
      <CohortSections filters={filters} />
    </>
  );
}
