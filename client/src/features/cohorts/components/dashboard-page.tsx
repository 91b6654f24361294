import { AXES } from "@shared/domain";
import { ErrorAlert, Loading } from "../../../components/query-state";
import { countOf } from "../../../lib/format";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { useCohortStats } from "../api/cohort-queries";
import { ChartLegend } from "../../../components/chart-legend";
import { LevelsByPromotion, levelSeries } from "./levels-by-promotion";
import { OutcomesByPromotion } from "./outcomes-by-promotion";

export default function DashboardPage() {
  useDocumentTitle("Tableau de bord des promotions");
  const cohorts = useCohortStats();

  return (
    <>
      <h1>Tableau de bord des promotions</h1>
      <p className="fr-text--lead">
        Ce que deviennent les défis après le programme : résultats déclarés et niveau atteint sur les trois axes de
        pérennisation, par promotion.
      </p>
      {cohorts.isPending && <Loading />}
      {cohorts.isError && <ErrorAlert error={cohorts.error} />}
      {cohorts.data && (
        <>
          <p>
            {countOf(cohorts.data.reduce((sum, cohort) => sum + cohort.challengeCount, 0), "défi")} dans{" "}
            {countOf(cohorts.data.length, "promotion")}. Les promotions EIG 1 à EIG 3 sont suivies depuis le plus
            longtemps ; DIG et EIG 4 viennent ensuite.
          </p>
          <section className="fr-mt-4w" aria-labelledby="outcomes-title">
            <h2 id="outcomes-title">Résultats</h2>
            <OutcomesByPromotion cohorts={cohorts.data} />
          </section>
          <section className="fr-mt-4w" aria-labelledby="levels-title">
            <h2 id="levels-title">Niveaux par axe</h2>
            <p>
              Niveau actuel de chaque défi sur chaque axe : 0 Non démarré, 1 En cours, 2 Atteint, 3 Pérennisé. Un axe
              sans mise à jour est « Non renseigné ».
            </p>
            <ChartLegend series={levelSeries} label="Légende : niveaux" />
            <div className="fr-grid-row fr-grid-row--gutters">
              {AXES.map((axis) => (
                <div key={axis} className="fr-col-12 fr-col-lg-4">
                  <LevelsByPromotion axis={axis} cohorts={cohorts.data} />
                </div>
              ))}
            </div>
          </section>
        </>
      )}
    </>
  );
}
