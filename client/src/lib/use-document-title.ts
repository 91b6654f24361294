import { useEffect } from "react";

const serviceName = "Suivi de pérennisation des défis EIG";

/** Each page names itself first in the tab title, as the RGAA asks. */
export function useDocumentTitle(pageTitle: string | undefined) {
  useEffect(() => {
    document.title = pageTitle ? `${pageTitle} — ${serviceName}` : serviceName;
  }, [pageTitle]);
}
