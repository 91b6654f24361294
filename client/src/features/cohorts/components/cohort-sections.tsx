import Accordion from "@codegouvfr/react-dsfr/Accordion";
import { AXES } from "@shared/domain";
import type { StatsFilters } from "@shared/stats";
import { useChallenges } from "../../../api/challenges";
import { ChallengeStatusTable } from "../../../components/challenge-status-table";
import { DataTablesOpen } from "../../../components/chart-figure";
import { ErrorAlert, Loading } from "../../../components/query-state";
import {
  useAtRisk,
  useCohortStats,
  useOutcomesAfterEnd,
  useSustainability,
  useTrajectories,
} from "../api/cohort-queries";
import { AtRiskList } from "./at-risk-list";
import { LevelsByPromotion } from "./levels-by-promotion";
import { OutcomesAfterEndChart } from "./outcomes-after-end";
import { OutcomesByPromotion } from "./outcomes-by-promotion";
import { ActionsChart, PeopleKeptChart } from "./sustainability-charts";
import { TrajectoriesChart } from "./trajectories-chart";
import { useCaption } from "./use-caption";

/**
 * Every section of the cohort analysis, for the dashboard and the printable report alike.
 * `printable` opens the tables instead of leaving them in closed accordions.
 */
export function CohortSections({ filters, printable = false }: { filters: StatsFilters; printable?: boolean }) {
  const caption = useCaption(filters);
  const cohorts = useCohortStats(filters);
  const trajectories = useTrajectories(filters);
  const afterEnd = useOutcomesAfterEnd(filters);
  const sustainability = useSustainability(filters);
  const atRisk = useAtRisk(filters);
  const challenges = useChallenges(filters);

  if (cohorts.isPending) return <Loading label="Chargement des statistiques…" />;
  if (cohorts.isError) return <ErrorAlert error={cohorts.error} />;
  const total = cohorts.data.reduce((sum, cohort) => sum + cohort.challengeCount, 0);
  const captionLines = caption(total);

  return (
    <DataTablesOpen.Provider value={printable}>
    <div className={printable ? "cohort-sections cohort-sections--print" : "cohort-sections"}>
      <section className="fr-mt-4w" aria-labelledby="section-outcomes">
        <h2 id="section-outcomes">Résultats</h2>
        <OutcomesByPromotion cohorts={cohorts.data} caption={captionLines} />
        {afterEnd.data ? <OutcomesAfterEndChart data={afterEnd.data} caption={captionLines} /> : <QueryStatus query={afterEnd} />}
      </section>

      <section className="fr-mt-4w" aria-labelledby="section-levels">
        <h2 id="section-levels">Niveaux par axe</h2>
        <p>
          Niveau actuel de chaque défi sur chaque axe : 0 Non démarré, 1 En cours, 2 Atteint, 3 Pérennisé. Un axe sans mise
          à jour est « Non renseigné ». Les niveaux sont ordonnés : la répartition compte plus que la moyenne.
        </p>
        <div className="fr-grid-row fr-grid-row--gutters">
          {AXES.map((axis) => (
            <div key={axis} className={printable ? "fr-col-12" : "fr-col-12 fr-col-lg-4"}>
              <LevelsByPromotion axis={axis} cohorts={cohorts.data} caption={captionLines} />
            </div>
          ))}
        </div>
      </section>

      <section className="fr-mt-4w" aria-labelledby="section-trajectories">
        <h2 id="section-trajectories">Trajectoires des promotions</h2>
        {trajectories.data ? <TrajectoriesChart trajectories={trajectories.data} caption={captionLines} /> : <QueryStatus query={trajectories} />}
      </section>

      <section className="fr-mt-4w" aria-labelledby="section-sustainability">
        <h2 id="section-sustainability">Travail de pérennisation</h2>
        {sustainability.data ? (
          <div className="fr-grid-row fr-grid-row--gutters">
            <div className={printable ? "fr-col-12" : "fr-col-12 fr-col-lg-6"}>
              <ActionsChart data={sustainability.data} caption={captionLines} />
            </div>
            <div className={printable ? "fr-col-12" : "fr-col-12 fr-col-lg-6"}>
              <PeopleKeptChart data={sustainability.data} caption={captionLines} />
            </div>
          </div>
        ) : (
          <QueryStatus query={sustainability} />
        )}
      </section>

      <section className="fr-mt-4w" aria-labelledby="section-risk">
        <h2 id="section-risk">À risque</h2>
        {atRisk.data ? <AtRiskList challenges={atRisk.data} total={total} /> : <QueryStatus query={atRisk} />}
      </section>

      <section className="fr-mt-4w" aria-labelledby="section-matrix">
        <h2 id="section-matrix">Matrice des défis et des axes</h2>
        {challenges.data ? (
          printable ? (
            <ChallengeStatusTable challenges={challenges.data} caption="Niveau actuel de chaque défi sur chaque axe" />
          ) : (
            <Accordion label={`Afficher la matrice (${challenges.data.length} défis)`} titleAs="h3">
              <ChallengeStatusTable challenges={challenges.data} caption="Niveau actuel de chaque défi sur chaque axe" />
            </Accordion>
          )
        ) : (
          <QueryStatus query={challenges} />
        )}
      </section>
    </div>
    </DataTablesOpen.Provider>
  );
}

function QueryStatus({ query }: { query: { isError: boolean; error: unknown } }) {
  return query.isError ? <ErrorAlert error={query.error} /> : <Loading />;
}
