import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import type { Role } from "@shared/domain";
import { useCurrentUser } from "../api/session";
import { ErrorAlert, Loading } from "../components/query-state";
import { useI18n } from "../i18n/use-i18n";
import { useDocumentTitle } from "../lib/use-document-title";

/**
 * Shows its pages to a signed-in user (and, with `roles`, only to those roles); sends anyone
 * else to the sign-in page. The server checks the same rules on every request.
 */
export function RequireSession({ roles, children }: { roles?: readonly Role[]; children: ReactNode }) {
  const currentUser = useCurrentUser();
  const location = useLocation();
  const { t } = useI18n();
  if (currentUser.isPending) return <Loading label={t.layout.checkingSession} />;
  if (currentUser.isError) return <ErrorAlert error={currentUser.error} />;
  if (!currentUser.data) {
    const retour = `${location.pathname}${location.search}`;
    return <Navigate to={`/connexion?retour=${encodeURIComponent(retour)}`} replace />;
  }
  if (roles && !roles.includes(currentUser.data.role)) return <AccessDenied roles={roles} />;
  return children;
}

function AccessDenied({ roles }: { roles: readonly Role[] }) {
  const { t } = useI18n();
  useDocumentTitle(t.layout.restrictedTitle);
  return (
    <>
      <h1>{t.layout.restrictedTitle}</h1>
      <p>{t.layout.restrictedText(roles.includes("mentor"))}</p>
    </>
  );
}
