import Badge from "@codegouvfr/react-dsfr/Badge";
import { parisDate } from "@shared/dates";
import { formatDate } from "../lib/format";

/** "dernier signalement le 3 mars 2025" (the day in Paris), or "jamais renseigné". */
export function lastReportText(lastReportAt: string | null): string {
  return lastReportAt === null ? "jamais renseigné" : `dernier signalement le ${formatDate(parisDate(new Date(lastReportAt)))}`;
}

/** "À actualiser" when nothing was reported for 90 days (or ever), else "À jour"; with since when. */
export function StalenessBadge({ stale, lastReportAt }: { stale: boolean; lastReportAt: string | null }) {
  return (
    <span className="staleness">
      {stale ? (
        <Badge as="span" severity="warning" small>
          À actualiser
        </Badge>
      ) : (
        <Badge as="span" severity="success" small>
          À jour
        </Badge>
      )}{" "}
      <span className="fr-text--sm">{lastReportText(lastReportAt)}</span>
    </span>
  );
}
