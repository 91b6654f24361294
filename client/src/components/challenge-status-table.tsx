import { Link } from "react-router";
import type { ChallengeSummary } from "@shared/challenge";
import { AXES } from "@shared/domain";
import { useI18n } from "../i18n/use-i18n";
import { usePromotions } from "../api/promotions";
import { LevelBadge } from "./level-badge";
import { DsfrTable } from "./dsfr-table";

/** Challenges × axes: each level in colour and in words, with the outcome. */
export function ChallengeStatusTable({ challenges, caption }: { challenges: ChallengeSummary[]; caption: string }) {
  const { t, l } = useI18n();
  const promotions = usePromotions();
  const labelOf = new Map(promotions.data?.map((p) => [p.key, p.label]));
  return (
    <DsfrTable caption={caption} scrollLabel={caption}>
      <thead>
        <tr>
          <th scope="col">{t.common.challengeHeader}</th>
          <th scope="col">{t.common.promotion}</th>
          <th scope="col">{t.common.hostAdministration}</th>
          {AXES.map((axis) => (
            <th key={axis} scope="col">
              {l.AXIS_LABELS[axis]}
            </th>
          ))}
          <th scope="col">{t.common.outcome}</th>
        </tr>
      </thead>
      <tbody>
        {challenges.map((challenge) => (
          <tr key={challenge.slug}>
            <th scope="row">
              <Link to={`/defis/${challenge.slug}`}>{challenge.title}</Link>
            </th>
            <td>{labelOf.get(challenge.promotion) ?? challenge.promotion}</td>
            <td>{challenge.administration}</td>
            {AXES.map((axis) => (
              <td key={axis}>
                <LevelBadge status={challenge.status[axis]} />
              </td>
            ))}
            <td>
              {challenge.outcome
                ? challenge.outcome.categories.map((category) => l.OUTCOME_LABELS[category]).join(" ; ")
                : t.common.notReported}
            </td>
          </tr>
        ))}
      </tbody>
    </DsfrTable>
  );
}
