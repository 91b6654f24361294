import Button from "@codegouvfr/react-dsfr/Button";
import Input from "@codegouvfr/react-dsfr/Input";
import { useId, useRef, useState, type FormEvent } from "react";
import type { StatusUpdate } from "@shared/challenge";
import { AXIS_LABELS } from "@shared/labels-fr";
import { formatDate } from "../../../../lib/format";
import { useRetractStatus } from "../../api/status-writes";
import { fieldState, focusFirstProblem, focusSoon, FormProblem } from "./form-kit";

/** "Retirer": a mistaken update stops counting but stays in history, struck through with its reason. */
export default function RetractControl({ update, onRetracted }: { update: StatusUpdate; onRetracted: (message: string) => void }) {
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const retract = useRetractStatus();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const what = `la mise à jour du ${formatDate(update.asOf)} (${AXIS_LABELS[update.axis]})`;

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
        Retirer<span className="fr-sr-only"> {what}</span>
      </Button>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    retract.mutate(
      { id: update.id, reason },
      {
        onSuccess: () =>
          onRetracted(`${what.charAt(0).toUpperCase()}${what.slice(1)} est retirée : elle ne compte plus, mais reste dans l'historique.`),
        onError: () => focusFirstProblem(formRef.current),
      },
    );
  };

  return (
    <form ref={formRef} noValidate onSubmit={submit} aria-label={`Retirer ${what}`} className="retract-form">
      <Input
        textArea
        label="Motif du retrait"
        hintText="Obligatoire. La mise à jour restera visible, barrée, avec ce motif."
        {...fieldState(retract.error, "reason")}
        nativeTextAreaProps={{ value: reason, maxLength: 2000, rows: 2, onChange: (event) => setReason(event.target.value) }}
      />
      <FormProblem error={retract.error} fields={["reason"]} title="Le retrait a échoué" />
      <div className="button-row">
        <Button type="submit" size="small" disabled={retract.isPending}>
          Confirmer le retrait
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
          Annuler
        </Button>
      </div>
    </form>
  );
}
