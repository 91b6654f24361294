import { Link } from "react-router";
import type { ChallengeSummary } from "@shared/challenge";
import { AXES } from "@shared/domain";
import { AXIS_LABELS, OUTCOME_LABELS } from "@shared/labels-fr";
import { usePromotions } from "../api/promotions";
import { LevelBadge } from "./level-badge";

/** Challenges × axes: each level in colour and in words, with the outcome. */
export function ChallengeStatusTable({ challenges, caption }: { challenges: ChallengeSummary[]; caption: string }) {
  const promotions = usePromotions();
  const labelOf = new Map(promotions.data?.map((p) => [p.key, p.label]));
  return (
    <div className="fr-table fr-table--no-caption">
      <div className="fr-table__wrapper">
        <div className="fr-table__container">
          <div className="fr-table__content">
            <table>
              <caption>{caption}</caption>
              <thead>
                <tr>
                  <th scope="col">Défi</th>
                  <th scope="col">Promotion</th>
                  <th scope="col">Administration d'accueil</th>
                  {AXES.map((axis) => (
                    <th key={axis} scope="col">
                      {AXIS_LABELS[axis]}
                    </th>
                  ))}
                  <th scope="col">Résultat</th>
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
                        ? challenge.outcome.categories.map((category) => OUTCOME_LABELS[category]).join(" ; ")
                        : "Non renseigné"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      </div>
    </div>
  );
}
