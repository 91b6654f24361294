import Alert from "@codegouvfr/react-dsfr/Alert";
import Button from "@codegouvfr/react-dsfr/Button";
import ProConnectButton from "@codegouvfr/react-dsfr/ProConnectButton";
import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Navigate, useLocation } from "react-router";
import { homePathFor, type SessionResponse } from "@shared/auth";
import { useI18n } from "../../../i18n/use-i18n";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { identityQueries, tokenFromHash, useSessionOpened, useStep } from "../api/identity";
import { linkProblem, passwordRefusal } from "./new-password-page";
import { newPasswordProblem, PasswordFields } from "./password-fields";
import { LoginEnrolmentStep } from "./second-step";

/** The page an invitation email links to: choose a password, or sign in with ProConnect when the server offers it. */
export default function InvitationPage() {
  const { t } = useI18n();
  useDocumentTitle(t.account.invitationTitle);
  const token = tokenFromHash(useLocation().hash);
  const check = useQuery(identityQueries.invitation(token));
  const providers = useQuery(identityQueries.providers());
  const accept = useStep<{ token: string; password: string }>("/invitations/accept");
  const sessionOpened = useSessionOpened();
  const [password, setPassword] = useState("");
  const [confirmation, setConfirmation] = useState("");
  const [problem, setProblem] = useState<string>();
  const [home, setHome] = useState<string>();
  const [enrol, setEnrol] = useState(false);
  const onSession = (session: SessionResponse) => {
    sessionOpened(session);
    setHome(homePathFor(session.user.role));
  };
  if (home) return <Navigate to={home} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = newPasswordProblem(password, confirmation, t.account);
    setProblem(found);
    if (!found) {
      accept.mutate(
        { token, password },
        { onSuccess: (answer) => ("user" in answer ? onSession({ user: answer.user, csrfToken: answer.csrfToken }) : setEnrol(true)) },
      );
    }
  };
  const refusedPassword = passwordRefusal(accept.error);
  const refused = check.error ?? (refusedPassword ? undefined : accept.error);
  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
        <h1>{t.account.invitationTitle}</h1>
        {check.isPending && <p>{t.account.checking}</p>}
        {refused && <Alert severity="error" title={t.account.linkRefused} description={linkProblem(refused)} className="fr-mb-3w" />}
        {enrol ? (
          <LoginEnrolmentStep onSession={onSession} />
        ) : (
          check.data && (
            <>
              <p>{t.account.invitationIntro(check.data.name, check.data.email, providers.data?.proConnect === true)}</p>
              {providers.data?.proConnect && (
                <div className="fr-mb-3w">
                  <ProConnectButton url="/api/auth/oidc/login" />
                  <p className="fr-hr-or fr-mt-2w">{t.account.proConnectOr}</p>
                </div>
              )}
              <form onSubmit={submit} aria-label={t.account.invitationTitle}>
                <PasswordFields password={password} confirmation={confirmation} onPassword={setPassword} onConfirmation={setConfirmation} problem={problem ?? refusedPassword} />
                <Button type="submit" className="fr-mt-2w" disabled={accept.isPending}>
                  {t.account.activate}
                </Button>
              </form>
            </>
          )
        )}
      </div>
    </div>
  );
}
