import { Link } from "react-router";
import { useI18n } from "../i18n/use-i18n";
import { useDocumentTitle } from "../lib/use-document-title";

export default function NotFoundPage() {
  const { t } = useI18n();
  useDocumentTitle(t.layout.notFoundTitle);
  return (
    <>
      <h1>{t.layout.notFoundTitle}</h1>
      <p>{t.layout.notFoundText}</p>
      <p>
        <Link to="/">{t.layout.backToDashboard}</Link>
      </p>
    </>
  );
}
