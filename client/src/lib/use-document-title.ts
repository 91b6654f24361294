import { useEffect } from "react";
import { useI18n } from "../i18n/use-i18n";

/** Each page names itself first in the tab title, as the RGAA asks. */
export function useDocumentTitle(pageTitle: string | undefined) {
  const serviceName = useI18n().t.common.serviceName;
  useEffect(() => {
    document.title = pageTitle ? `${pageTitle} — ${serviceName}` : serviceName;
  }, [pageTitle, serviceName]);
}
