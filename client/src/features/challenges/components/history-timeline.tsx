import Alert from "@codegouvfr/react-dsfr/Alert";
import Badge from "@codegouvfr/react-dsfr/Badge";
import { lazy, Suspense, useState, type ReactNode } from "react";
import type { ChallengeDetail, StatusUpdate } from "@shared/challenge";
import { useI18n } from "../../../i18n/use-i18n";
import { ReviewBadge, ReviewComment } from "../../../components/review-badge";

// Only editors see it: it comes with the edit mode's chunk.
const RetractControl = lazy(() => import("./edit/retract-control"));

const Struck = ({ on, children }: { on: boolean; children: ReactNode }) => (on ? <s>{children}</s> : <>{children}</>);

/** Status history, newest first, retracted entries struck through with their reason. */
export function HistoryTimeline({ challenge, canEdit }: { challenge: ChallengeDetail; canEdit: boolean }) {
  const t = useI18n().t.challenge.history;
  const [notice, setNotice] = useState<string>();

  return (
    <section aria-labelledby="historique" className="fr-mb-6w">
      <h2 id="historique">{t.title}</h2>
      <div aria-live="polite" className="live-notice">
        {notice && <Alert small severity="success" role={undefined} description={notice} className="fr-mb-2w" />}
      </div>
      {challenge.history.length === 0 ? (
        <p>{t.empty}</p>
      ) : (
        <ol className="history-timeline" aria-label={t.list}>
          {challenge.history.map((update) => (
            <li key={update.id} id={`mise-a-jour-${update.id}`} tabIndex={-1} className="history-item">
              <HistoryEntry update={update} />
              {canEdit && !update.retraction && (
                <Suspense fallback={null}>
                  <RetractControl
                    update={update}
                    onRetracted={(message) => {
                      setNotice(message);
                      requestAnimationFrame(() => document.getElementById(`mise-a-jour-${update.id}`)?.focus());
                    }}
                  />
                </Suspense>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function HistoryEntry({ update }: { update: StatusUpdate }) {
  const { t: { challenge: { history: t }, common }, l, f } = useI18n();
  const retracted = update.retraction !== null;
  const confirmation = update.kind === "confirmation";
  return (
    <>
      <p className="history-item__head fr-mb-1v">
        <Struck on={retracted}>
          <time dateTime={update.asOf}>{f.date(update.asOf)}</time> · <strong>{l.AXIS_LABELS[update.axis]}</strong>
          {common.colon}
          {t.level} {update.level} · {l.LEVEL_LABELS[update.level]}
        </Struck>{" "}
        {confirmation && (
          <Badge as="span" small severity="info" noIcon>
            {t.stillAccurate}
          </Badge>
        )}
        {retracted && (
          <Badge as="span" small severity="warning" noIcon>
            {t.retracted}
          </Badge>
        )}
        {!retracted && <ReviewBadge validation={update.validation} />}
      </p>
      {/* A confirmation's note is the server's fixed wording, already said by its badge. */}
      {update.note && !confirmation && (
        <p className="history-item__note fr-mb-1v">
          <Struck on={retracted}>{update.note}</Struck>
        </p>
      )}
      <p className="fr-text--sm fr-mb-1v history-item__meta">
        {t.recorded(confirmation, update.authorName, f.instant(update.recordedAt))}
        {update.evidenceUrl && (
          <>
            {" · "}
            <a href={update.evidenceUrl} target="_blank" rel="noopener noreferrer">
              {t.evidence}<span className="fr-sr-only">{common.newWindow}</span>
            </a>
          </>
        )}
      </p>
      {update.retraction && (
        <p className="fr-text--sm fr-mb-1v history-item__retraction">
          {t.retraction(f.instant(update.retraction.retractedAt), update.retraction.authorName, update.retraction.reason)}
        </p>
      )}
      {!retracted && <ReviewComment validation={update.validation} />}
    </>
  );
}
