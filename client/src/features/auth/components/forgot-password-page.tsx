import Alert from "@codegouvfr/react-dsfr/Alert";
import Button from "@codegouvfr/react-dsfr/Button";
import Input from "@codegouvfr/react-dsfr/Input";
import { useState, type FormEvent } from "react";
import { useI18n } from "../../../i18n/use-i18n";
import { ApiError } from "../../../lib/api-error";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { useRequestReset } from "../api/identity";

export default function ForgotPasswordPage() {
  const { t } = useI18n();
  useDocumentTitle(t.account.forgotTitle);
  const request = useRequestReset();
  const [email, setEmail] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    request.mutate(email.trim());
  };
  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
        <h1>{t.account.forgotTitle}</h1>
        <p>{t.account.forgotIntro}</p>
        {request.isSuccess ? (
          <Alert severity="success" title={t.account.sent} description={t.account.sentDetail} />
        ) : (
          <form onSubmit={submit} aria-label={t.account.forgotTitle}>
            {request.isError && (
              <Alert severity="error" title={t.account.failed} description={request.error instanceof ApiError ? request.error.message : ""} className="fr-mb-3w" />
            )}
            <Input
              label={t.login.email}
              hintText={t.login.emailHint}
              nativeInputProps={{ type: "email", name: "email", autoComplete: "username", required: true, value: email, onChange: (e) => setEmail(e.target.value) }}
            />
            <Button type="submit" disabled={request.isPending}>
              {t.account.sendLink}
            </Button>
          </form>
        )}
      </div>
    </div>
  );
}
