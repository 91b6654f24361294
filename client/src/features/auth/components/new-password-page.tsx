import Alert from "@codegouvfr/react-dsfr/Alert";
import Button from "@codegouvfr/react-dsfr/Button";
import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useLocation } from "react-router";
import { useI18n } from "../../../i18n/use-i18n";
import { ApiError } from "../../../lib/api-error";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { identityQueries, tokenFromHash, useCompleteReset } from "../api/identity";
import { newPasswordProblem, PasswordFields } from "./password-fields";

export const linkProblem = (error: unknown) => (error instanceof ApiError ? error.message : "");
/** The server's reason for refusing the password itself (too common, the email…), shown under the field. */
export const passwordRefusal = (error: unknown) => (error instanceof ApiError ? error.fieldError("body.password") : undefined);

export default function NewPasswordPage() {
  const { t } = useI18n();
  useDocumentTitle(t.account.newPasswordTitle);
  const token = tokenFromHash(useLocation().hash);
  const check = useQuery(identityQueries.reset(token));
  const complete = useCompleteReset();
  const [password, setPassword] = useState("");
  const [confirmation, setConfirmation] = useState("");
  const [problem, setProblem] = useState<string>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = newPasswordProblem(password, confirmation, t.account);
    setProblem(found);
    if (!found) complete.mutate({ token, password });
  };
  const refusedPassword = passwordRefusal(complete.error);
  const refused = check.error ?? (refusedPassword ? undefined : complete.error);
  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
        <h1>{t.account.newPasswordTitle}</h1>
        {check.isPending && <p>{t.account.checking}</p>}
        {refused && <Alert severity="error" title={t.account.linkRefused} description={linkProblem(refused)} className="fr-mb-3w" />}
        {complete.isSuccess ? (
          <>
            <Alert severity="success" title={t.account.passwordChanged} description={t.account.passwordChangedDetail} className="fr-mb-3w" />
            <Link to="/connexion" className="fr-btn">
              {t.account.toLogin}
            </Link>
          </>
        ) : (
          check.data && (
            <form onSubmit={submit} aria-label={t.account.newPasswordTitle}>
              <p>{check.data.email}</p>
              <PasswordFields password={password} confirmation={confirmation} onPassword={setPassword} onConfirmation={setConfirmation} problem={problem ?? refusedPassword} />
              <Button type="submit" className="fr-mt-2w" disabled={complete.isPending}>
                {t.account.save}
              </Button>
            </form>
          )
        )}
      </div>
    </div>
  );
}
