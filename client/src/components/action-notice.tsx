import Alert from "@codegouvfr/react-dsfr/Alert";
import type { ReactNode } from "react";

/** What an admin page says after an action: done, refused, or done with a caveat. */
export interface ActionNotice {
  severity: "success" | "warning" | "error";
  title: string;
  description?: NonNullable<ReactNode>;
}

/** The page's last action notice, announced by screen readers and closable. */
export function ActionNoticeArea({ notice, onClose }: { notice: ActionNotice | undefined; onClose: () => void }) {
  return (
    <div aria-live="polite">
      {notice && (
        <Alert severity={notice.severity} title={notice.title} description={notice.description} closable onClose={onClose} className="fr-mb-3w" />
      )}
    </div>
  );
}
