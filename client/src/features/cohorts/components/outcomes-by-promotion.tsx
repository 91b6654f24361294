import { useState } from "react";
import type { CohortStats } from "@shared/cohort-stats";
import { OUTCOME_CATEGORIES } from "@shared/domain";
import { ChartFigure } from "../../../components/chart-figure";
import { SegmentedControl } from "@codegouvfr/react-dsfr/SegmentedControl";
import { StackedBarChart } from "../../../components/stacked-bar-chart";
import { useI18n } from "../../../i18n/use-i18n";
import { outcomeSeries } from "./series";

export function OutcomesByPromotion({ cohorts, caption }: { cohorts: CohortStats[]; caption: string[] }) {
  const { t: { dashboard: { outcomes: t }, common }, l, f } = useI18n();
  const series = outcomeSeries(l);
  const [shares, setShares] = useState(false);
  const total = cohorts.reduce((sum, cohort) => sum + cohort.challengeCount, 0);
  const notReported = cohorts.reduce((sum, cohort) => sum + cohort.outcomesNotReported, 0);
  const value = (count: number, cohort: CohortStats) => (shares ? (cohort.challengeCount === 0 ? 0 : count / cohort.challengeCount) : count);
  const data = cohorts.map((cohort) => ({
    label: cohort.label,
    ...Object.fromEntries(OUTCOME_CATEGORIES.map((category) => [category, value(cohort.outcomes[category], cohort)])),
    none: value(cohort.outcomesNotReported, cohort),
  }));

  return (
    <>
      <SegmentedControl
        small
        inlineLegend
        legend={t.showIn}
        className="fr-mb-2w"
        segments={[
          { label: t.counts, nativeInputProps: { checked: !shares, onChange: () => setShares(false) } },
          { label: t.shares, nativeInputProps: { checked: shares, onChange: () => setShares(true) } },
        ]}
      />
      <ChartFigure
        title={t.title}
        coverage={
          <>{t.coverage(f.count(total, common.challenge), f.integer(notReported))}</>
        }
        legend={series}
        caption={caption}
        note={t.note(shares)}
        table={{
          caption: t.tableCaption,
          headers: [common.promotion, t.challenges, ...series.map((item) => item.label), t.shareWithOutcome],
          rows: cohorts.map((cohort) => [
            cohort.label,
            cohort.challengeCount,
            ...OUTCOME_CATEGORIES.map((category) => cohort.outcomes[category]),
            cohort.outcomesNotReported,
            cohort.challengeCount === 0 ? "—" : f.percent(1 - cohort.outcomesNotReported / cohort.challengeCount),
          ]),
        }}
      >
        <StackedBarChart
          data={data}
          series={series}
          shares={shares}
          yLabel={shares ? t.yShares : t.yCounts}
          description={t.description(shares, cohorts.map((cohort) => cohort.label).join(", "))}
        />
      </ChartFigure>
    </>
  );
}
