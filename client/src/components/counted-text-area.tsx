import Input from "@codegouvfr/react-dsfr/Input";
import { useId, type ReactNode } from "react";
import { useI18n } from "../i18n/use-i18n";

/** From this share of the limit on, screen readers hear the count (politely): not at every key before. */
const ANNOUNCE_FROM = 0.9;

/**
 * A DSFR text area with a live character counter under it (« 1 850 / 2 000 caractères »). No
 * `maxLength`: the browser would cut a pasted text without a word; an over-long text is refused
 * instead, by the shared schema (client and server), and the counter turns to the error style.
 */
export function CountedTextArea({
  label,
  hintText,
  max,
  value,
  onChange,
  rows = 3,
  state,
  stateRelatedMessage,
  className,
}: {
  label: ReactNode;
  hintText?: ReactNode;
  max: number;
  value: string;
  onChange: (value: string) => void;
  rows?: number;
  state?: "error";
  stateRelatedMessage?: string;
  className?: string;
}) {
  const { t, f } = useI18n();
  const id = useId();
  // Counted as the server counts: after trimming.
  const count = value.trim().length;
  const over = count > max;
  const counter = t.edit.form.characters(f.integer(count), f.integer(max));
  const tooLong = over ? t.edit.form.tooLong(f.integer(max)) : undefined;
  return (
    <div className={className}>
      <Input
        textArea
        className="fr-mb-1v"
        label={label}
        hintText={hintText}
        state={state ?? (over ? "error" : undefined)}
        stateRelatedMessage={stateRelatedMessage ?? tooLong}
        nativeTextAreaProps={{
          value,
          rows,
          "aria-describedby": `${id}-compteur`,
          onChange: (event) => onChange(event.target.value),
        }}
      />
      <p id={`${id}-compteur`} className={`fr-hint-text fr-mb-3w${over ? " fr-error-text" : ""}`} data-counter>
        {counter}
      </p>
      <p className="fr-sr-only" aria-live="polite">
        {count >= max * ANNOUNCE_FROM ? counter : ""}
      </p>
    </div>
  );
}
