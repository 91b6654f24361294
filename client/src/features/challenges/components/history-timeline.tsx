import Alert from "@codegouvfr/react-dsfr/Alert";
import Badge from "@codegouvfr/react-dsfr/Badge";
import { lazy, Suspense, useState, type ReactNode } from "react";
import type { ChallengeDetail, StatusUpdate } from "@shared/challenge";
import { AXIS_LABELS, LEVEL_LABELS } from "@shared/labels-fr";
import { formatDate, formatInstant } from "../../../lib/format";

// Only editors see it: it comes with the edit mode's chunk.
const RetractControl = lazy(() => import("./edit/retract-control"));

const Struck = ({ on, children }: { on: boolean; children: ReactNode }) => (on ? <s>{children}</s> : <>{children}</>);

/** Status history, newest first, retracted entries struck through with their reason. */
export function HistoryTimeline({ challenge, canEdit }: { challenge: ChallengeDetail; canEdit: boolean }) {
  const [notice, setNotice] = useState<string>();

  return (
    <section aria-labelledby="historique" className="fr-mb-6w">
      <h2 id="historique">Historique des statuts</h2>
      <div aria-live="polite" className="live-notice">
        {notice && <Alert small severity="success" role={undefined} description={notice} className="fr-mb-2w" />}
      </div>
      {challenge.history.length === 0 ? (
        <p>Aucune mise à jour de statut n'a encore été enregistrée pour ce défi.</p>
      ) : (
        <ol className="history-timeline" aria-label="Mises à jour, de la plus récente à la plus ancienne">
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
  const retracted = update.retraction !== null;
  const confirmation = update.kind === "confirmation";
  return (
    <>
      <p className="history-item__head fr-mb-1v">
        <Struck on={retracted}>
          <time dateTime={update.asOf}>{formatDate(update.asOf)}</time> · <strong>{AXIS_LABELS[update.axis]}</strong> : niveau{" "}
          {update.level} · {LEVEL_LABELS[update.level]}
        </Struck>{" "}
        {confirmation && (
          <Badge as="span" small severity="info" noIcon>
            Toujours exact
          </Badge>
        )}
        {retracted && (
          <Badge as="span" small severity="warning" noIcon>
            Retirée
          </Badge>
        )}
      </p>
      {/* A confirmation's note is the server's fixed wording, already said by its badge. */}
      {update.note && !confirmation && (
        <p className="history-item__note fr-mb-1v">
          <Struck on={retracted}>{update.note}</Struck>
        </p>
      )}
      <p className="fr-text--sm fr-mb-1v history-item__meta">
        {confirmation ? "Confirmé" : "Enregistré"} par {update.authorName}, le {formatInstant(update.recordedAt)}
        {update.evidenceUrl && (
          <>
            {" · "}
            <a href={update.evidenceUrl} target="_blank" rel="noopener noreferrer">
              Justificatif<span className="fr-sr-only"> (nouvelle fenêtre)</span>
            </a>
          </>
        )}
      </p>
      {update.retraction && (
        <p className="fr-text--sm fr-mb-1v history-item__retraction">
          Retirée le {formatInstant(update.retraction.retractedAt)} par {update.retraction.authorName} : {update.retraction.reason}
        </p>
      )}
    </>
  );
}
