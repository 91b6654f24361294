import Alert from "@codegouvfr/react-dsfr/Alert";
import Button from "@codegouvfr/react-dsfr/Button";
import Input from "@codegouvfr/react-dsfr/Input";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useI18n } from "../../../i18n/use-i18n";
import { ApiError } from "../../../lib/api-error";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { identityQueries, useAccountTotp } from "../api/identity";
import { EnrolmentForm, RecoveryCodes } from "./second-step";

/** « Mon compte »: the account's two-factor authentication (optional except for admins). */
export default function AccountPage() {
  const t = useI18n().t.account;
  useDocumentTitle(t.accountTitle);
  const account = useQuery(identityQueries.account());
  const { confirm, disable } = useAccountTotp();
  const [enrolling, setEnrolling] = useState(false);
  const [replacing, setReplacing] = useState(false);
  const [replaced, setReplaced] = useState(false);
  const [codes, setCodes] = useState<string[]>();
  const [disableCode, setDisableCode] = useState("");
  const data = account.data;
  return (
    <div className="fr-grid-row">
      <div className="fr-col-12 fr-col-md-8">
        <h1>{t.accountTitle}</h1>
        {data && (
          <>
            <p>
              {data.user.name} · {data.user.email}
            </p>
            <p>{t.signedInWith[data.signInMethod]}</p>
            <h2>{t.totpSection}</h2>
            {replaced && (
              <Alert severity="success" title={t.replacedTitle} description={t.replacedDetail} closable onClose={() => setReplaced(false)} className="fr-mb-3w" />
            )}
            {codes ? (
              <RecoveryCodes codes={codes} onDone={() => setCodes(undefined)} />
            ) : data.totpEnabled && replacing ? (
              <>
                <h3>{t.replaceTitle}</h3>
                <EnrolmentForm
                  keyPath="/account/totp"
                  replacing
                  pending={confirm.isPending}
                  error={confirm.error}
                  onConfirm={(code) =>
                    confirm.mutate(code, {
                      onSuccess: (answer) => {
                        setReplacing(false);
                        setReplaced(true);
                        setCodes(answer.recoveryCodes);
                      },
                    })
                  }
                />
                <Button priority="tertiary" className="fr-mt-2w" onClick={() => setReplacing(false)}>
                  {t.replaceCancel}
                </Button>
              </>
            ) : data.totpEnabled ? (
              <>
                <p>{t.totpOn(data.recoveryCodesLeft)}</p>
                {data.totpRequired && <p className="fr-text--sm">{t.totpRequired}</p>}
                {disable.isError && (
                  <Alert severity="error" title={t.codeRefused} description={disable.error instanceof ApiError ? disable.error.message : ""} className="fr-mb-3w" />
                )}
                <form
                  onSubmit={(event) => {
                    event.preventDefault();
                    disable.mutate(disableCode, { onSuccess: () => setDisableCode("") });
                  }}
                >
                  <Input label={t.disableCodeLabel} nativeInputProps={{ name: "code", autoComplete: "one-time-code", value: disableCode, onChange: (e) => setDisableCode(e.target.value) }} />
                  <Button type="submit" priority="secondary" disabled={disable.isPending}>
                    {t.disable}
                  </Button>
                </form>
                <h3 className="fr-mt-4w">{t.replaceTitle}</h3>
                <p>{t.replaceHint}</p>
                <Button priority="secondary" onClick={() => setReplacing(true)}>
                  {t.replace}
                </Button>
              </>
            ) : enrolling ? (
              <EnrolmentForm
                keyPath="/account/totp"
                pending={confirm.isPending}
                error={confirm.error}
                onConfirm={(code) =>
                  confirm.mutate(code, {
                    onSuccess: (answer) => {
                      setEnrolling(false);
                      setCodes(answer.recoveryCodes);
                    },
                  })
                }
              />
            ) : (
              <>
                <p>{t.totpOff}</p>
                {data.totpRequired && <p className="fr-text--sm">{t.totpRequired}</p>}
                <Button onClick={() => setEnrolling(true)}>{t.enable}</Button>
              </>
            )}
          </>
        )}
      </div>
    </div>
  );
}
