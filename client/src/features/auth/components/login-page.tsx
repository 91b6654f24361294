import Alert from "@codegouvfr/react-dsfr/Alert";
import Button from "@codegouvfr/react-dsfr/Button";
import Input from "@codegouvfr/react-dsfr/Input";
import PasswordInput from "@codegouvfr/react-dsfr/blocks/PasswordInput";
import ProConnectButton from "@codegouvfr/react-dsfr/ProConnectButton";
import { useQuery } from "@tanstack/react-query";
import type { SessionResponse } from "@shared/auth";
import { identityQueries, useSessionOpened } from "../api/identity";
import { CodeStep, LoginEnrolmentStep } from "./second-step";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Link, Navigate, useSearchParams } from "react-router";
import { useCurrentUser, useLogin } from "../../../api/session";
import { useI18n } from "../../../i18n/use-i18n";
import type { Messages } from "../../../i18n/messages";
import { ApiError } from "../../../lib/api-error";
import { safeReturnPath } from "../../../lib/return-path";
import { homePathFor } from "@shared/auth";
import { useDocumentTitle } from "../../../lib/use-document-title";

function loginErrorMessage(t: Messages["login"], error: unknown): { title: string; description: string } {
  if (error instanceof ApiError && error.status === 401) {
    return { title: t.failed, description: t.badCredentials };
  }
  if (error instanceof ApiError && error.status === 429) {
    return { title: t.tooMany, description: error.message };
  }
  if (error instanceof ApiError && error.status === 400) {
    return { title: t.failed, description: t.missingBoth };
  }
  return {
    title: t.failed,
    description: error instanceof ApiError ? error.message : t.unexpected,
  };
}

/** `?etape=` of the redirect that ends a ProConnect sign-in needing the local second factor. */
const SECOND_STEPS = new Map<string, "totp" | "totp-enrolment">([
  ["code", "totp"],
  ["enrolement", "totp-enrolment"],
]);

export default function LoginPage() {
  const t = useI18n().t.login;
  useDocumentTitle(t.title);
  const [params, setParams] = useSearchParams();
  // A page asked for (`?retour=`) wins; otherwise each role's home (« Mes défis » for a mentor).
  const askedPath = params.get("retour");
  const currentUser = useCurrentUser();
  const login = useLogin();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [missing, setMissing] = useState<{ email?: boolean; password?: boolean }>({});
  const alertRef = useRef<HTMLDivElement>(null);
  const ta = useI18n().t.account;
  const providers = useQuery(identityQueries.providers());
  const sessionOpened = useSessionOpened();
  // Back from ProConnect as an admin whose provider proved one factor: the code step at once.
  const [next, setNext] = useState<"totp" | "totp-enrolment" | undefined>(() => SECOND_STEPS.get(params.get("etape") ?? ""));
  const afterProConnect = next !== undefined && params.has("etape");
  const proConnectFailure = params.get("proconnect");

  useEffect(() => {
    if (login.isError) alertRef.current?.focus();
  }, [login.isError, login.failureCount]);

  if (currentUser.data) return <Navigate to={askedPath ? safeReturnPath(askedPath) : homePathFor(currentUser.data.role)} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const nowMissing = { email: email.trim() === "", password: password === "" };
    setMissing(nowMissing);
    if (nowMissing.email || nowMissing.password) return;
    login.mutate({ email: email.trim(), password }, { onSuccess: (answer) => "next" in answer && setNext(answer.next) });
  };
  const onSession = (session: SessionResponse) => sessionOpened(session);
  const restart = () => {
    setNext(undefined);
    if (afterProConnect) {
      const rest = new URLSearchParams(params);
      rest.delete("etape");
      setParams(rest, { replace: true });
    }
    setPassword("");
    login.reset();
  };

  if (next) {
    return (
      <div className="fr-grid-row fr-grid-row--center">
        <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
          <h1>{t.title}</h1>
          {afterProConnect && (
            <Alert severity="info" small description={next === "totp" ? ta.proConnectSecondStep : ta.proConnectEnrolStep} className="fr-mb-3w" />
          )}
          {next === "totp" ? <CodeStep onSession={onSession} onRestart={restart} /> : <LoginEnrolmentStep onSession={onSession} />}
        </div>
      </div>
    );
  }

  const error = login.isError ? loginErrorMessage(t, login.error) : undefined;

  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
        <h1>{t.title}</h1>
        <p>{t.intro}</p>
        {proConnectFailure && (
          <Alert
            severity="error"
            title={ta.proConnectFailed}
            description={Object.hasOwn(ta.proConnect, proConnectFailure) ? ta.proConnect[proConnectFailure] : ta.proConnect.refus}
            className="fr-mb-3w"
          />
        )}
        {providers.data?.proConnect && (
          <div className="fr-mb-3w">
            <ProConnectButton url="/api/auth/oidc/login" />
            <p className="fr-hr-or fr-mt-2w">{ta.proConnectOr}</p>
          </div>
        )}
        {error && (
          <div ref={alertRef} tabIndex={-1}>
            <Alert severity="error" title={error.title} description={error.description} className="fr-mb-3w" />
          </div>
        )}
        <form onSubmit={submit} noValidate aria-label={t.title}>
          <Input
            label={t.email}
            hintText={t.emailHint}
            state={missing.email ? "error" : "default"}
            stateRelatedMessage={t.emailMissing}
            nativeInputProps={{
              type: "email",
              name: "email",
              autoComplete: "username",
              value: email,
              onChange: (event) => setEmail(event.target.value),
            }}
          />
          <PasswordInput
            label={t.password}
            messages={missing.password ? [{ severity: "error", message: t.passwordMissing }] : []}
            nativeInputProps={{
              name: "password",
              autoComplete: "current-password",
              value: password,
              onChange: (event) => setPassword(event.target.value),
            }}
          />
          <Button type="submit" className="fr-mt-3w" disabled={login.isPending}>
            {login.isPending ? t.submitting : t.submit}
          </Button>
        </form>
        <p className="fr-mt-3w">
          <Link to="/mot-de-passe-oublie" className="fr-link">
            {ta.forgotPassword}
          </Link>
        </p>
        <p className="fr-text--sm fr-mt-4w">{t.forgotten}</p>
      </div>
    </div>
  );
}
