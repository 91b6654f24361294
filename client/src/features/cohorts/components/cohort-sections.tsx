import Accordion from "@codegouvfr/react-dsfr/Accordion";
import { AXES } from "@shared/domain";
import type { StatsFilters } from "@shared/stats";
import { useQuery } from "@tanstack/react-query";
import { startTransition, useCallback, useEffect, useState } from "react";
import { challengeQueries } from "../../../api/challenges";
import { ChallengeStatusTable } from "../../../components/challenge-status-table";
import { ChartDrawn, ChartFileNames, ChartsDrawnAtOnce, DataTablesOpen } from "../../../components/chart-figure";
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
import { useCaption, useChartFileName } from "./use-caption";
import { useI18n } from "../../../i18n/use-i18n";

/**
 * How many of the page's `count` stages to render: the first once `ready`, then one more
 * each time the browser is idle. Drawing every chart of a large portfolio at once holds the
 * first one back by a second or more; stage by stage, the first screen is drawn first, and
 * between stages the page answers the person using it before drawing on.
 */
function useStages(ready: boolean, count: number, firstDrawn: boolean): number {
  const [stages, setStages] = useState(0);
  // Charts are drawn when they come near the screen: an undrawn stage costs nothing, so the
  // later, heavier ones (trajectories, at-risk lists) would otherwise be fetched and rendered
  // while the first chart waits. They wait for it, or for a few seconds without scrolling.
  const [waitedLongEnough, setWaitedLongEnough] = useState(false);
  useEffect(() => {
    if (!ready || firstDrawn) return;
    const timer = setTimeout(() => setWaitedLongEnough(true), FIRST_CHART_WAIT_MS);
    return () => clearTimeout(timer);
  }, [ready, firstDrawn]);
  const held = stages >= 1 && !firstDrawn && !waitedLongEnough;
  useEffect(() => {
    if (!ready || stages >= count || held) return;
    if (stages === 0) {
      // The first stage is drawn as soon as the data is ready; only the later ones wait.
      // eslint-disable-next-line react-hooks/set-state-in-effect
      setStages(1);
      return;
    }
    // A transition: React draws the next stage in slices and yields between them, so the
    // page never freezes for the length of a whole chart.
    const next = () => startTransition(() => setStages((n) => n + 1));
    // Safari has no requestIdleCallback: a timeout after the paint is the next best thing.
    if (typeof requestIdleCallback === "function") {
      const idle = requestIdleCallback(next, { timeout: 1000 });
      return () => cancelIdleCallback(idle);
    }
    const timer = setTimeout(next, 50);
    return () => clearTimeout(timer);
  }, [ready, stages, count, held]);
  return stages;
}

/** How long the later stages wait for the first chart to be drawn before going on anyway. */
const FIRST_CHART_WAIT_MS = 3000;

/** The charts in the order they are drawn (see useStages); one axis's levels per stage. */
const STAGE = { outcomes: 1, afterEnd: 2, levels: 3, trajectories: 3 + AXES.length, sustainability: 4 + AXES.length, risk: 5 + AXES.length } as const;

/**
 * Every section of the cohort analysis, for the dashboard and the printable report alike.
 * `printable` opens the tables instead of leaving them in closed accordions.
 */
export function CohortSections({ filters, printable = false }: { filters: StatsFilters; printable?: boolean }) {
  const { t: { dashboard: t, review }, l } = useI18n();
  const caption = useCaption(filters);
  const chartFileName = useChartFileName(filters);
  const cohorts = useCohortStats(filters);
  // The printable report is drawn whole at once: it is read on paper, not scrolled.
  const [firstDrawn, setFirstDrawn] = useState(false);
  const markDrawn = useCallback(() => setFirstDrawn(true), []);
  const staged = useStages(cohorts.isSuccess && !printable, STAGE.risk, firstDrawn);
  const stage = printable ? STAGE.risk : staged;
  // The two heavy answers (every promotion's monthly trajectory, the full at-risk list: a
  // few MB on a large portfolio) are asked for when their section's turn comes.
  const trajectories = useTrajectories(filters, stage >= STAGE.trajectories);
  const afterEnd = useOutcomesAfterEnd(filters);
  const sustainability = useSustainability(filters);
  const atRisk = useAtRisk(filters, stage >= STAGE.risk);
  // The matrix lists every challenge: loaded when opened, not with the first charts.
  const [matrixOpen, setMatrixOpen] = useState(printable);
  const challenges = useQuery({ ...challengeQueries.list(filters), enabled: matrixOpen });

  if (cohorts.isPending) return <div className="cohort-sections-placeholder"><Loading label={t.loadingStats} /></div>;
  if (cohorts.isError) return <ErrorAlert error={cohorts.error} />;
  const total = cohorts.data.reduce((sum, cohort) => sum + cohort.challengeCount, 0);
  const captionLines = caption(total);
  // The report says when every section has its data, for whoever prints it (the server's
  // Chromium waits for it before printing, see server/src/report/print-report.ts).
  const ready = printable && [trajectories, afterEnd, sustainability, atRisk, challenges].every((query) => query.isSuccess);

  return (
    <DataTablesOpen.Provider value={printable}>
    <ChartsDrawnAtOnce.Provider value={printable}>
    <ChartFileNames.Provider value={chartFileName}>
    <ChartDrawn.Provider value={markDrawn}>
    <div className={printable ? "cohort-sections cohort-sections--print" : "cohort-sections"} data-report-ready={ready ? "true" : undefined}>
      <section className="fr-mt-4w" aria-labelledby="section-outcomes">
        <h2 id="section-outcomes">{t.sections.outcomes}</h2>
        <OutcomesByPromotion cohorts={cohorts.data} caption={captionLines} />
        {afterEnd.data && stage >= STAGE.afterEnd ? <OutcomesAfterEndChart data={afterEnd.data} caption={captionLines} /> : <QueryStatus query={afterEnd} />}
      </section>

      <section className="fr-mt-4w" aria-labelledby="section-levels">
        <h2 id="section-levels">{t.sections.levels}</h2>
        <p>{t.sections.levelsIntro}</p>
        <div className="fr-grid-row fr-grid-row--gutters">
          {AXES.map((axis, index) => (
            <div key={axis} id={`levels-${axis}`} className={printable ? "fr-col-12" : "fr-col-12 fr-col-lg-4"}>
              {stage >= STAGE.levels + index ? <LevelsByPromotion axis={axis} cohorts={cohorts.data} caption={captionLines} /> : <Loading />}
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
        {sustainability.data && stage >= STAGE.sustainability ? (
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
        {filters.data && filters.data !== "all" && <p className="fr-text--sm">{review.riskNote(l.DATA_VIEW_LABELS[filters.data])}</p>}
        {atRisk.data ? <AtRiskList data={atRisk.data} total={total} /> : <QueryStatus query={atRisk} />}
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
    </ChartDrawn.Provider>
    </ChartFileNames.Provider>
    </ChartsDrawnAtOnce.Provider>
    </DataTablesOpen.Provider>
  );
}

function QueryStatus({ query }: { query: { isError: boolean; error: unknown } }) {
  return query.isError ? <ErrorAlert error={query.error} /> : <Loading />;
}
