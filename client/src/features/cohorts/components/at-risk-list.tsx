import Accordion from "@codegouvfr/react-dsfr/Accordion";
import Badge from "@codegouvfr/react-dsfr/Badge";
import { useContext, useState } from "react";
import { DataTablesOpen } from "../../../components/chart-figure";
import { RISK_REASONS } from "@shared/stats";
import { Link } from "react-router";
import type { AtRisk, UnreportedChallenge } from "@shared/stats";
import { usePromotions } from "../../../api/promotions";
import { useI18n } from "../../../i18n/use-i18n";
import { DsfrTable } from "../../../components/dsfr-table";

/**
 * Challenges the programme team should look at first, with why; and apart, those that never
 * reported, a gap in the follow-up rather than a risk (the rule: shared/stats.ts, AT_RISK_RULE).
 */
export function AtRiskList({ data, total }: { data: AtRisk; total: number }) {
  const { t: { dashboard: { risk: t }, common }, f } = useI18n();
  const { atRisk: challenges, neverReported } = data;
  const RISK_LABELS = t.reasons;
  const printable = useContext(DataTablesOpen);
  // Thousands of rows on a large portfolio: drawn when the list is opened, not with the first charts.
  const [open, setOpen] = useState(printable);
  const [gapOpen, setGapOpen] = useState(printable);
  const promotions = usePromotions();
  const labelOf = new Map(promotions.data?.map((p) => [p.key, p.label]));
  return (
    <>
      <p className="fr-text--sm" data-testid="risk-rule">{t.rule}</p>
      <p data-testid="risk-count">{t.intro(f.count(challenges.length, common.challenge), f.count(total - neverReported.length, common.challenge))}</p>
      <ul>
        {RISK_REASONS.map((reason) => (
          <li key={reason}>
            {t.reasonCount(RISK_LABELS[reason], f.count(challenges.filter((c) => c.reasons.includes(reason)).length, common.challenge))}
          </li>
        ))}
      </ul>
      {challenges.length > 0 && (
        <Accordion label={t.list(f.count(challenges.length, common.challenge))} titleAs="h3" expanded={open} onExpandedChange={setOpen}>
        {open && (
        <DsfrTable caption={t.tableCaption} scrollLabel={t.tableCaption}>
          <thead>
            <tr>
              <th scope="col">{common.challengeHeader}</th>
              <th scope="col">{common.promotion}</th>
              <th scope="col">{t.end}</th>
              <th scope="col">{t.lastReport}</th>
              <th scope="col">{t.reasonsHeader}</th>
            </tr>
          </thead>
          <tbody>
            {challenges.map((challenge) => (
              <tr key={challenge.slug}>
                <th scope="row">
                  <Link to={`/defis/${challenge.slug}`}>{challenge.title}</Link>
                </th>
                <td>{labelOf.get(challenge.promotion) ?? challenge.promotion}</td>
                <td>{f.date(challenge.endsOn)}</td>
                <td>{challenge.lastReportAt ? f.date(challenge.lastReportAt.slice(0, 10)) : common.never}</td>
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
        </DsfrTable>
        )}
        </Accordion>
      )}

      <h3 className="fr-h6 fr-mt-3w" id="risk-never-reported">{t.gapTitle}</h3>
      <p data-testid="risk-gap">{t.gapIntro(f.count(neverReported.length, common.challenge), f.count(total, common.challenge))}</p>
      {neverReported.length > 0 && (
        <Accordion label={t.gapList(f.count(neverReported.length, common.challenge))} titleAs="h4" expanded={gapOpen} onExpandedChange={setGapOpen}>
          {gapOpen && <UnreportedTable challenges={neverReported} labelOf={labelOf} />}
        </Accordion>
      )}
    </>
  );
}

function UnreportedTable({ challenges, labelOf }: { challenges: UnreportedChallenge[]; labelOf: Map<string, string> }) {
  const { t: { dashboard: { risk: t }, common }, f } = useI18n();
  return (
    <DsfrTable caption={t.gapCaption} scrollLabel={t.gapCaption}>
      <thead>
        <tr>
          <th scope="col">{common.challengeHeader}</th>
          <th scope="col">{common.promotion}</th>
          <th scope="col">{t.end}</th>
          <th scope="col">{common.hostAdministration}</th>
        </tr>
      </thead>
      <tbody>
        {challenges.map((challenge) => (
          <tr key={challenge.slug}>
            <th scope="row">
              <Link to={`/defis/${challenge.slug}`}>{challenge.title}</Link>
            </th>
            <td>{labelOf.get(challenge.promotion) ?? challenge.promotion}</td>
            <td>{f.date(challenge.endsOn)}</td>
            <td>{challenge.administration}</td>
          </tr>
        ))}
      </tbody>
    </DsfrTable>
  );
}
