import Input from "@codegouvfr/react-dsfr/Input";
import { MAX_CAMPAIGN_DAYS } from "@shared/campaign";
import { addDays, parisDate } from "@shared/dates";
import { useI18n } from "../../../i18n/use-i18n";

/** A campaign's deadline, for opening and editing alike: from today (Paris) to the longest campaign allowed. */
export function DeadlineInput({
  value,
  onChange,
  hint,
  error,
}: {
  value: string;
  onChange: (deadline: string) => void;
  hint: string;
  /** The server's refusal for this field. */
  error?: string;
}) {
  const t = useI18n().t.campaigns.create;
  return (
    <Input
      label={t.deadline}
      hintText={hint}
      nativeInputProps={{
        type: "date",
        value,
        min: parisDate(),
        max: addDays(parisDate(), MAX_CAMPAIGN_DAYS),
        onChange: (e) => onChange(e.target.value),
        required: true,
      }}
      {...(error ? { state: "error" as const, stateRelatedMessage: error } : {})}
    />
  );
}
