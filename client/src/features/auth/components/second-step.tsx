import Alert from "@codegouvfr/react-dsfr/Alert";
import Button from "@codegouvfr/react-dsfr/Button";
import Input from "@codegouvfr/react-dsfr/Input";
import { lazy, Suspense, useRef, useState, type FormEvent } from "react";
import type { SessionResponse } from "@shared/auth";
import { CopyButton } from "../../../components/copy-button";
import { useI18n } from "../../../i18n/use-i18n";
import { ApiError } from "../../../lib/api-error";
import { useEnrolmentKey, useStep } from "../api/identity";
import "./second-step.css";

// The QR code library is fetched only when an enrolment shows its key.
const TotpQrCode = lazy(() => import("./totp-qr-code"));

const errorText = (error: unknown, fallback: string) => (error instanceof ApiError ? error.message : fallback);

function CodeInput({ value, onChange, label }: { value: string; onChange: (value: string) => void; label?: string }) {
  const t = useI18n().t.account;
  return (
    <Input
      label={label ?? t.codeLabel}
      hintText={t.codeHint}
      nativeInputProps={{
        name: "code",
        autoComplete: "one-time-code",
        inputMode: "text",
        value,
        onChange: (event) => onChange(event.target.value),
        maxLength: 40,
        required: true,
      }}
    />
  );
}

/** Second step of a password login: a TOTP code or a recovery code. */
export function CodeStep({ onSession, onRestart }: { onSession: (session: SessionResponse) => void; onRestart: () => void }) {
  const t = useI18n().t.account;
  const step = useStep<{ code: string }>("/auth/login/totp");
  const [code, setCode] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    step.mutate({ code }, { onSuccess: (answer) => "user" in answer && onSession(answer) });
  };
  return (
    <form onSubmit={submit} aria-label={t.codeTitle}>
      <h2>{t.codeTitle}</h2>
      <p>{t.codeIntro}</p>
      {step.isError && <Alert severity="error" title={t.codeRefused} description={errorText(step.error, t.failed)} className="fr-mb-3w" />}
      <CodeInput value={code} onChange={setCode} />
      <Button type="submit" disabled={step.isPending}>
        {t.verify}
      </Button>
      <Button type="button" priority="tertiary" className="fr-ml-2w" onClick={onRestart}>
        {t.restart}
      </Button>
    </form>
  );
}

/** Prints the codes alone: the print style sheet shows only `.recovery-codes` while this class is on <body>. */
function printCodes(): void {
  document.body.classList.add("printing-recovery-codes");
  window.addEventListener("afterprint", () => document.body.classList.remove("printing-recovery-codes"), { once: true });
  window.print();
}

export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const t = useI18n().t.account;
  const list = useRef<HTMLUListElement>(null);
  return (
    <div>
      <h2>{t.recoveryTitle}</h2>
      <p>{t.recoveryIntro}</p>
      <ul ref={list} className="recovery-codes fr-mb-2w" style={{ fontFamily: "monospace", columns: 2 }} aria-label={t.recoveryTitle}>
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <div className="recovery-codes__actions fr-mb-3w">
        <CopyButton text={codes.join("\n")} label={t.copyCodes} source={list} />
        <Button type="button" priority="secondary" size="small" iconId="fr-icon-printer-line" iconPosition="left" onClick={printCodes}>
          {t.printCodes}
        </Button>
      </div>
      <Button onClick={onDone}>{t.recoveryDone}</Button>
    </div>
  );
}

/** The key to add to an authenticator app, then a first code to confirm it. */
export function EnrolmentForm({
  keyPath,
  onConfirm,
  pending,
  error,
  replacing = false,
}: {
  keyPath: "/auth/login/totp-enrolment" | "/account/totp";
  onConfirm: (code: string) => void;
  pending: boolean;
  error: unknown;
  /** TOTP is on: a current code (or a recovery code) is asked before the new key is shown. */
  replacing?: boolean;
}) {
  const t = useI18n().t.account;
  const key = useEnrolmentKey(keyPath);
  const [code, setCode] = useState("");
  const [currentCode, setCurrentCode] = useState("");
  if (!key.data) {
    const failure = key.isError && (
      <Alert severity="error" title={replacing ? t.codeRefused : t.failed} description={errorText(key.error, t.failed)} className="fr-mb-3w" />
    );
    if (replacing) {
      return (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            key.mutate(currentCode, { onSuccess: () => setCurrentCode("") });
          }}
          aria-label={t.replaceTitle}
        >
          <p>{t.replaceIntro}</p>
          {failure}
          <CodeInput value={currentCode} onChange={setCurrentCode} label={t.replaceCodeLabel} />
          <Button type="submit" disabled={key.isPending}>
            {t.enrolShow}
          </Button>
        </form>
      );
    }
    return (
      <>
        {failure}
        <Button onClick={() => key.mutate(undefined)} disabled={key.isPending}>
          {t.enrolShow}
        </Button>
      </>
    );
  }
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onConfirm(code);
      }}
      aria-label={t.enrolTitle}
    >
      <div className="totp-enrolment">
        <Suspense fallback={<div className="totp-qr" aria-hidden="true" />}>
          <TotpQrCode uri={key.data.uri} label={t.qrLabel} />
        </Suspense>
        <div className="totp-enrolment__text">
          <p className="fr-text--sm">{t.qrHelp}</p>
          <Input label={t.secretLabel} nativeInputProps={{ readOnly: true, value: key.data.secret, name: "secret", style: { fontFamily: "monospace" } }} />
          <p className="fr-text--sm" style={{ overflowWrap: "anywhere" }}>
            {t.uriLabel} : <a href={key.data.uri}>{key.data.uri}</a>
          </p>
        </div>
      </div>
      {Boolean(error) && <Alert severity="error" title={t.codeRefused} description={errorText(error, t.failed)} className="fr-mb-3w" />}
      <CodeInput value={code} onChange={setCode} />
      <Button type="submit" disabled={pending}>
        {replacing ? t.replaceConfirm : t.confirm}
      </Button>
    </form>
  );
}

/** An admin without TOTP, right after the password: enrol, keep the recovery codes, then the session. */
export function LoginEnrolmentStep({ onSession }: { onSession: (session: SessionResponse) => void }) {
  const t = useI18n().t.account;
  const confirm = useStep<{ code: string }>("/auth/login/totp-enrolment/confirm");
  const [codes, setCodes] = useState<{ codes: string[]; session: SessionResponse }>();
  if (codes) return <RecoveryCodes codes={codes.codes} onDone={() => onSession(codes.session)} />;
  return (
    <div>
      <h2>{t.enrolTitle}</h2>
      <p>{t.enrolIntro}</p>
      <EnrolmentForm
        keyPath="/auth/login/totp-enrolment"
        pending={confirm.isPending}
        error={confirm.error}
        onConfirm={(code) =>
          confirm.mutate(
            { code },
            {
              onSuccess: (answer) => {
                if ("recoveryCodes" in answer) setCodes({ codes: answer.recoveryCodes, session: { user: answer.user, csrfToken: answer.csrfToken } });
              },
            },
          )
        }
      />
    </div>
  );
}
