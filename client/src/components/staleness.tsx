import Badge from "@codegouvfr/react-dsfr/Badge";
import { parisDate } from "@shared/dates";
import { useI18n, type I18n } from "../i18n/use-i18n";

/** "dernier signalement le 3 mars 2025" (the day in Paris), or "jamais renseigné". */
function lastReportText({ t, f }: I18n, lastReportAt: string | null): string {
  return lastReportAt === null
    ? t.common.staleness.never
    : t.common.staleness.lastReport(f.date(parisDate(new Date(lastReportAt))));
}

/** "À actualiser" when nothing was reported for 90 days (or ever), else "À jour"; with since when. */
export function StalenessBadge({ stale, lastReportAt }: { stale: boolean; lastReportAt: string | null }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <span className="staleness">
      {stale ? (
        <Badge as="span" severity="warning" small>
          {t.common.staleness.stale}
        </Badge>
      ) : (
        <Badge as="span" severity="success" small>
          {t.common.staleness.upToDate}
        </Badge>
      )}{" "}
      <span className="fr-text--sm">{lastReportText(i18n, lastReportAt)}</span>
    </span>
  );
}
