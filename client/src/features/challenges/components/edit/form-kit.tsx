import Alert from "@codegouvfr/react-dsfr/Alert";
import { useI18n } from "../../../../i18n/use-i18n";
import { ApiError } from "../../../../lib/api-error";

// The plan editors' fields have no `maxLength`: the browser would cut a pasted text without a
// word. The shared schemas refuse an over-long one instead, under the field, before any request.

/** The DSFR error state of one field, from the server's (or the shared schema's) `body.<field>` message. */
export function fieldState(error: unknown, field: string): { state?: "error"; stateRelatedMessage?: string } {
  const message = error instanceof ApiError ? error.fieldError(`body.${field}`) : undefined;
  return message ? { state: "error", stateRelatedMessage: message } : {};
}

/**
 * What a refused write says beyond its fields: the problem's detail, and any field error that
 * no field of the form shows (so that nothing is lost).
 */
export function FormProblem({ error, fields, title }: { error: unknown; fields: string[]; title?: string }) {
  const t = useI18n().t.edit.form;
  if (!error) return null;
  if (!(error instanceof ApiError)) {
    return <Alert small severity="error" description={t.unexpected} className="fr-mb-2w" />;
  }
  const shown = new Set(fields.map((field) => `body.${field}`));
  const fieldErrors = error.problem.errors ?? [];
  const unshown = fieldErrors.filter((fieldError) => !shown.has(fieldError.path));
  if (fieldErrors.length > 0 && unshown.length === 0) {
    return <Alert small severity="error" description={t.fixFields} className="fr-mb-2w" />;
  }
  return (
    <Alert
      severity="error"
      title={title ?? t.saveFailed}
      description={
        unshown.length > 0 ? (
          <ul className="fr-mb-0">
            {unshown.map((fieldError) => (
              <li key={fieldError.path + fieldError.message}>{fieldError.message}</li>
            ))}
          </ul>
        ) : (
          error.message
        )
      }
      className="fr-mb-2w"
    />
  );
}

/** A polite live region, present before its message so that screen readers announce it. */
export function LiveNotice({ message }: { message: string | undefined }) {
  return (
    <div aria-live="polite" className="live-notice">
      {message && <Alert small severity="success" role={undefined} description={message} className="fr-mt-2w" />}
    </div>
  );
}

/** Moves focus once React has drawn the next state: the element may take a few frames to exist. */
export function focusSoon(find: () => HTMLElement | null | undefined, frames = 10) {
  requestAnimationFrame(() => {
    const element = find();
    if (element) element.focus();
    else if (frames > 1) focusSoon(find, frames - 1);
  });
}

/** After a refusal: to the first field in error (the form's alert is announced on its own). */
export function focusFirstProblem(container: HTMLElement | null) {
  focusSoon(
    () =>
      container?.querySelector<HTMLElement>(
        ".fr-input-group--error input, .fr-input-group--error textarea, .fr-fieldset--error input, .fr-select-group--error select",
      ),
  );
}

/** "" when the input is empty: the schemas take `undefined` for "not given". */
export const orUndefined = (value: string) => (value.trim() === "" ? undefined : value);
export const orNull = (value: string) => (value.trim() === "" ? null : value);
