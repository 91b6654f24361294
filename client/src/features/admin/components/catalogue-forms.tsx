import Button from "@codegouvfr/react-dsfr/Button";
import Checkbox from "@codegouvfr/react-dsfr/Checkbox";
import Input from "@codegouvfr/react-dsfr/Input";
import { useId, useState, type FormEvent, type ReactNode } from "react";
import { ErrorAlert } from "../../../components/query-state";
import { useI18n } from "../../../i18n/use-i18n";
import { ApiError } from "../../../lib/api-error";

/** The field's message from a refused write, if the server named it. */
const fieldError = (error: unknown, field: string) => (error instanceof ApiError ? error.fieldError(`body.${field}`) : undefined);
const errorState = (message: string | undefined) => (message ? { state: "error" as const, stateRelatedMessage: message } : {});
/** A refusal that names no field is said above the form. */
const generalError = (error: unknown) => (!error || (error instanceof ApiError && error.problem.errors?.length) ? undefined : error);

export interface DatesValue {
  startsOn: string;
  endsOn: string;
  datesApproximate: boolean;
}

function DatesFields({ value, onChange, error }: { value: DatesValue; onChange: (value: DatesValue) => void; error: unknown }) {
  const t = useI18n().t.catalogue;
  return (
    <div className="fr-grid-row fr-grid-row--gutters">
      <div className="fr-col-12 fr-col-sm-6">
        <Input
          label={t.startsOn}
          {...errorState(fieldError(error, "startsOn"))}
          nativeInputProps={{ type: "date", required: true, value: value.startsOn, onChange: (event) => onChange({ ...value, startsOn: event.target.value }) }}
        />
      </div>
      <div className="fr-col-12 fr-col-sm-6">
        <Input
          label={t.endsOn}
          {...errorState(fieldError(error, "endsOn"))}
          nativeInputProps={{
            type: "date",
            required: true,
            min: value.startsOn || undefined,
            value: value.endsOn,
            onChange: (event) => onChange({ ...value, endsOn: event.target.value }),
          }}
        />
      </div>
      <div className="fr-col-12">
        <Checkbox
          small
          options={[
            {
              label: t.approximate,
              hintText: t.approximateHint,
              nativeInputProps: {
                checked: value.datesApproximate,
                onChange: (event) => onChange({ ...value, datesApproximate: event.target.checked }),
              },
            },
          ]}
        />
      </div>
    </div>
  );
}

function FormButtons({ submit, pending, onCancel }: { submit: string; pending: boolean; onCancel?: () => void }) {
  const t = useI18n().t.catalogue;
  return (
    <div className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm fr-mt-2w">
      <Button type="submit" size="small" disabled={pending}>
        {submit}
      </Button>
      {onCancel && (
        <Button type="button" size="small" priority="secondary" onClick={onCancel}>
          {t.cancel}
        </Button>
      )}
    </div>
  );
}

export interface PromotionValue extends DatesValue {
  key: string;
  label: string;
}

/** A promotion's name and dates; its key only when it is new (links and filters use it). */
export function PromotionForm({
  initial,
  isNew,
  submit,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  initial: PromotionValue;
  isNew: boolean;
  submit: string;
  pending: boolean;
  error: unknown;
  onSubmit: (value: PromotionValue) => void;
  onCancel?: () => void;
}) {
  const t = useI18n().t.catalogue;
  const [value, setValue] = useState(initial);
  const send = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(value);
  };
  return (
    <form onSubmit={send} noValidate>
      {generalError(error) !== undefined && <ErrorAlert error={generalError(error)} title={t.refused} />}
      <div className="fr-grid-row fr-grid-row--gutters">
        {isNew && (
          <div className="fr-col-12 fr-col-sm-6">
            <Input
              label={t.key}
              hintText={t.keyHint}
              {...errorState(fieldError(error, "key"))}
              nativeInputProps={{ value: value.key, maxLength: 20, autoComplete: "off", required: true, onChange: (event) => setValue({ ...value, key: event.target.value }) }}
            />
          </div>
        )}
        <div className={isNew ? "fr-col-12 fr-col-sm-6" : "fr-col-12"}>
          <Input
            label={t.label}
            hintText={t.labelHint}
            {...errorState(fieldError(error, "label"))}
            nativeInputProps={{ value: value.label, maxLength: 80, autoComplete: "off", required: true, onChange: (event) => setValue({ ...value, label: event.target.value }) }}
          />
        </div>
      </div>
      <DatesFields value={value} onChange={(dates) => setValue({ ...value, ...dates })} error={error} />
      <FormButtons submit={submit} pending={pending} onCancel={onCancel} />
    </form>
  );
}

export interface ChallengeValue extends DatesValue {
  title: string;
  administration: string;
  administrationWebsite: string;
  website: string;
  sourceCode: string;
  city: string;
}

/** A challenge's public fields and dates: to add one to a promotion, or to correct its record. */
export function ChallengeForm({
  initial,
  submit,
  pending,
  error,
  onSubmit,
  onCancel,
  heading,
  isNew = false,
}: {
  isNew?: boolean;
  initial: ChallengeValue;
  submit: string;
  pending: boolean;
  error: unknown;
  onSubmit: (value: ChallengeValue) => void;
  onCancel?: () => void;
  heading?: (text: string) => ReactNode;
}) {
  const t = useI18n().t.catalogue;
  const id = useId();
  const [value, setValue] = useState(initial);
  const text = (field: keyof Omit<ChallengeValue, keyof DatesValue>, label: string, options: { hint?: string; max: number; type?: string }) => (
    <Input
      label={label}
      hintText={options.hint}
      {...errorState(fieldError(error, field))}
      nativeInputProps={{
        id: `${id}-${field}`,
        type: options.type ?? "text",
        value: value[field],
        maxLength: options.max,
        autoComplete: "off",
        onChange: (event) => setValue({ ...value, [field]: event.target.value }),
      }}
    />
  );
  const send = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(value);
  };
  return (
    <form onSubmit={send} noValidate>
      {generalError(error) !== undefined && <ErrorAlert error={generalError(error)} title={t.refused} />}
      {heading?.(t.publicFields)}
      {text("title", t.title_, { hint: isNew ? t.newTitleHint : t.titleHint, max: 200 })}
      {text("administration", t.administration, { max: 300 })}
      {text("administrationWebsite", t.administrationWebsite, { hint: t.linkHint, max: 500, type: "url" })}
      {text("website", t.website, { hint: t.linkHint, max: 500, type: "url" })}
      {text("sourceCode", t.sourceCode, { hint: t.linkHint, max: 500, type: "url" })}
      {text("city", t.city, { max: 100 })}
      {heading?.(t.dates)}
      <DatesFields value={value} onChange={(dates) => setValue({ ...value, ...dates })} error={error} />
      <FormButtons submit={submit} pending={pending} onCancel={onCancel} />
    </form>
  );
}

/** What the server receives: empty optional fields are cleared. */
export const challengeBody = (value: ChallengeValue) => ({
  ...value,
  administrationWebsite: value.administrationWebsite.trim() || null,
  website: value.website.trim() || null,
  sourceCode: value.sourceCode.trim() || null,
  city: value.city.trim() || null,
});
