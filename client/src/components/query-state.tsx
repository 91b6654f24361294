import Alert from "@codegouvfr/react-dsfr/Alert";
import Button from "@codegouvfr/react-dsfr/Button";
import { useLocation, useNavigate } from "react-router";
import { useLogout } from "../api/session";
import { useI18n } from "../i18n/use-i18n";
import { ApiError } from "../lib/api-error";

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
  if (error instanceof ApiError && error.needsSecondFactor) return <SecondFactorRequired />;
  const detail = error instanceof ApiError ? error.message : t.common.unexpectedError;
  return <Alert severity="error" title={title ?? t.common.loadError} description={detail} className="fr-my-3w" />;
}

/**
 * An admin whose session was opened without a second factor: the page says why it is empty
 * and offers to sign in again, then to come back here.
 */
function SecondFactorRequired() {
  const { t } = useI18n();
  const logout = useLogout();
  const navigate = useNavigate();
  const { pathname, search } = useLocation();
  const signInAgain = () =>
    logout.mutate(undefined, { onSettled: () => navigate(`/connexion?retour=${encodeURIComponent(`${pathname}${search}`)}`) });
  return (
    <Alert
      severity="warning"
      title={t.common.secondFactorRequiredTitle}
      description={
        <>
          {t.common.secondFactorRequired}
          <br />
          <Button className="fr-mt-2w" disabled={logout.isPending} onClick={signInAgain}>
            {t.common.signInAgain}
          </Button>
        </>
      }
      className="fr-my-3w"
    />
  );
}
