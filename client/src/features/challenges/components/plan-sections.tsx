import Accordion from "@codegouvfr/react-dsfr/Accordion";
import Badge from "@codegouvfr/react-dsfr/Badge";
import Tag from "@codegouvfr/react-dsfr/Tag";
import type { ChallengeDetail } from "@shared/challenge";
import { CHECKLIST_GROUPS, CHECKLIST_ITEMS } from "@shared/domain";
import { useI18n } from "../../../i18n/use-i18n";
import { resourceSummary, ScenarioDetails } from "./plan-display";
import { ReviewBadge, ReviewComment } from "../../../components/review-badge";

// The challenge's outcome and sustainability plan, as everyone reads them (the edit mode replaces them).

export function PlanSections({ challenge }: { challenge: ChallengeDetail }) {
  const i18n = useI18n();
  const { t: { challenge: { plan: t } }, l, f } = i18n;
  return (
    <>
      <OutcomeSection challenge={challenge} />
      <h2>{t.actions}</h2>
      {challenge.actions.length === 0 ? (
        <p>{t.noActions}</p>
      ) : (
        <ul className="fr-mb-3w">
          {challenge.actions.map((action) => (
            <li key={action.id}>
              <strong>{l.ACTION_KIND_LABELS[action.kind]}</strong> — {action.title}{" "}
              <Badge as="span" small noIcon>
                {l.ACTION_STATUS_LABELS[action.status]}
              </Badge>
              <span className="fr-text--sm">
                {" "}
                ({action.dueOn ? t.due(f.date(action.dueOn)) : ""}
                {action.owner ? t.owner(action.owner) : ""}
                {action.asOf ? t.asOf(f.date(action.asOf)) : ""}
                {action.authorName})
              </span>
            </li>
          ))}
        </ul>
      )}

      <h2>{t.scenarios}</h2>
      {challenge.scenarios.length === 0 ? (
        <p>{t.noScenarios}</p>
      ) : (
        <ul className="fr-mb-3w plan-read-list">
          {challenge.scenarios.map((scenario) => (
            <li key={scenario.id}>
              <strong>{scenario.title}</strong>{" "}
              {scenario.preferred && (
                <Badge as="span" small severity="success">
                  {t.preferred}
                </Badge>
              )}{" "}
              {scenario.isStop && (
                <Badge as="span" small severity="warning" noIcon>
                  {t.stop}
                </Badge>
              )}
              <ScenarioDetails scenario={scenario} />
            </li>
          ))}
        </ul>
      )}

      <h2>{t.allies}</h2>
      {challenge.allies.length === 0 ? (
        <p>{t.noAllies}</p>
      ) : (
        <ul className="fr-mb-3w">
          {challenge.allies.map((ally) => (
            <li key={ally.id}>
              {ally.name} ({l.ALLY_KIND_LABELS[ally.kind]}){ally.role && <> : {ally.role}</>}
            </li>
          ))}
        </ul>
      )}

      <h2>{t.resources}</h2>
      {challenge.resources.length === 0 ? (
        <p>{t.noResources}</p>
      ) : (
        <ul className="fr-mb-3w">
          {challenge.resources.map((resource) => (
            <li key={resource.id}>
              {resourceSummary(i18n, resource)}
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
  const { t: { challenge: { plan: t }, common }, l, f } = useI18n();
  const outcome = challenge.outcomeDetail;
  return (
    <>
      <h2>{t.outcome}</h2>
      {outcome ? (
        <div className="fr-mb-3w">
          <ul className="fr-tags-group">
            {outcome.categories.map((category) => (
              <li key={category}>
                <Tag>{l.OUTCOME_LABELS[category]}</Tag>
              </li>
            ))}
          </ul>
          {outcome.path && <p>{t.path(l.PATH_LABELS[outcome.path])}</p>}
          {outcome.note && <p>{outcome.note}</p>}
          <p className="fr-text--sm">
            {t.outcomeAsOf(f.date(outcome.asOf), outcome.authorName)} <ReviewBadge validation={outcome.validation} />
          </p>
          <ReviewComment validation={outcome.validation} />
          {challenge.outcomeHistory.length > 1 && (
            <Accordion label={t.outcomeHistory(challenge.outcomeHistory.length)} titleAs="h3">
              <ol>
                {challenge.outcomeHistory.map((entry) => (
                  <li key={entry.id}>
                    {f.date(entry.asOf)}
                    {common.colon}
                    {entry.categories.map((category) => l.OUTCOME_LABELS[category]).join(common.listSeparator)}
                    {entry.path && <> — {l.PATH_LABELS[entry.path]}</>}
                    {entry.note && <> — {entry.note}</>} ({entry.authorName}) <ReviewBadge validation={entry.validation} />
                  </li>
                ))}
              </ol>
            </Accordion>
          )}
        </div>
      ) : (
        <p>{t.noOutcome}</p>
      )}
    </>
  );
}

function ChecklistSummary({ challenge }: { challenge: ChallengeDetail }) {
  const { t: { challenge: { plan: t }, common }, l } = useI18n();
  const done = new Map(challenge.checklist.filter((item) => item.done).map((item) => [item.key, item]));
  const groups = CHECKLIST_GROUPS.map((group) => ({ ...group, done: group.items.filter((key) => done.has(key)) })).filter(
    (group) => group.done.length > 0,
  );
  return (
    <>
      <h2>{t.checklist}</h2>
      <p>{t.checklistDone(done.size, CHECKLIST_ITEMS.length)}</p>
      {groups.length > 0 && (
        <ul className="fr-mb-3w">
          {groups.map((group) => (
            <li key={group.key}>
              <strong>{l.CHECKLIST_GROUP_LABELS[group.key]}</strong>
              {common.colon}
              {group.done.map((key, index) => {
                const link = done.get(key)?.link;
                return (
                  <span key={key}>
                    {index > 0 && ", "}
                    {link ? (
                      <a href={link} target="_blank" rel="noopener noreferrer">
                        {l.CHECKLIST_ITEM_LABELS[key]}
                        <span className="fr-sr-only">{common.newWindow}</span>
                      </a>
                    ) : (
                      l.CHECKLIST_ITEM_LABELS[key]
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
