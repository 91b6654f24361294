import Alert from "@codegouvfr/react-dsfr/Alert";
import { useI18n } from "../i18n/use-i18n";
import { ApiError } from "../lib/api-client";

export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <p role="status" aria-live="polite" className="fr-py-4w">
      <span className="fr-icon-refresh-line fr-mr-1w" aria-hidden="true" />
      {label ?? t.common.loadingData}
    </p>
  );
}

/** What went wrong, in words a person can act on. */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { t } = useI18n();
  const detail = error instanceof ApiError ? error.message : t.common.unexpectedError;
  return <Alert severity="error" title={title ?? t.common.loadError} description={detail} className="fr-my-3w" />;
}
