import Accordion from "@codegouvfr/react-dsfr/Accordion";
import { AXES } from "@shared/domain";
import type { StatsFilters } from "@shared/stats";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { challengeQueries } from "../../../api/challenges";
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
import { useI18n } from "../../../i18n/use-i18n";

/** True from the frame after `ready` first became true: what was rendered then has been painted. */
function useAfterPaint(ready: boolean): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (!ready || painted) return;
    // requestAnimationFrame runs before the paint; the timeout it sets runs after it.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => setPainted(true), 0)));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [ready, painted]);
  return painted;
}

/**
 * Every section of the cohort analysis, for the dashboard and the printable report alike.
 * `printable` opens the tables instead of leaving them in closed accordions.
 */
export function CohortSections({ filters, printable = false }: { filters: StatsFilters; printable?: boolean }) {
  const { t: { dashboard: t, validation }, l } = useI18n();
  const caption = useCaption(filters);
  const cohorts = useCohortStats(filters);
  // The two heavy answers (every promotion's monthly trajectory, the full at-risk list: a
  // few MB on a large portfolio) are asked for once the first charts have painted, so that
  // parsing and drawing them does not hold those charts back.
  const firstChartsPainted = useAfterPaint(cohorts.isSuccess);
  const trajectories = useTrajectories(filters, firstChartsPainted);
  const afterEnd = useOutcomesAfterEnd(filters);
  const sustainability = useSustainability(filters);
  const atRisk = useAtRisk(filters, firstChartsPainted);
  // The matrix lists every challenge: loaded when opened, not with the first charts.
  const [matrixOpen, setMatrixOpen] = useState(printable);
  const challenges = useQuery({ ...challengeQueries.list(filters), enabled: matrixOpen });

  if (cohorts.isPending) return <Loading label={t.loadingStats} />;
  if (cohorts.isError) return <ErrorAlert error={cohorts.error} />;
  const total = cohorts.data.reduce((sum, cohort) => sum + cohort.challengeCount, 0);
  const captionLines = caption(total);

  return (
    <DataTablesOpen.Provider value={printable}>
    <div className={printable ? "cohort-sections cohort-sections--print" : "cohort-sections"}>
      <section className="fr-mt-4w" aria-labelledby="section-outcomes">
        <h2 id="section-outcomes">{t.sections.outcomes}</h2>
        <OutcomesByPromotion cohorts={cohorts.data} caption={captionLines} />
        {afterEnd.data ? <OutcomesAfterEndChart data={afterEnd.data} caption={captionLines} /> : <QueryStatus query={afterEnd} />}
      </section>

      <section className="fr-mt-4w" aria-labelledby="section-levels">
        <h2 id="section-levels">{t.sections.levels}</h2>
        <p>{t.sections.levelsIntro}</p>
        <div className="fr-grid-row fr-grid-row--gutters">
          {AXES.map((axis) => (
            <div key={axis} className={printable ? "fr-col-12" : "fr-col-12 fr-col-lg-4"}>
              <LevelsByPromotion axis={axis} cohorts={cohorts.data} caption={captionLines} />
            </div>
          ))}
        </div>
      </section>

      <section className="fr-mt-4w" aria-labelledby="section-trajectories">
        <h2 id="section-trajectories">{t.sections.trajectories}</h2>
        {trajectories.data ? <TrajectoriesChart trajectories={trajectories.data} caption={captionLines} /> : <QueryStatus query={trajectories} />}
      </section>

      <section className="fr-mt-4w" aria-labelledby="section-sustainability">
        <h2 id="section-sustainability">{t.sections.sustainability}</h2>
        {sustainability.data ? (
          <div className="fr-grid-row fr-grid-row--gutters">
            <div className={printable ? "fr-col-12" : "fr-col-12 fr-col-lg-6"}>
              <ActionsChart data={sustainability.data} caption={caption(total, "sustainability")} />
            </div>
            <div className={printable ? "fr-col-12" : "fr-col-12 fr-col-lg-6"}>
              <PeopleKeptChart data={sustainability.data} caption={caption(total, "sustainability")} />
            </div>
          </div>
        ) : (
          <QueryStatus query={sustainability} />
        )}
      </section>

      <section className="fr-mt-4w" aria-labelledby="section-risk">
        <h2 id="section-risk">{t.sections.risk}</h2>
        {filters.data && filters.data !== "all" && <p className="fr-text--sm">{validation.riskNote(l.DATA_VIEW_LABELS[filters.data])}</p>}
        {atRisk.data ? <AtRiskList challenges={atRisk.data} total={total} /> : <QueryStatus query={atRisk} />}
      </section>

      <section className="fr-mt-4w" aria-labelledby="section-matrix">
        <h2 id="section-matrix">{t.sections.matrix}</h2>
        {printable ? (
          challenges.data ? (
            <ChallengeStatusTable challenges={challenges.data} caption={t.sections.matrixCaption} />
          ) : (
            <QueryStatus query={challenges} />
          )
        ) : (
          <Accordion label={t.sections.showMatrix(total)} titleAs="h3" expanded={matrixOpen} onExpandedChange={setMatrixOpen}>
            {challenges.data ? (
              <ChallengeStatusTable challenges={challenges.data} caption={t.sections.matrixCaption} />
            ) : (
              <QueryStatus query={challenges} />
            )}
          </Accordion>
        )}
      </section>
    </div>
    </DataTablesOpen.Provider>
  );
}

function QueryStatus({ query }: { query: { isError: boolean; error: unknown } }) {
  return query.isError ? <ErrorAlert error={query.error} /> : <Loading />;
}
