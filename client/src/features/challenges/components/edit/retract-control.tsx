import Button from "@codegouvfr/react-dsfr/Button";
import { useId, useRef, useState, type FormEvent } from "react";
import type { StatusUpdate } from "@shared/challenge";
import { NOTE_MAX } from "@shared/writes";
import { CountedTextArea } from "../../../../components/counted-text-area";
import { useI18n } from "../../../../i18n/use-i18n";
import { useRetractStatus } from "../../api/status-writes";
import { fieldState, focusFirstProblem, focusSoon, FormProblem } from "./form-kit";

/** "Retirer": a mistaken update stops counting but stays in history, struck through with its reason. */
export default function RetractControl({ update, onRetracted }: { update: StatusUpdate; onRetracted: (message: string) => void }) {
  const { t: { edit: { retract: t, form }, common: { sending } }, l, f } = useI18n();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const retract = useRetractStatus();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const what = t.what(f.date(update.asOf), l.AXIS_LABELS[update.axis]);

  if (!open) {
    return (
      <Button
        id={`${id}-retirer`}
        size="small"
        priority="tertiary"
        iconId="fr-icon-arrow-go-back-line"
        onClick={() => {
          setOpen(true);
          focusSoon(() => formRef.current?.querySelector("textarea"));
        }}
      >
        {t.button}<span className="fr-sr-only"> {what}</span>
      </Button>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    retract.mutate(
      { id: update.id, reason },
      {
        onSuccess: () =>
          onRetracted(t.done(what)),
        onError: () => focusFirstProblem(formRef.current),
      },
    );
  };

  return (
    <form ref={formRef} noValidate onSubmit={submit} aria-label={t.form(what)} className="retract-form">
      <CountedTextArea
        label={t.reason}
        hintText={t.reasonHint}
        max={NOTE_MAX}
        rows={2}
        {...fieldState(retract.error, "reason")}
        value={reason}
        onChange={setReason}
      />
      <FormProblem error={retract.error} fields={["reason"]} title={t.failed} />
      <div className="button-row">
        <Button type="submit" size="small" disabled={retract.isPending}>
          {retract.isPending ? sending : t.confirm}
        </Button>
        <Button
          type="button"
          size="small"
          priority="secondary"
          onClick={() => {
            setOpen(false);
            retract.reset();
            focusSoon(() => document.getElementById(`${id}-retirer`));
          }}
        >
          {form.cancel}
        </Button>
      </div>
    </form>
  );
}
