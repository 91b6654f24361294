import Alert from "@codegouvfr/react-dsfr/Alert";
import Badge from "@codegouvfr/react-dsfr/Badge";
import Button from "@codegouvfr/react-dsfr/Button";
import { useState } from "react";
import { Link } from "react-router";
import type { MyCampaign } from "@shared/campaign";
import { parisDate } from "@shared/dates";
import { AXES } from "@shared/domain";
import { ErrorAlert } from "../../../components/query-state";
import { AxisReview } from "../../../components/review-badge";
import { useI18n } from "../../../i18n/use-i18n";
import { useConfirmFromCampaign, useMyCampaigns } from "../api/campaign-queries";
import "./campaigns.css";

/** The top of "Mes défis": each open campaign that concerns the mentor, with what is left. */
export default function CampaignTodos() {
  const campaigns = useMyCampaigns();
  // The page's own list follows anyway: a failed or empty to-do stays out of the way.
  if (campaigns.isError) return <ErrorAlert error={campaigns.error} />;
  if (!campaigns.data || campaigns.data.length === 0) return null;
  return (
    <>
      {campaigns.data.map((campaign) => (
        <CampaignTodo key={campaign.id} campaign={campaign} />
      ))}
    </>
  );
}

function CampaignTodo({ campaign }: { campaign: MyCampaign }) {
  const { t: { campaigns: { mine: t }, common: { sending } }, f, l } = useI18n();
  const confirm = useConfirmFromCampaign();
  const [notice, setNotice] = useState<string>();
  const headingId = `campagne-${campaign.id}`;
  const done = campaign.challenges.filter((challenge) => challenge.answered).length;
  const overdue = campaign.deadline < parisDate();
  return (
    <section className="campaign-todo" aria-labelledby={headingId}>
      <h2 id={headingId} className="fr-h4 fr-mb-1w">
        {t.title(campaign.name)}
      </h2>
      <p className="fr-mb-1w">
        <strong>{overdue ? t.overdue(f.date(campaign.deadline)) : t.due(f.date(campaign.deadline))}</strong>
        {" · "}
        {t.progress(f.integer(done), f.integer(campaign.challenges.length))}
      </p>
      <p className="fr-text--sm fr-mb-2w">{done === campaign.challenges.length ? t.allDone : t.help}</p>
      <ul className="campaign-todo__list" aria-label={t.listLabel(campaign.name)}>
        {campaign.challenges.map((challenge) => (
          <li key={challenge.slug}>
            <div>
              <Link to={`/defis/${challenge.slug}`} className="fr-text--bold">
                {challenge.title}
              </Link>
              <ul className="campaign-todo__axes">
                {AXES.map((axis) => {
                  const sentBack = !challenge.axes[axis] && challenge.validation[axis]?.state === "sent_back";
                  return (
                    <li key={axis}>
                      <Badge
                        small
                        noIcon={!challenge.axes[axis] && !sentBack}
                        severity={challenge.axes[axis] ? "success" : sentBack ? "warning" : "new"}
                      >
                        {t.axisState(
                          l.AXIS_LABELS[axis],
                          challenge.axes[axis] ? t.done : sentBack ? t.sentBack : challenge.levels[axis] === null ? t.toReport : t.todo,
                        )}
                      </Badge>
                      <AxisReview validation={challenge.validation[axis]} />
                    </li>
                  );
                })}
              </ul>
            </div>
            {!challenge.answered && (
              <div className="campaign-todo__actions">
                {AXES.some((axis) => !challenge.axes[axis] && challenge.levels[axis] !== null && challenge.validation[axis]?.state !== "sent_back") && (
                  <Button
                    size="small"
                    priority="secondary"
                    iconId="fr-icon-check-line"
                    disabled={confirm.isPending}
                    onClick={() => {
                      setNotice(undefined);
                      confirm.mutate(challenge.slug, { onSuccess: () => setNotice(t.confirmed(challenge.title)) });
                    }}
                  >
                    {confirm.isPending && confirm.variables === challenge.slug ? sending : t.stillAccurate}
                    <span className="fr-sr-only"> : {challenge.title}</span>
                  </Button>
                )}
                <Button size="small" priority="tertiary" iconId="fr-icon-edit-line" linkProps={{ to: `/defis/${challenge.slug}?edition=1` }}>
                  {t.update}
                  <span className="fr-sr-only"> {challenge.title}</span>
                </Button>
              </div>
            )}
          </li>
        ))}
      </ul>
      <div aria-live="polite">
        {notice && <Alert severity="success" small description={notice} className="fr-mt-2w" />}
        {confirm.isError && <ErrorAlert error={confirm.error} title={t.refused} />}
      </div>
    </section>
  );
}
