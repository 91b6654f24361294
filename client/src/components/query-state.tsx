import Alert from "@codegouvfr/react-dsfr/Alert";
import { ApiError } from "../lib/api-client";

export function Loading({ label = "Chargement des données…" }: { label?: string }) {
  return (
    <p role="status" aria-live="polite" className="fr-py-4w">
      <span className="fr-icon-refresh-line fr-mr-1w" aria-hidden="true" />
      {label}
    </p>
  );
}

/** What went wrong, in words a person can act on. */
export function ErrorAlert({ error, title = "Les données n'ont pas pu être chargées" }: { error: unknown; title?: string }) {
  const detail =
    error instanceof ApiError
      ? error.message
      : "Une erreur inattendue est survenue. Rechargez la page ; si le problème persiste, contactez l'équipe du programme.";
  return <Alert severity="error" title={title} description={detail} className="fr-my-3w" />;
}
