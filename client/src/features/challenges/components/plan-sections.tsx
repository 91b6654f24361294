import Accordion from "@codegouvfr/react-dsfr/Accordion";
import Badge from "@codegouvfr/react-dsfr/Badge";
import Tag from "@codegouvfr/react-dsfr/Tag";
import type { ChallengeDetail } from "@shared/challenge";
import { CHECKLIST_GROUPS, CHECKLIST_ITEMS } from "@shared/domain";
import {
  ACTION_KIND_LABELS,
  ACTION_STATUS_LABELS,
  ALLY_KIND_LABELS,
  CHECKLIST_GROUP_LABELS,
  CHECKLIST_ITEM_LABELS,
  OUTCOME_LABELS,
  PATH_LABELS,
} from "@shared/labels-fr";
import { formatDate } from "../../../lib/format";
import { resourceSummary, ScenarioDetails } from "./plan-display";

// The challenge's outcome and sustainability plan, as everyone reads them (the edit mode replaces them).

export function PlanSections({ challenge }: { challenge: ChallengeDetail }) {
  return (
    <>
      <OutcomeSection challenge={challenge} />
      <h2>Actions de pérennisation</h2>
      {challenge.actions.length === 0 ? (
        <p>Aucune action enregistrée.</p>
      ) : (
        <ul className="fr-mb-3w">
          {challenge.actions.map((action) => (
            <li key={action.id}>
              <strong>{ACTION_KIND_LABELS[action.kind]}</strong> — {action.title}{" "}
              <Badge as="span" small noIcon>
                {ACTION_STATUS_LABELS[action.status]}
              </Badge>
              <span className="fr-text--sm">
                {" "}
                ({action.dueOn ? `échéance le ${formatDate(action.dueOn)}, ` : ""}
                {action.owner ? `porteur : ${action.owner}, ` : ""}
                {action.asOf ? `au ${formatDate(action.asOf)}, ` : ""}
                {action.authorName})
              </span>
            </li>
          ))}
        </ul>
      )}

      <h2>Scénarios</h2>
      {challenge.scenarios.length === 0 ? (
        <p>Aucun scénario enregistré.</p>
      ) : (
        <ul className="fr-mb-3w plan-read-list">
          {challenge.scenarios.map((scenario) => (
            <li key={scenario.id}>
              <strong>{scenario.title}</strong>{" "}
              {scenario.preferred && (
                <Badge as="span" small severity="success">
                  Scénario préféré
                </Badge>
              )}{" "}
              {scenario.isStop && (
                <Badge as="span" small severity="warning" noIcon>
                  Scénario d'arrêt
                </Badge>
              )}
              <ScenarioDetails scenario={scenario} />
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

      <h2>Moyens après le programme</h2>
      {challenge.resources.length === 0 ? (
        <p>Aucun moyen enregistré pour l'après-programme.</p>
      ) : (
        <ul className="fr-mb-3w">
          {challenge.resources.map((resource) => (
            <li key={resource.id}>
              {resourceSummary(resource)}
              {resource.note && <> — {resource.note}</>}
            </li>
          ))}
        </ul>
      )}

      <ChecklistSummary challenge={challenge} />
    </>
  );
}

function OutcomeSection({ challenge }: { challenge: ChallengeDetail }) {
  const outcome = challenge.outcomeDetail;
  return (
    <>
      <h2>Résultat</h2>
      {outcome ? (
        <div className="fr-mb-3w">
          <ul className="fr-tags-group">
            {outcome.categories.map((category) => (
              <li key={category}>
                <Tag>{OUTCOME_LABELS[category]}</Tag>
              </li>
            ))}
          </ul>
          {outcome.path && <p>Voie de pérennisation : {PATH_LABELS[outcome.path]}</p>}
          {outcome.note && <p>{outcome.note}</p>}
          <p className="fr-text--sm">
            Au {formatDate(outcome.asOf)} — {outcome.authorName}
          </p>
          {challenge.outcomeHistory.length > 1 && (
            <Accordion label={`Historique du résultat (${challenge.outcomeHistory.length} enregistrements)`} titleAs="h3">
              <ol>
                {challenge.outcomeHistory.map((entry) => (
                  <li key={entry.id}>
                    {formatDate(entry.asOf)} : {entry.categories.map((category) => OUTCOME_LABELS[category]).join(" ; ")}
                    {entry.path && <> — {PATH_LABELS[entry.path]}</>}
                    {entry.note && <> — {entry.note}</>} ({entry.authorName})
                  </li>
                ))}
              </ol>
            </Accordion>
          )}
        </div>
      ) : (
        <p>Aucun résultat renseigné.</p>
      )}
    </>
  );
}

function ChecklistSummary({ challenge }: { challenge: ChallengeDetail }) {
  const done = new Map(challenge.checklist.filter((item) => item.done).map((item) => [item.key, item]));
  const groups = CHECKLIST_GROUPS.map((group) => ({ ...group, done: group.items.filter((key) => done.has(key)) })).filter(
    (group) => group.done.length > 0,
  );
  return (
    <>
      <h2>Liste de passation</h2>
      <p>
        {done.size} élément{done.size > 1 ? "s" : ""} fait{done.size > 1 ? "s" : ""} sur {CHECKLIST_ITEMS.length}.
      </p>
      {groups.length > 0 && (
        <ul className="fr-mb-3w">
          {groups.map((group) => (
            <li key={group.key}>
              <strong>{CHECKLIST_GROUP_LABELS[group.key]}</strong> :{" "}
              {group.done.map((key, index) => {
                const link = done.get(key)?.link;
                return (
                  <span key={key}>
                    {index > 0 && ", "}
                    {link ? (
                      <a href={link} target="_blank" rel="noopener noreferrer">
                        {CHECKLIST_ITEM_LABELS[key]}
                        <span className="fr-sr-only"> (nouvelle fenêtre)</span>
                      </a>
                    ) : (
                      CHECKLIST_ITEM_LABELS[key]
                    )}
                  </span>
                );
              })}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
