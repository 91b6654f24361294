import Alert from "@codegouvfr/react-dsfr/Alert";
import Button from "@codegouvfr/react-dsfr/Button";
import Input from "@codegouvfr/react-dsfr/Input";
import PasswordInput from "@codegouvfr/react-dsfr/blocks/PasswordInput";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Navigate, useSearchParams } from "react-router";
import { useCurrentUser, useLogin } from "../../../api/session";
import { ApiError } from "../../../lib/api-client";
import { useDocumentTitle } from "../../../lib/use-document-title";

/** Where to go after signing in: only a path of this site, never another origin. */
function safeReturnPath(value: string | null): string {
  return value && value.startsWith("/") && !value.startsWith("//") ? value : "/";
}

function loginErrorMessage(error: unknown): { title: string; description: string } {
  if (error instanceof ApiError && error.status === 401) {
    return { title: "Connexion impossible", description: "Adresse électronique ou mot de passe incorrect." };
  }
  if (error instanceof ApiError && error.status === 429) {
    return { title: "Trop de tentatives", description: error.message };
  }
  if (error instanceof ApiError && error.status === 400) {
    return { title: "Connexion impossible", description: "Saisissez votre adresse électronique et votre mot de passe." };
  }
  return {
    title: "Connexion impossible",
    description: error instanceof ApiError ? error.message : "Une erreur inattendue est survenue. Réessayez.",
  };
}

export default function LoginPage() {
  useDocumentTitle("Connexion");
  const [params] = useSearchParams();
  const returnPath = safeReturnPath(params.get("retour"));
  const currentUser = useCurrentUser();
  const login = useLogin();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [missing, setMissing] = useState<{ email?: boolean; password?: boolean }>({});
  const alertRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (login.isError) alertRef.current?.focus();
  }, [login.isError, login.failureCount]);

  if (currentUser.data) return <Navigate to={returnPath} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const nowMissing = { email: email.trim() === "", password: password === "" };
    setMissing(nowMissing);
    if (nowMissing.email || nowMissing.password) return;
    login.mutate({ email: email.trim(), password });
  };

  const error = login.isError ? loginErrorMessage(login.error) : undefined;

  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
        <h1>Connexion</h1>
        <p>Connectez-vous avec le compte que l'équipe du programme vous a ouvert.</p>
        {error && (
          <div ref={alertRef} tabIndex={-1}>
            <Alert severity="error" title={error.title} description={error.description} className="fr-mb-3w" />
          </div>
        )}
        <form onSubmit={submit} noValidate aria-label="Connexion">
          <Input
            label="Adresse électronique"
            hintText="Format attendu : nom@domaine.fr"
            state={missing.email ? "error" : "default"}
            stateRelatedMessage="Saisissez votre adresse électronique."
            nativeInputProps={{
              type: "email",
              name: "email",
              autoComplete: "username",
              value: email,
              onChange: (event) => setEmail(event.target.value),
            }}
          />
          <PasswordInput
            label="Mot de passe"
            messages={missing.password ? [{ severity: "error", message: "Saisissez votre mot de passe." }] : []}
            nativeInputProps={{
              name: "password",
              autoComplete: "current-password",
              value: password,
              onChange: (event) => setPassword(event.target.value),
            }}
          />
          <Button type="submit" className="fr-mt-3w" disabled={login.isPending}>
            {login.isPending ? "Connexion…" : "Se connecter"}
          </Button>
        </form>
        <p className="fr-text--sm fr-mt-4w">
          Mot de passe oublié ou pas encore de compte ? Adressez-vous à l'équipe du programme EIG, qui peut le
          réinitialiser.
        </p>
      </div>
    </div>
  );
}
