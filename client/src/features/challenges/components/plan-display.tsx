import type { Resource, Scenario } from "@shared/challenge";
import { ARRANGEMENT_LABELS, TIME_SHARE_LABELS } from "@shared/labels-fr";

// How the plan's items read, in the page and in its edit mode alike.

export const SCENARIO_TEXTS = [
  ["needs", "Besoins et difficultés"],
  ["resourcesNeeded", "Ressources nécessaires"],
  ["governance", "Gouvernance"],
  ["calendar", "Calendrier"],
] as const satisfies readonly (readonly [keyof Scenario, string])[];

export function ScenarioDetails({ scenario }: { scenario: Scenario }) {
  const texts = SCENARIO_TEXTS.filter(([field]) => scenario[field]);
  if (texts.length === 0) return null;
  return (
    <dl className="plan-details fr-text--sm fr-mb-0">
      {texts.map(([field, label]) => (
        <div key={field}>
          <dt>{label}</dt>
          <dd>{scenario[field]}</dd>
        </div>
      ))}
    </dl>
  );
}

/** "2 personnes gardées · Prolongation de contrat · Temps plein · budget assuré · hébergement : DSI". */
export function resourceSummary(resource: Resource): string {
  return [
    `${resource.peopleKept} ${resource.peopleKept > 1 ? "personnes gardées" : "personne gardée"}`,
    resource.arrangement && ARRANGEMENT_LABELS[resource.arrangement],
    resource.timeShare && TIME_SHARE_LABELS[resource.timeShare],
    resource.budgetSecured ? "budget assuré" : "budget non assuré",
    resource.hosting && `hébergement : ${resource.hosting}`,
  ]
    .filter(Boolean)
    .join(" · ");
}
