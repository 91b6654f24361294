import { Link } from "react-router";
import { useDocumentTitle } from "../lib/use-document-title";

export default function NotFoundPage() {
  useDocumentTitle("Page introuvable");
  return (
    <>
      <h1>Page introuvable</h1>
      <p>L'adresse demandée ne correspond à aucune page de ce service.</p>
      <p>
        <Link to="/">Revenir au tableau de bord</Link>
      </p>
    </>
  );
}
