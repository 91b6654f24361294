import Alert from "@codegouvfr/react-dsfr/Alert";
import Badge from "@codegouvfr/react-dsfr/Badge";
import Breadcrumb from "@codegouvfr/react-dsfr/Breadcrumb";
import Tag from "@codegouvfr/react-dsfr/Tag";
import { Link, useParams } from "react-router";
import type { ChallengeDetail } from "@shared/challenge";
import { AXES } from "@shared/domain";
import {
  ACTION_KIND_LABELS,
  ACTION_STATUS_LABELS,
  ALLY_KIND_LABELS,
  AXIS_LABELS,
  LEVEL_DEFINITIONS,
  LEVEL_LABELS,
  OUTCOME_LABELS,
  PATH_LABELS,
  SKILL_LABELS,
} from "@shared/labels-fr";
import { usePromotions } from "../../../api/promotions";
import { useCurrentUser } from "../../../api/session";
import { LevelBadge } from "../../../components/level-badge";
import { ErrorAlert, Loading } from "../../../components/query-state";
import { ApiError } from "../../../lib/api-client";
import { countOf, formatDate, formatMonth } from "../../../lib/format";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { useChallenge } from "../../../api/challenges";

export default function ChallengePage() {
  const { slug = "" } = useParams();
  const challenge = useChallenge(slug);
  useDocumentTitle(challenge.data?.title ?? (challenge.isError ? "Défi introuvable" : "Défi"));

  return (
    <>
      <Breadcrumb
        currentPageLabel={challenge.data?.title ?? "Défi"}
        homeLinkProps={{ to: "/" }}
        segments={[{ label: "Défis", linkProps: { to: "/defis" } }]}
      />
      {challenge.isPending && <Loading label="Chargement du défi…" />}
      {challenge.isError &&
        (challenge.error instanceof ApiError && challenge.error.status === 404 ? (
          <>
            <h1>Défi introuvable</h1>
            <p>
              Aucun défi ne correspond à l'adresse « {slug} ». <Link to="/defis">Voir la liste des défis</Link>.
            </p>
          </>
        ) : (
          <ErrorAlert error={challenge.error} title="Le défi n'a pas pu être chargé" />
        ))}
      {challenge.data && <ChallengeView challenge={challenge.data} />}
    </>
  );
}

function ChallengeView({ challenge }: { challenge: ChallengeDetail }) {
  const promotions = usePromotions();
  const user = useCurrentUser().data;
  const followsIt = user?.role === "mentor" && challenge.mentors.some((mentor) => mentor.id === user.id);
  const promotionLabel = promotions.data?.find((p) => p.key === challenge.promotion)?.label ?? challenge.promotion;

  return (
    <>
      <h1 className="fr-mb-2w">{challenge.title}</h1>
      <p className="fr-mb-1w">
        <Badge severity="info" noIcon className="fr-mr-1w">
          {promotionLabel}
        </Badge>
        {challenge.administrationWebsite ? (
          <a href={challenge.administrationWebsite} target="_blank" rel="noopener noreferrer">
            {challenge.administration}
            <span className="fr-sr-only"> (nouvelle fenêtre)</span>
          </a>
        ) : (
          challenge.administration
        )}
        {challenge.city && <> · {challenge.city}</>}
      </p>

      <div className="fr-grid-row fr-grid-row--gutters fr-mb-3w">
        <div className="fr-col-12 fr-col-md-7">
          <dl className="challenge-facts">
            <dt>Période</dt>
            <dd>
              {formatMonth(challenge.startsOn)} – {formatMonth(challenge.endsOn)} ({countOf(challenge.durationMonths, "mois", "mois")})
              {challenge.datesApproximate && (
                <>
                  {" "}
                  <Badge small severity="warning" noIcon>
                    Dates approximatives
                  </Badge>
                </>
              )}
            </dd>
            <dt>Équipe</dt>
            <dd>
              {challenge.eigCount === null ? "—" : countOf(challenge.eigCount, "entrepreneur")}
              {challenge.mentorCount !== null && <>, {countOf(challenge.mentorCount, "mentor")}</>}
            </dd>
            <dt>Compétences</dt>
            <dd>
              {challenge.skills.length === 0
                ? "—"
                : challenge.skills.map((skill) => (
                    <Tag key={skill} small className="fr-mr-1w">
                      {SKILL_LABELS[skill] ?? skill}
                    </Tag>
                  ))}
            </dd>
            <dt>Suivi par</dt>
            <dd>
              {challenge.mentors.length === 0
                ? "Aucun mentor attribué"
                : challenge.mentors.map((mentor) => mentor.name).join(", ")}
              {followsIt && (
                <>
                  {" "}
                  <Badge small severity="success" noIcon>
                    Vous suivez ce défi
                  </Badge>
                </>
              )}
              {user?.role === "admin" && (
                <>
                  {" · "}
                  <Link to={`/admin/mentors?promotion=${encodeURIComponent(challenge.promotion)}`}>Gérer les mentors</Link>
                </>
              )}
            </dd>
            <dt>Liens</dt>
            <dd>
              <ExternalLink href={challenge.website} label="Site du produit" />
              {" · "}
              <ExternalLink href={challenge.sourceCode} label="Code source" />
            </dd>
            {challenge.predecessor && (
              <>
                <dt>Fait suite à</dt>
                <dd>
                  <Link to={`/defis/${challenge.predecessor.slug}`}>{challenge.predecessor.title}</Link>
                </dd>
              </>
            )}
            {challenge.successors.length > 0 && (
              <>
                <dt>Poursuivi par</dt>
                <dd>
                  {challenge.successors.map((successor, index) => (
                    <span key={successor.slug}>
                      {index > 0 && ", "}
                      <Link to={`/defis/${successor.slug}`}>{successor.title}</Link>
                    </span>
                  ))}
                </dd>
              </>
            )}
          </dl>
        </div>
        {challenge.datesApproximate && (
          <div className="fr-col-12 fr-col-md-5">
            <Alert
              small
              severity="info"
              description="Le catalogue public ne donne que l'année et la durée du défi : les dates de début et de fin sont estimées, en attendant leur correction par l'équipe du programme."
            />
          </div>
        )}
      </div>

      <h2>Pérennisation</h2>
      <div className="fr-grid-row fr-grid-row--gutters fr-mb-3w">
        {AXES.map((axis) => {
          const status = challenge.status[axis];
          return (
            <section key={axis} className="fr-col-12 fr-col-md-4" aria-labelledby={`axis-${axis}`}>
              <div className="axis-card">
                <h3 id={`axis-${axis}`} className="fr-h6 fr-mb-1w">
                  {AXIS_LABELS[axis]}
                </h3>
                <LevelBadge status={status} />
                <p className="fr-text--sm fr-mt-1w fr-mb-0">
                  {status === null
                    ? "Aucune mise à jour enregistrée sur cet axe."
                    : `${LEVEL_DEFINITIONS[axis][status.level]} (au ${formatDate(status.asOf)})`}
                </p>
              </div>
            </section>
          );
        })}
      </div>

      <h2>Résultat</h2>
      {challenge.outcomeDetail ? (
        <div className="fr-mb-3w">
          <ul className="fr-tags-group">
            {challenge.outcomeDetail.categories.map((category) => (
              <li key={category}>
                <Tag>{OUTCOME_LABELS[category]}</Tag>
              </li>
            ))}
          </ul>
          {challenge.outcomeDetail.path && <p>Voie de pérennisation : {PATH_LABELS[challenge.outcomeDetail.path]}</p>}
          {challenge.outcomeDetail.note && <p>{challenge.outcomeDetail.note}</p>}
          <p className="fr-text--sm">
            Au {formatDate(challenge.outcomeDetail.asOf)} — {challenge.outcomeDetail.authorName}
          </p>
        </div>
      ) : (
        <p>Aucun résultat renseigné.</p>
      )}

      <h2>Actions de pérennisation</h2>
      {challenge.actions.length === 0 ? (
        <p>Aucune action enregistrée.</p>
      ) : (
        <ul className="fr-mb-3w">
          {challenge.actions.map((action) => (
            <li key={action.id}>
              <strong>{ACTION_KIND_LABELS[action.kind]}</strong> — {action.title}{" "}
              <Badge small noIcon>
                {ACTION_STATUS_LABELS[action.status]}
              </Badge>
              <span className="fr-text--sm">
                {" "}
                ({action.asOf ? `au ${formatDate(action.asOf)}, ` : ""}
                {action.authorName})
              </span>
            </li>
          ))}
        </ul>
      )}

      <h2>Alliés</h2>
      {challenge.allies.length === 0 ? (
        <p>Aucun allié enregistré.</p>
      ) : (
        <ul className="fr-mb-3w">
          {challenge.allies.map((ally) => (
            <li key={ally.id}>
              {ally.name} ({ALLY_KIND_LABELS[ally.kind]}){ally.role && <> : {ally.role}</>}
            </li>
          ))}
        </ul>
      )}

      <h2>Historique des statuts</h2>
      {challenge.history.length === 0 ? (
        <p>Aucune mise à jour de statut n'a encore été enregistrée pour ce défi.</p>
      ) : (
        <ol className="fr-mb-3w">
          {challenge.history.map((update) => (
            <li key={update.id}>
              {update.retraction ? <s>{historyLine(update)}</s> : historyLine(update)}
              {update.retraction && <> — retirée : {update.retraction.reason}</>}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

function historyLine(update: ChallengeDetail["history"][number]) {
  return `${formatDate(update.asOf)} · ${AXIS_LABELS[update.axis]} : ${update.level} ${LEVEL_LABELS[update.level]}${
    update.note ? ` — ${update.note}` : ""
  } (${update.authorName})`;
}

function ExternalLink({ href, label }: { href: string | null; label: string }) {
  if (!href) return <span>{label} : non renseigné</span>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {label}
      <span className="fr-sr-only"> (nouvelle fenêtre)</span>
    </a>
  );
}
