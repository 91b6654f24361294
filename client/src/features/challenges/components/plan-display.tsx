import type { Resource, Scenario } from "@shared/challenge";
import { useI18n, type I18n } from "../../../i18n/use-i18n";

// How the plan's items read, in the page and in its edit mode alike.

export const SCENARIO_FIELDS = ["needs", "resourcesNeeded", "governance", "calendar"] as const satisfies readonly (keyof Scenario)[];

export function ScenarioDetails({ scenario }: { scenario: Scenario }) {
  const labels = useI18n().t.challenge.plan.scenarioTexts;
  const fields = SCENARIO_FIELDS.filter((field) => scenario[field]);
  if (fields.length === 0) return null;
  return (
    <dl className="plan-details fr-text--sm fr-mb-0">
      {fields.map((field) => (
        <div key={field}>
          <dt>{labels[field]}</dt>
          <dd>{scenario[field]}</dd>
        </div>
      ))}
    </dl>
  );
}

/** "2 personnes gardées · Prolongation de contrat · Temps plein · budget assuré · hébergement : DSI". */
export function resourceSummary({ t, l }: I18n, resource: Resource): string {
  const plan = t.challenge.plan;
  return [
    plan.peopleKept(resource.peopleKept),
    resource.arrangement && l.ARRANGEMENT_LABELS[resource.arrangement],
    resource.timeShare && l.TIME_SHARE_LABELS[resource.timeShare],
    resource.budgetSecured ? plan.budgetSecured : plan.budgetNotSecured,
    resource.hosting && plan.hosting(resource.hosting),
  ]
    .filter(Boolean)
    .join(" · ");
}
