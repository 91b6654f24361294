import Accordion from "@codegouvfr/react-dsfr/Accordion";
import Badge from "@codegouvfr/react-dsfr/Badge";
import { useContext } from "react";
import { DataTablesOpen } from "../../../components/chart-figure";
import { RISK_REASONS } from "@shared/stats";
import { Link } from "react-router";
import type { AtRiskChallenge, RiskReason } from "@shared/stats";
import { usePromotions } from "../../../api/promotions";
import { countOf, formatDate } from "../../../lib/format";

export const RISK_LABELS: Record<RiskReason, string> = {
  production_below_achieved: "Fin passée de 6 mois, mise en production non atteinte",
  nobody_kept: "Personne de gardé après le programme",
  stale: "Rien remonté depuis 90 jours",
};

/** Challenges the programme team should look at first, with why. */
export function AtRiskList({ challenges, total }: { challenges: AtRiskChallenge[]; total: number }) {
  const open = useContext(DataTablesOpen);
  const promotions = usePromotions();
  const labelOf = new Map(promotions.data?.map((p) => [p.key, p.label]));
  return (
    <>
      <p>
        {countOf(challenges.length, "défi")} à risque sur {countOf(total, "défi")}. Un défi est à risque quand sa fin est passée
        de six mois sans mise en production au niveau « Atteint », quand personne n'a été gardé sur les livrables, ou quand
        rien n'a été remonté depuis 90 jours.
      </p>
      <ul>
        {RISK_REASONS.map((reason) => (
          <li key={reason}>
            {RISK_LABELS[reason]} : {countOf(challenges.filter((c) => c.reasons.includes(reason)).length, "défi")}
          </li>
        ))}
      </ul>
      {challenges.length > 0 && (
        <Accordion label={`Liste des ${countOf(challenges.length, "défi")} à risque`} titleAs="h3" defaultExpanded={open}>
        <div className="fr-table fr-table--no-caption">
          <div className="fr-table__wrapper">
            <div className="fr-table__container">
              <div className="fr-table__content">
                <table>
                  <caption>Défis à risque et raisons</caption>
                  <thead>
                    <tr>
                      <th scope="col">Défi</th>
                      <th scope="col">Promotion</th>
                      <th scope="col">Fin</th>
                      <th scope="col">Dernière remontée</th>
                      <th scope="col">Raisons</th>
                    </tr>
                  </thead>
                  <tbody>
                    {challenges.map((challenge) => (
                      <tr key={challenge.slug}>
                        <th scope="row">
                          <Link to={`/defis/${challenge.slug}`}>{challenge.title}</Link>
                        </th>
                        <td>{labelOf.get(challenge.promotion) ?? challenge.promotion}</td>
                        <td>{formatDate(challenge.endsOn)}</td>
                        <td>{challenge.lastReportAt ? formatDate(challenge.lastReportAt.slice(0, 10)) : "Jamais"}</td>
                        <td>
                          <ul className="risk-reasons">
                            {challenge.reasons.map((reason) => (
                              <li key={reason}>
                                <Badge small severity="warning" noIcon>
                                  {RISK_LABELS[reason]}
                                </Badge>
                              </li>
                            ))}
                          </ul>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          </div>
        </div>
        </Accordion>
      )}
    </>
  );
}
