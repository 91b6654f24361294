import Alert from "@codegouvfr/react-dsfr/Alert";
import Button from "@codegouvfr/react-dsfr/Button";
import { Link } from "react-router";
import type { MyChallenge } from "@shared/challenge";
import { AXES } from "@shared/domain";
import { AXIS_LABELS, OUTCOME_LABELS } from "@shared/labels-fr";
import { useMyChallenges } from "../../../api/challenges";
import { usePromotions } from "../../../api/promotions";
import { useCurrentUser } from "../../../api/session";
import { LevelBadge } from "../../../components/level-badge";
import { ErrorAlert, Loading } from "../../../components/query-state";
import { StalenessBadge } from "../../../components/staleness";
import { WarningAlerts } from "../../../components/warning-alerts";
import { countOf } from "../../../lib/format";
import { useDocumentTitle } from "../../../lib/use-document-title";

const MISSING_LABELS: Record<MyChallenge["missing"][number], string> = {
  production: `Niveau « ${AXIS_LABELS.production} » jamais renseigné`,
  transmission: `Niveau « ${AXIS_LABELS.transmission} » jamais renseigné`,
  reliability: `Niveau « ${AXIS_LABELS.reliability} » jamais renseigné`,
  outcome: "Aucun résultat renseigné",
  checklist: "Liste de passation vide",
};

export default function MyChallengesPage() {
  useDocumentTitle("Mes défis");
  const challenges = useMyChallenges();
  const isAdmin = useCurrentUser().data?.role === "admin";
  const promotions = usePromotions();
  const promotionLabel = new Map(promotions.data?.map((p) => [p.key, p.label]));

  const toRefresh = challenges.data?.filter((challenge) => challenge.stale).length ?? 0;

  return (
    <>
      <h1>Mes défis</h1>
      <p>
        Les défis qui vous sont attribués : leur niveau sur chaque axe, ce qui reste à renseigner et les points d'attention.
        Un défi sans signalement depuis 90 jours est à actualiser.
      </p>
      {challenges.isPending && <Loading label="Chargement de vos défis…" />}
      {challenges.isError && <ErrorAlert error={challenges.error} />}
      {challenges.data && challenges.data.length === 0 && (
        <Alert
          severity="info"
          title="Aucun défi ne vous est attribué pour l'instant"
          description={
            isAdmin ? (
              <p>
                Les défis s'attribuent dans <Link to="/admin/mentors">Administration › Mentors des défis</Link>. En tant que
                membre de l'équipe du programme, vous pouvez aussi mettre à jour n'importe quel défi depuis sa page : voir la{" "}
                <Link to="/defis">liste des défis</Link>.
              </p>
            ) : (
              <p>
                Demandez à l'équipe du programme de vous attribuer les défis que vous suivez : ils apparaîtront ici. En
                attendant, vous pouvez consulter la <Link to="/defis">liste de tous les défis</Link>.
              </p>
            )
          }
          role={undefined}
        />
      )}
      {challenges.data && challenges.data.length > 0 && (
        <>
          <p role="status">
            {countOf(challenges.data.length, "défi")}
            {toRefresh > 0 && `, dont ${countOf(toRefresh, "à actualiser", "à actualiser")}`}.
          </p>
          <ul className="my-challenges">
            {challenges.data.map((challenge) => (
              <li key={challenge.slug}>
                <MyChallengeCard challenge={challenge} promotion={promotionLabel.get(challenge.promotion) ?? challenge.promotion} />
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function MyChallengeCard({ challenge, promotion }: { challenge: MyChallenge; promotion: string }) {
  const headingId = `defi-${challenge.slug}`;
  return (
    <article className="my-challenge" aria-labelledby={headingId}>
      <div className="my-challenge__head">
        <div>
          <h2 id={headingId} className="fr-h5 fr-mb-1v">
            <Link to={`/defis/${challenge.slug}`}>{challenge.title}</Link>
          </h2>
          <p className="fr-text--sm fr-mb-1w">
            {promotion} · {challenge.administration}
          </p>
        </div>
        <Button
          size="small"
          priority="secondary"
          iconId="fr-icon-edit-line"
          linkProps={{ to: `/defis/${challenge.slug}?edition=1` }}
        >
          Mettre à jour<span className="fr-sr-only"> {challenge.title}</span>
        </Button>
      </div>
      <p className="fr-text--sm fr-mb-2w">
        <StalenessBadge stale={challenge.stale} lastReportAt={challenge.lastReportAt} />
      </p>
      <dl className="my-challenge__levels">
        {AXES.map((axis) => (
          <div key={axis}>
            <dt>{AXIS_LABELS[axis]}</dt>
            <dd>
              <LevelBadge status={challenge.status[axis]} />
            </dd>
          </div>
        ))}
        <div>
          <dt>Résultat</dt>
          <dd>
            {challenge.outcome
              ? challenge.outcome.categories.map((category) => OUTCOME_LABELS[category]).join(" ; ")
              : "Non renseigné"}
          </dd>
        </div>
      </dl>
      {challenge.missing.length > 0 && (
        <div className="fr-mt-2w">
          <p className="fr-text--sm fr-text--bold fr-mb-1v">À compléter</p>
          <ul className="fr-text--sm fr-mb-0">
            {challenge.missing.map((item) => (
              <li key={item}>{MISSING_LABELS[item]}</li>
            ))}
          </ul>
        </div>
      )}
      <WarningAlerts warnings={challenge.warnings} className="fr-mt-2w" />
    </article>
  );
}
