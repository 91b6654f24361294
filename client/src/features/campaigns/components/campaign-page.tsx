import Alert from "@codegouvfr/react-dsfr/Alert";
import Badge from "@codegouvfr/react-dsfr/Badge";
import Button from "@codegouvfr/react-dsfr/Button";
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { MAX_EMAIL_ATTEMPTS, type CampaignDetail, type EmailRun } from "@shared/campaign";
import { AXES } from "@shared/domain";
import { DsfrTable } from "../../../components/dsfr-table";
import { ErrorAlert, Loading } from "../../../components/query-state";
import { useI18n } from "../../../i18n/use-i18n";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { useCampaign, useCloseCampaign, useDeleteCampaign, useSendReminders } from "../api/campaign-queries";
import { ActionNoticeArea, type ActionNotice } from "../../../components/action-notice";
import { CampaignEditForm } from "./campaign-edit-form";
import { CampaignState } from "./campaigns-page";
import { CompletionBar } from "./completion-bar";
import "./campaigns.css";

export default function CampaignPage() {
  const { t } = useI18n();
  const id = Number(useParams().id);
  const campaign = useCampaign(Number.isInteger(id) && id > 0 ? id : 0);
  useDocumentTitle(t.admin.pageTitle(campaign.data?.name ?? t.campaigns.title));
  return (
    <>
      <p className="fr-mb-2w">
        <Link to="/admin/campagnes" className="fr-link fr-icon-arrow-left-line fr-link--icon-left">
          {t.campaigns.detail.back}
        </Link>
      </p>
      {campaign.isPending && <Loading label={t.campaigns.detail.loading} />}
      {campaign.isError && <ErrorAlert error={campaign.error} />}
      {campaign.data && <CampaignView campaign={campaign.data} />}
    </>
  );
}

function CampaignView({ campaign }: { campaign: CampaignDetail }) {
  const { t: { campaigns: { detail: t, challengeCount } }, f } = useI18n();
  const tEdit = useI18n().t.campaigns.edit;
  const share = campaign.challengeCount === 0 ? 0 : campaign.answeredCount / campaign.challengeCount;
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<ActionNotice>();
  return (
    <>
      <h1>
        {campaign.name} <CampaignState campaign={campaign} />
      </h1>
      <p className="fr-text--lead fr-mb-1w">{t.deadline(f.date(campaign.deadline))}</p>
      <p className="fr-text--sm">
        {t.openedBy(f.instant(campaign.openedAt), campaign.openedByName)}
        {campaign.closedAt && `, ${t.closedBy(f.instant(campaign.closedAt), campaign.closedByName ?? "")}`}.
      </p>
      <ActionNoticeArea notice={notice} onClose={() => setNotice(undefined)} />
      {!campaign.closedAt &&
        (editing ? (
          <CampaignEditForm campaign={campaign} onDone={() => setEditing(false)} onNotice={setNotice} />
        ) : (
          <Button
            priority="secondary"
            iconId="fr-icon-edit-line"
            className="fr-mb-3w"
            onClick={() => {
              setNotice(undefined);
              setEditing(true);
            }}
          >
            {tEdit.open}
          </Button>
        ))}
      <p className="fr-text--bold" role="status">
        {t.completion(f.integer(campaign.answeredCount), f.count(campaign.challengeCount, challengeCount), f.percent(share))}
      </p>
      <p className="fr-text--sm">{t.completionHelp}</p>

      <h2>{t.byPromotion}</h2>
      <DsfrTable caption={t.byPromotionCaption} scrollLabel={t.byPromotionCaption}>
        <thead>
          <tr>
            <th scope="col">{t.promotion}</th>
            <th scope="col">{t.share}</th>
          </tr>
        </thead>
        <tbody>
          {campaign.promotions.map((promotion) => (
            <tr key={promotion.key}>
              <th scope="row">{promotion.label}</th>
              <td>
                <CompletionBar answered={promotion.answeredCount} total={promotion.challengeCount} />
              </td>
            </tr>
          ))}
        </tbody>
      </DsfrTable>

      <ToChase campaign={campaign} />
      <Emails campaign={campaign} />
      <ByChallenge campaign={campaign} />
      {!campaign.closedAt && <CloseCampaign campaign={campaign} />}
      {campaign.deletable && <DeleteCampaign campaign={campaign} />}
    </>
  );
}

function mailto(to: string[], subject: string, body: string): string {
  const address = (email: string) => encodeURIComponent(email).replace(/%40/g, "@");
  const query = [`subject=${encodeURIComponent(subject)}`, `body=${encodeURIComponent(body)}`];
  // Several recipients go in Bcc: mentors do not see each other's addresses.
  if (to.length > 1) query.unshift(`bcc=${to.map(address).join(",")}`);
  return `mailto:${to.length === 1 ? address(to[0]) : ""}?${query.join("&")}`;
}

function ToChase({ campaign }: { campaign: CampaignDetail }) {
  const { t: { campaigns: { detail: t, mentorCount, challengeCount } }, f } = useI18n();
  const remind = useSendReminders();
  const [result, setResult] = useState<EmailRun>();
  const link = `${window.location.origin}/mes-defis`;
  const body = (titles: string[]) => t.mailBody(campaign.name, f.date(campaign.deadline), titles.join(", "), link);
  const open = !campaign.closedAt;
  const orphans = campaign.challenges.filter((challenge) => !challenge.answered && challenge.mentors.length === 0).length;
  return (
    <section aria-labelledby="a-relancer" className="fr-mt-6w">
      <h2 id="a-relancer">{t.toChase}</h2>
      {!campaign.emails.enabled && open && <Alert severity="info" small title={t.mailOff} description={t.mailOffHelp} className="fr-mb-3w" />}
      {orphans > 0 && (
        <p>
          {t.orphans(f.count(orphans, challengeCount))}
          <Link to="/admin/mentors">{t.assignMentors}</Link>
        </p>
      )}
      {campaign.toChase.length === 0 ? (
        <p>{t.toChaseNone}</p>
      ) : (
        <>
          <DsfrTable caption={t.toChaseCaption} scrollLabel={t.toChaseCaption}>
            <thead>
              <tr>
                <th scope="col">{t.mentor}</th>
                <th scope="col">{t.email}</th>
                <th scope="col">{t.waiting}</th>
              </tr>
            </thead>
            <tbody>
              {campaign.toChase.map((mentor) => (
                <tr key={mentor.id}>
                  <th scope="row">{mentor.name}</th>
                  <td>
                    <a href={mailto([mentor.email], t.mailSubject(campaign.name), body(mentor.challenges.map((c) => c.title)))} title={t.writeTo(mentor.name)}>
                      {mentor.email}
                    </a>
                  </td>
                  <td>
                    {mentor.challenges.map((challenge, index) => (
                      <span key={challenge.slug}>
                        {index > 0 && ", "}
                        <Link to={`/defis/${challenge.slug}`}>{challenge.title}</Link>
                      </span>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </DsfrTable>
          <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
            {open && campaign.emails.enabled && (
              <li>
                <Button
                  iconId="fr-icon-mail-line"
                  disabled={remind.isPending}
                  onClick={() => {
                    setResult(undefined);
                    remind.mutate(campaign.id, { onSuccess: setResult });
                  }}
                >
                  {t.remind}
                </Button>
              </li>
            )}
            <li>
              <Button
                priority="secondary"
                iconId="fr-icon-mail-open-line"
                linkProps={{
                  href: mailto(
                    campaign.toChase.map((m) => m.email),
                    t.mailSubject(campaign.name),
                    body([...new Set(campaign.toChase.flatMap((m) => m.challenges.map((c) => c.title)))]),
                  ),
                }}
              >
                {t.writeToAll}
              </Button>
            </li>
          </ul>
          {open && campaign.emails.enabled && <p className="fr-text--sm">{t.remindHelp}</p>}
        </>
      )}
      <div aria-live="polite">
        {result && (
          <Alert
            severity="success"
            small
            description={[
              result.queued > 0 ? t.reminded(f.count(result.queued, mentorCount)) : t.remindedNone,
              result.alreadyToday > 0 ? t.alreadyToday(f.count(result.alreadyToday, mentorCount)) : "",
            ]
              .filter(Boolean)
              .join(" ")}
          />
        )}
        {remind.isError && <ErrorAlert error={remind.error} title={t.remindRefused} />}
      </div>
    </section>
  );
}

function Emails({ campaign }: { campaign: CampaignDetail }) {
  const { t: { campaigns: { detail: t } }, f } = useI18n();
  const { emails } = campaign;
  if (emails.recent.length === 0) return null;
  return (
    <section aria-labelledby="courriels" className="fr-mt-6w">
      <h2 id="courriels">{t.emails}</h2>
      <p className="fr-mb-1w" role="status">
        {t.emailsSummary(f.integer(emails.pending), f.count(emails.sent, t.sentCount), f.integer(emails.failed))}
        {emails.lastSentAt && ` ${t.lastSent(f.instant(emails.lastSentAt))}`}
      </p>
      <p className="fr-text--sm">{t.emailsHelp}</p>
      <DsfrTable caption={t.emailsCaption} scrollLabel={t.emailsCaption}>
        <thead>
          <tr>
            <th scope="col">{t.sentAt}</th>
            <th scope="col">{t.recipient}</th>
            <th scope="col">{t.kind}</th>
            <th scope="col">{t.statusHeader}</th>
          </tr>
        </thead>
        <tbody>
          {emails.recent.map((email, index) => (
            <tr key={index}>
              <td>{f.instant(email.at)}</td>
              <td className="fr-cell--multiline">
                {email.recipientName}
                <br />
                <span className="fr-text--sm">{email.recipient}</span>
              </td>
              <td>{t.kinds[email.kind]}</td>
              <td className="fr-cell--multiline">
                <div className="campaign-email-state">
                  <Badge small severity={email.status === "sent" ? "success" : email.status === "failed" ? "error" : "info"}>
                    {t.statuses[email.status]}
                  </Badge>
                  {email.status === "pending" && email.attempts > 0 && (
                    <span className="fr-text--xs fr-mb-0">{t.retrying(f.integer(email.attempts), f.integer(MAX_EMAIL_ATTEMPTS))}</span>
                  )}
                  {email.status === "failed" && <span className="fr-text--xs fr-mb-0">{t.gaveUp(f.integer(email.attempts))}</span>}
                  {email.error && email.status !== "sent" && <span className="fr-text--xs fr-mb-0 fr-text-mention--grey">{t.reason(email.error)}</span>}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </DsfrTable>
    </section>
  );
}

/** Rows drawn at first: a campaign over thousands of challenges stays quick to open. */
const FIRST_ROWS = 200;

function ByChallenge({ campaign }: { campaign: CampaignDetail }) {
  const { t: { campaigns: { detail: t, challengeCount } }, l, f } = useI18n();
  const [all, setAll] = useState(false);
  const shown = all ? campaign.challenges : campaign.challenges.slice(0, FIRST_ROWS);
  return (
    <section aria-labelledby="par-defi" className="fr-mt-6w">
      <h2 id="par-defi">{t.byChallenge}</h2>
      <DsfrTable caption={t.byChallengeCaption} scrollLabel={t.byChallengeCaption}>
        <thead>
          <tr>
            <th scope="col">{t.challenge}</th>
            {AXES.map((axis) => (
              <th key={axis} scope="col">
                {l.AXIS_LABELS[axis]}
              </th>
            ))}
            <th scope="col">{t.mentors}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((challenge) => (
            <tr key={challenge.slug}>
              <th scope="row">
                <Link to={`/defis/${challenge.slug}`}>{challenge.title}</Link>
                {challenge.answered && (
                  <>
                    {" "}
                    <Badge small severity="success">
                      {t.done}
                    </Badge>
                  </>
                )}
              </th>
              {AXES.map((axis) => (
                <td key={axis}>
                  {challenge.axes[axis] ? (
                    <span className="campaign-axis">
                      <span className="fr-icon-check-line fr-icon--sm" aria-hidden="true" /> {t.done}
                    </span>
                  ) : (
                    <span className="campaign-axis fr-text-mention--grey">{t.todo}</span>
                  )}
                </td>
              ))}
              <td>{challenge.mentors.length === 0 ? <em>{t.noMentor}</em> : challenge.mentors.map((m) => m.name).join(", ")}</td>
            </tr>
          ))}
        </tbody>
      </DsfrTable>
      {shown.length < campaign.challenges.length && (
        <Button priority="secondary" onClick={() => setAll(true)}>
          {t.showAll(f.count(campaign.challenges.length - shown.length, challengeCount))}
        </Button>
      )}
    </section>
  );
}

/**
 * A campaign opened by mistake, while nobody has answered it: deleted after a confirm step
 * (the server checks again, and says why when someone answered meanwhile).
 */
function DeleteCampaign({ campaign }: { campaign: CampaignDetail }) {
  const { t: { campaigns: { detail: t } } } = useI18n();
  const remove = useDeleteCampaign();
  const navigate = useNavigate();
  return (
    <ConfirmedStep
      id="supprimer"
      title={t.delete}
      help={t.deleteHelp}
      refusedTitle={t.deleteRefused}
      icon="fr-icon-delete-line"
      openPriority="tertiary"
      confirmLabel={t.confirmDelete(campaign.name)}
      mutation={remove}
      onConfirm={() => remove.mutate(campaign.id, { onSuccess: () => void navigate("/admin/campagnes", { state: { deleted: campaign.name } }) })}
    />
  );
}

function CloseCampaign({ campaign }: { campaign: CampaignDetail }) {
  const { t: { campaigns: { detail: t } } } = useI18n();
  const close = useCloseCampaign();
  return (
    <ConfirmedStep
      id="clore"
      title={t.close}
      help={t.closeHelp}
      refusedTitle={t.closeRefused}
      icon="fr-icon-lock-line"
      openPriority="secondary"
      confirmLabel={t.confirmClose}
      mutation={close}
      onConfirm={() => close.mutate(campaign.id)}
    />
  );
}

/** A section whose one action asks for confirmation first (closing or deleting a campaign). */
function ConfirmedStep(props: {
  id: string;
  title: string;
  help: string;
  refusedTitle: string;
  icon: "fr-icon-delete-line" | "fr-icon-lock-line";
  openPriority: "secondary" | "tertiary";
  confirmLabel: string;
  mutation: { isPending: boolean; isError: boolean; error: Error | null };
  onConfirm: () => void;
}) {
  const { t: { campaigns: { detail: t }, common: { sending } } } = useI18n();
  const { mutation } = props;
  const [confirming, setConfirming] = useState(false);
  return (
    <section aria-labelledby={props.id} className="fr-mt-6w">
      <h2 id={props.id} className="fr-h4">
        {props.title}
      </h2>
      <p>{props.help}</p>
      {mutation.isError && <ErrorAlert error={mutation.error} title={props.refusedTitle} />}
      {confirming ? (
        <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
          <li>
            <Button iconId={props.icon} disabled={mutation.isPending} onClick={props.onConfirm}>
              {mutation.isPending ? sending : props.confirmLabel}
            </Button>
          </li>
          <li>
            <Button priority="secondary" onClick={() => setConfirming(false)}>
              {t.cancel}
            </Button>
          </li>
        </ul>
      ) : (
        <Button priority={props.openPriority} iconId={props.icon} onClick={() => setConfirming(true)}>
          {props.title}
        </Button>
      )}
    </section>
  );
}
