import Badge from "@codegouvfr/react-dsfr/Badge";
import Button from "@codegouvfr/react-dsfr/Button";
import Checkbox from "@codegouvfr/react-dsfr/Checkbox";
import Input from "@codegouvfr/react-dsfr/Input";
import { useState, type FormEvent } from "react";
import { Link, useLocation } from "react-router";
import type { CampaignSummary } from "@shared/campaign";
import { addDays, parisDate } from "@shared/dates";
import { usePromotions } from "../../../api/promotions";
import { ChallengePicker } from "../../../components/challenge-picker";
import { DsfrTable } from "../../../components/dsfr-table";
import { ErrorAlert, Loading } from "../../../components/query-state";
import { useI18n } from "../../../i18n/use-i18n";
import { DeadlineInput } from "./deadline-input";
import { ApiError } from "../../../lib/api-error";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { useCampaigns, useCreateCampaign } from "../api/campaign-queries";
import { CompletionBar } from "./completion-bar";
import "./campaigns.css";
import { ActionNoticeArea, type ActionNotice } from "../../../components/action-notice";


export default function CampaignsPage() {
  const { t } = useI18n();
  const tc = t.campaigns;
  useDocumentTitle(t.admin.pageTitle(tc.title));
  const campaigns = useCampaigns();
  // Back from a campaign page after deleting that campaign: say so here.
  const deleted = (useLocation().state as { deleted?: string } | null)?.deleted;
  const [notice, setNotice] = useState<ActionNotice | undefined>(() =>
    deleted ? { severity: "success", title: tc.deleted(deleted) } : undefined,
  );
  return (
    <>
      <h1>{tc.title}</h1>
      <p>{tc.intro}</p>
      <ActionNoticeArea notice={notice} onClose={() => setNotice(undefined)} />
      {campaigns.isPending && <Loading label={tc.loading} />}
      {campaigns.isError && <ErrorAlert error={campaigns.error} />}
      {campaigns.data && (campaigns.data.length === 0 ? <p>{tc.none}</p> : <CampaignsTable campaigns={campaigns.data} />)}
      <CreateCampaignForm onNotice={setNotice} />
    </>
  );
}

export function CampaignState({ campaign }: { campaign: Pick<CampaignSummary, "closedAt" | "deadline"> }) {
  const tc = useI18n().t.campaigns;
  if (campaign.closedAt) return <Badge small>{tc.closed}</Badge>;
  if (campaign.deadline < parisDate()) return <Badge small severity="warning">{tc.overdue}</Badge>;
  return <Badge small severity="info">{tc.open}</Badge>;
}

function CampaignsTable({ campaigns }: { campaigns: CampaignSummary[] }) {
  const { t: { campaigns: tc }, f } = useI18n();
  return (
    <DsfrTable caption={tc.listCaption} scrollLabel={tc.listCaption} className="fr-mb-6w">
      <thead>
        <tr>
          <th scope="col">{tc.name}</th>
          <th scope="col">{tc.deadline}</th>
          <th scope="col">{tc.challenges}</th>
          <th scope="col">{tc.answered}</th>
          <th scope="col">{tc.state}</th>
        </tr>
      </thead>
      <tbody>
        {campaigns.map((campaign) => (
          <tr key={campaign.id}>
            <th scope="row">
              <Link to={`/admin/campagnes/${campaign.id}`}>{campaign.name}</Link>
            </th>
            <td>{f.date(campaign.deadline)}</td>
            <td>{f.integer(campaign.challengeCount)}</td>
            <td>
              <CompletionBar answered={campaign.answeredCount} total={campaign.challengeCount} />
            </td>
            <td>
              <CampaignState campaign={campaign} />
            </td>
          </tr>
        ))}
      </tbody>
    </DsfrTable>
  );
}

function CreateCampaignForm({ onNotice }: { onNotice: (notice: ActionNotice) => void }) {
  const { t: { campaigns: tc, common: { sending } }, f } = useI18n();
  const promotions = usePromotions();
  const create = useCreateCampaign();
  const [name, setName] = useState("");
  const [deadline, setDeadline] = useState(addDays(parisDate(), 14));
  const [chosenPromotions, setChosenPromotions] = useState<string[]>([]);
  const [picked, setPicked] = useState<string[]>([]);
  const error = create.error instanceof ApiError ? create.error : undefined;
  const fieldError = (field: string) =>
    error?.problem.errors?.filter((e) => e.path === `body.${field}` || e.path.startsWith(`body.${field}.`)).map((e) => e.message).join(" ");
  const state = (field: string) => (fieldError(field) ? { state: "error" as const, stateRelatedMessage: fieldError(field) } : {});

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate(
      { name, deadline, promotions: chosenPromotions, challenges: picked },
      {
        onSuccess: ({ campaign, emails }) => {
          const count = f.count(campaign.challengeCount, tc.challengeCount);
          const mail = !emails.enabled ? tc.create.mailOff : emails.queued > 0 ? tc.create.mailed(f.count(emails.queued, tc.mentorCount)) : "";
          onNotice({
            severity: emails.enabled ? "success" : "warning",
            title: tc.create.opened(campaign.name, count),
            description: (
              <>
                {mail && <span>{mail} </span>}
                <Link to={`/admin/campagnes/${campaign.id}`}>{tc.create.see}</Link>
              </>
            ),
          });
          setName("");
          setChosenPromotions([]);
          setPicked([]);
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="ouvrir-campagne" className="campaign-form">
      <h2 id="ouvrir-campagne">{tc.create.title}</h2>
      {error && !error.problem.errors?.length && <ErrorAlert error={error} title={tc.create.refused} />}
      <Input
        label={tc.create.name}
        hintText={tc.create.nameHint}
        nativeInputProps={{ value: name, onChange: (e) => setName(e.target.value), maxLength: 200, required: true }}
        {...state("name")}
      />
      <DeadlineInput value={deadline} onChange={setDeadline} hint={tc.create.deadlineHint} error={fieldError("deadline")} />
      {promotions.data && (
        <Checkbox
          legend={tc.create.promotions}
          hintText={tc.create.promotionsHint}
          orientation="horizontal"
          {...state("promotions")}
          options={promotions.data.map((promotion) => ({
            label: tc.create.promotionOption(promotion.label, f.count(promotion.challengeCount, tc.challengeCount)),
            nativeInputProps: {
              name: "promotions",
              value: promotion.key,
              checked: chosenPromotions.includes(promotion.key),
              onChange: (e) =>
                setChosenPromotions((current) =>
                  e.target.checked ? [...current, promotion.key] : current.filter((key) => key !== promotion.key),
                ),
            },
          }))}
        />
      )}
      <ChallengePicker legend={tc.create.pick} hint={tc.create.pickHint} value={picked} onChange={setPicked} error={fieldError("challenges")} />
      <Button type="submit" iconId="fr-icon-mail-line" disabled={create.isPending}>
        {create.isPending ? sending : tc.create.submit}
      </Button>
    </form>
  );
}
