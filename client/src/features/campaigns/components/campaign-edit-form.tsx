import Button from "@codegouvfr/react-dsfr/Button";
import Checkbox from "@codegouvfr/react-dsfr/Checkbox";
import Input from "@codegouvfr/react-dsfr/Input";
import { useState, type FormEvent } from "react";
import type { CampaignDetail, CampaignEdit } from "@shared/campaign";
import { usePromotions } from "../../../api/promotions";
import type { ActionNotice } from "../../../components/action-notice";
import { ErrorAlert } from "../../../components/query-state";
import { useI18n } from "../../../i18n/use-i18n";
import { DeadlineInput } from "./deadline-input";
import { ApiError } from "../../../lib/api-error";
import { useEditCampaign } from "../api/campaign-queries";
import { ChallengePicker } from "../../../components/challenge-picker";

const FIELDS = ["name", "deadline", "addPromotions", "addChallenges"] as const;

/**
 * "Modifier" on an open campaign: rename, move the deadline, add whole promotions or
 * hand-picked challenges. Only what changed is sent; challenges are never removed (the
 * server explains why in handlers/campaign-edits.ts).
 */
export function CampaignEditForm({
  campaign,
  onDone,
  onNotice,
}: {
  campaign: CampaignDetail;
  onDone: () => void;
  onNotice: (notice: ActionNotice) => void;
}) {
  const { t: { campaigns: tc, common: { sending } }, f } = useI18n();
  const t = tc.edit;
  const promotions = usePromotions();
  const edit = useEditCampaign(campaign.id);
  const [name, setName] = useState(campaign.name);
  const [deadline, setDeadline] = useState(campaign.deadline);
  const [addPromotions, setAddPromotions] = useState<string[]>([]);
  const [addChallenges, setAddChallenges] = useState<string[]>([]);
  const inCampaign = new Set(campaign.challenges.map((c) => c.slug));
  const countIn = new Map(campaign.promotions.map((p) => [p.key, p.challengeCount]));

  const error = edit.error instanceof ApiError ? edit.error : undefined;
  const fieldError = (field: string) =>
    error?.problem.errors?.filter((e) => e.path === `body.${field}` || e.path.startsWith(`body.${field}.`)).map((e) => e.message).join(" ") ||
    undefined;
  const state = (field: string) => (fieldError(field) ? { state: "error" as const, stateRelatedMessage: fieldError(field) } : {});
  // Problems that belong to no field ("Rien à modifier", a closed campaign…) go above the form.
  const formErrors = error?.problem.errors?.filter((e) => !FIELDS.some((field) => e.path === `body.${field}` || e.path.startsWith(`body.${field}.`)));

  function submit(event: FormEvent) {
    event.preventDefault();
    const body: CampaignEdit = {
      ...(name.trim() !== campaign.name ? { name } : {}),
      ...(deadline !== campaign.deadline ? { deadline } : {}),
      ...(addPromotions.length > 0 ? { addPromotions } : {}),
      ...(addChallenges.length > 0 ? { addChallenges } : {}),
    };
    edit.mutate(body, {
      onSuccess: ({ campaign: after, emails }) => {
        const added = after.challengeCount - campaign.challengeCount;
        const details = [
          added > 0 ? t.added(f.count(added, tc.challengeCount)) : "",
          emails.queued > 0 ? t.mailed(f.count(emails.queued, tc.mentorCount)) : "",
          emails.alreadyToday > 0 ? tc.detail.alreadyToday(f.count(emails.alreadyToday, tc.mentorCount)) : "",
          added > 0 && !emails.enabled ? tc.create.mailOff : "",
        ].filter(Boolean);
        onNotice({ severity: "success", title: t.saved, description: details.length > 0 ? details.join(" ") : undefined });
        onDone();
      },
    });
  }

  const addable = (promotions.data ?? [])
    .map((promotion) => ({ ...promotion, missing: promotion.challengeCount - (countIn.get(promotion.key) ?? 0) }))
    .filter((promotion) => promotion.missing > 0);

  return (
    <form onSubmit={submit} noValidate aria-labelledby="modifier-campagne" className="campaign-form campaign-edit fr-mb-4w">
      <h2 id="modifier-campagne" className="fr-h4">
        {t.title}
      </h2>
      <p className="fr-text--sm">{t.help}</p>
      {error && (!error.problem.errors?.length || (formErrors?.length ?? 0) > 0) && (
        <ErrorAlert
          error={formErrors?.length ? new ApiError({ ...error.problem, detail: formErrors.map((e) => e.message).join(" ") }) : error}
          title={t.refused}
        />
      )}
      <Input
        label={tc.create.name}
        nativeInputProps={{ value: name, onChange: (e) => setName(e.target.value), maxLength: 200, required: true }}
        {...state("name")}
      />
      <DeadlineInput value={deadline} onChange={setDeadline} hint={t.deadlineHint} error={fieldError("deadline")} />
      {addable.length > 0 && (
        <Checkbox
          legend={t.addPromotions}
          hintText={t.addPromotionsHint}
          orientation="horizontal"
          {...state("addPromotions")}
          options={addable.map((promotion) => ({
            label: t.promotionOption(promotion.label, f.count(promotion.missing, tc.challengeCount)),
            nativeInputProps: {
              name: "addPromotions",
              value: promotion.key,
              checked: addPromotions.includes(promotion.key),
              onChange: (e) =>
                setAddPromotions((current) => (e.target.checked ? [...current, promotion.key] : current.filter((key) => key !== promotion.key))),
            },
          }))}
        />
      )}
      <ChallengePicker
        legend={tc.create.pick}
        hint={t.pickHint}
        value={addChallenges}
        onChange={setAddChallenges}
        error={fieldError("addChallenges")}
        exclude={inCampaign}
      />
      <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
        <li>
          <Button type="submit" iconId="fr-icon-save-line" disabled={edit.isPending}>
            {edit.isPending ? sending : t.submit}
          </Button>
        </li>
        <li>
          <Button type="button" priority="secondary" onClick={onDone}>
            {t.cancel}
          </Button>
        </li>
      </ul>
    </form>
  );
}
