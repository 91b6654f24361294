import Alert from "@codegouvfr/react-dsfr/Alert";
import Button from "@codegouvfr/react-dsfr/Button";
import type { ReactNode } from "react";
import { Link } from "react-router";
import type { MyChallenge } from "@shared/challenge";
import { AXES } from "@shared/domain";
import { useI18n } from "../../../i18n/use-i18n";
import { useMyChallenges } from "../../../api/challenges";
import { usePromotions } from "../../../api/promotions";
import { useCurrentUser } from "../../../api/session";
import { LevelBadge } from "../../../components/level-badge";
import { ErrorAlert, Loading } from "../../../components/query-state";
import { StalenessBadge } from "../../../components/staleness";
import { WarningAlerts } from "../../../components/warning-alerts";
import { SentBackNotice } from "../../../components/sent-back-notice";
import { AxisReview } from "../../../components/review-badge";
import { useDocumentTitle } from "../../../lib/use-document-title";

/** `top`: what the app puts above the list (the campaign to-dos), without this feature knowing it. */
export default function MyChallengesPage({ top }: { top?: ReactNode } = {}) {
  const { t: { mine: t, common }, f } = useI18n();
  useDocumentTitle(t.title);
  const challenges = useMyChallenges();
  const isAdmin = useCurrentUser().data?.role === "admin";
  const promotions = usePromotions();
  const promotionLabel = new Map(promotions.data?.map((p) => [p.key, p.label]));

  const toRefresh = challenges.data?.filter((challenge) => challenge.stale).length ?? 0;

  return (
    <>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      {top}
      <SentBackNotice />
      {challenges.isPending && <Loading label={t.loading} />}
      {challenges.isError && <ErrorAlert error={challenges.error} />}
      {challenges.data && challenges.data.length === 0 && (
        <Alert
          severity="info"
          title={t.noneTitle}
          description={
            isAdmin ? (
              <p>
                {t.adminHelp[0]}
                <Link to="/admin/mentors">{t.adminHelp[1]}</Link>
                {t.adminHelp[2]}
                <Link to="/defis">{t.adminHelp[3]}</Link>
                {t.adminHelp[4]}
              </p>
            ) : (
              <p>
                {t.mentorHelp[0]}
                <Link to="/defis">{t.mentorHelp[1]}</Link>
                {t.mentorHelp[2]}
              </p>
            )
          }
          role={undefined}
        />
      )}
      {challenges.data && challenges.data.length > 0 && (
        <>
          <p role="status">
            {f.count(challenges.data.length, common.challenge)}
            {toRefresh > 0 && t.including(f.count(toRefresh, t.toRefresh))}.
          </p>
          <ul className="my-challenges">
            {challenges.data.map((challenge) => (
              <li key={challenge.slug}>
                <MyChallengeCard challenge={challenge} promotion={promotionLabel.get(challenge.promotion) ?? challenge.promotion} />
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function MyChallengeCard({ challenge, promotion }: { challenge: MyChallenge; promotion: string }) {
  const { t: { mine: t, common }, l } = useI18n();
  const missingLabel = (item: MyChallenge["missing"][number]) =>
    item === "outcome" ? t.missingOutcome : item === "checklist" ? t.missingChecklist : t.missingLevel(l.AXIS_LABELS[item]);
  const headingId = `defi-${challenge.slug}`;
  return (
    <article className="my-challenge" aria-labelledby={headingId}>
      <div className="my-challenge__head">
        <div>
          <h2 id={headingId} className="fr-h5 fr-mb-1v">
            <Link to={`/defis/${challenge.slug}`}>{challenge.title}</Link>
          </h2>
          <p className="fr-text--sm fr-mb-1w">
            {promotion} · {challenge.administration}
          </p>
        </div>
        <Button
          size="small"
          priority="secondary"
          iconId="fr-icon-edit-line"
          linkProps={{ to: `/defis/${challenge.slug}?edition=1` }}
        >
          {t.update}<span className="fr-sr-only"> {challenge.title}</span>
        </Button>
      </div>
      <p className="fr-text--sm fr-mb-2w">
        <StalenessBadge stale={challenge.stale} lastReportAt={challenge.lastReportAt} />
      </p>
      <dl className="my-challenge__levels">
        {AXES.map((axis) => (
          <div key={axis}>
            <dt>{l.AXIS_LABELS[axis]}</dt>
            <dd>
              <LevelBadge status={challenge.status[axis]} />
              <AxisReview validation={challenge.validation[axis]} />
            </dd>
          </div>
        ))}
        <div>
          <dt>{common.outcome}</dt>
          <dd>
            {challenge.outcome
              ? challenge.outcome.categories.map((category) => l.OUTCOME_LABELS[category]).join(common.listSeparator)
              : common.notReported}
          </dd>
        </div>
      </dl>
      {challenge.missing.length > 0 && (
        <div className="fr-mt-2w">
          <p className="fr-text--sm fr-text--bold fr-mb-1v">{t.toComplete}</p>
          <ul className="fr-text--sm fr-mb-0">
            {challenge.missing.map((item) => (
              <li key={item}>{missingLabel(item)}</li>
            ))}
          </ul>
        </div>
      )}
      <WarningAlerts warnings={challenge.warnings} className="fr-mt-2w" />
    </article>
  );
}
