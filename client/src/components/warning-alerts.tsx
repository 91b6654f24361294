import Alert from "@codegouvfr/react-dsfr/Alert";
import type { Warning } from "@shared/writes";
import { useI18n } from "../i18n/use-i18n";

/** The server's coherence warnings: they do not block anything, so they are not announced as alerts. */
export function WarningAlerts({ warnings, className }: { warnings: Warning[]; className?: string }) {
  const { t } = useI18n();
  if (warnings.length === 0) return null;
  return (
    <div className={className}>
      {warnings.map((warning) => (
        <Alert
          key={warning.code}
          small
          severity="warning"
          role={undefined}
          description={
            <>
              <span className="fr-sr-only">{t.common.warningPrefix}</span>
              {t.common.warning(warning.code, warning.message)}
            </>
          }
          className="fr-mb-1w"
        />
      ))}
    </div>
  );
}
