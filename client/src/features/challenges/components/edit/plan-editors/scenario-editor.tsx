import Badge from "@codegouvfr/react-dsfr/Badge";
import Button from "@codegouvfr/react-dsfr/Button";
import Checkbox from "@codegouvfr/react-dsfr/Checkbox";
import Input from "@codegouvfr/react-dsfr/Input";
import type { ChallengeDetail, Scenario } from "@shared/challenge";
import { MAX_SCENARIOS, SCENARIO_TEXT_MAX } from "@shared/writes";
import { CountedTextArea } from "../../../../../components/counted-text-area";
import { useI18n } from "../../../../../i18n/use-i18n";
import { usePatchPlanItem } from "../../../api/plan-writes";
import { SCENARIO_FIELDS, ScenarioDetails } from "../../plan-display";
import { fieldState, orNull, orUndefined } from "../form-kit";
import { PlanList, type Reporter } from "../plan-list";

interface ScenarioDraft extends Record<(typeof SCENARIO_FIELDS)[number], string> {
  title: string;
  preferred: boolean;
  isStop: boolean;
}


export function ScenariosEditor({ challenge }: { challenge: ChallengeDetail }) {
  const { t: { edit: { scenarios: t, actions }, challenge: { plan } } } = useI18n();
  const scenarioName = (scenario: Scenario) => t.name(scenario.title);
  const scenarios = challenge.scenarios;
  const ordinary = scenarios.filter((scenario) => !scenario.isStop).length;
  const stop = scenarios.find((scenario) => scenario.isStop);
  const emptyScenario: ScenarioDraft = {
    title: "",
    needs: "",
    resourcesNeeded: "",
    governance: "",
    calendar: "",
    preferred: false,
    isStop: ordinary >= MAX_SCENARIOS,
  };
  return (
    <PlanList<"scenarios", ScenarioDraft>
      slug={challenge.slug}
      kind="scenarios"
      items={scenarios}
      title={plan.scenarios}
      intro={<p>{t.intro(MAX_SCENARIOS)}</p>}
      emptyText={plan.noScenarios}
      nameOf={scenarioName}
      feminine={false}
      addTitle={t.add}
      addButton={t.addButton}
      addBlocked={
        ordinary >= MAX_SCENARIOS && stop
          ? t.blocked(MAX_SCENARIOS)
          : undefined
      }
      emptyDraft={emptyScenario}
      draftOf={(scenario) => ({
        title: scenario.title,
        needs: scenario.needs ?? "",
        resourcesNeeded: scenario.resourcesNeeded ?? "",
        governance: scenario.governance ?? "",
        calendar: scenario.calendar ?? "",
        preferred: scenario.preferred,
        isStop: scenario.isStop,
      })}
      toCreate={(draft) => ({
        ...draft,
        needs: orUndefined(draft.needs),
        resourcesNeeded: orUndefined(draft.resourcesNeeded),
        governance: orUndefined(draft.governance),
        calendar: orUndefined(draft.calendar),
      })}
      toPatch={(draft) => ({
        ...draft,
        needs: orNull(draft.needs),
        resourcesNeeded: orNull(draft.resourcesNeeded),
        governance: orNull(draft.governance),
        calendar: orNull(draft.calendar),
      })}
      fields={["title", "needs", "resourcesNeeded", "governance", "calendar", "preferred", "isStop"]}
      renderFields={({ draft, setDraft, error, item }) => {
        // Which kind the form may choose: the quota is three ordinary scenarios and one stop.
        const otherStop = stop !== undefined && stop.id !== item?.id;
        const ordinaryFull = ordinary - (item && !item.isStop ? 1 : 0) >= MAX_SCENARIOS;
        return (
          <>
            <Input
              label={actions.title}
              {...fieldState(error, "title")}
              nativeInputProps={{ value: draft.title, onChange: (event) => setDraft({ ...draft, title: event.target.value }) }}
            />
            <div className="fr-grid-row fr-grid-row--gutters">
              {SCENARIO_FIELDS.map((field) => (
                <div key={field} className="fr-col-12 fr-col-md-6">
                  <CountedTextArea
                    label={t.optional(plan.scenarioTexts[field])}
                    max={SCENARIO_TEXT_MAX}
                    {...fieldState(error, field)}
                    value={draft[field]}
                    onChange={(value) => setDraft({ ...draft, [field]: value })}
                  />
                </div>
              ))}
            </div>
            <Checkbox
              legend={t.nature}
              hintText={
                otherStop
                  ? t.hasStop
                  : ordinaryFull
                    ? t.full(MAX_SCENARIOS)
                    : undefined
              }
              {...fieldState(error, "preferred")}
              options={[
                {
                  label: plan.preferred,
                  hintText: t.preferredHint,
                  nativeInputProps: { checked: draft.preferred, onChange: (event) => setDraft({ ...draft, preferred: event.target.checked }) },
                },
                {
                  label: plan.stop,
                  hintText: t.stopHint,
                  nativeInputProps: {
                    checked: draft.isStop,
                    disabled: otherStop || (ordinaryFull && draft.isStop),
                    onChange: (event) => setDraft({ ...draft, isStop: event.target.checked }),
                  },
                },
              ]}
            />
          </>
        );
      }}
      renderItem={(scenario) => (
        <>
          <p className="fr-mb-1v">
            <strong>{scenario.title}</strong>{" "}
            {scenario.preferred && (
              <Badge as="span" small severity="success">
                {plan.preferred}
              </Badge>
            )}{" "}
            {scenario.isStop && (
              <Badge as="span" small severity="warning" noIcon>
                {plan.stop}
              </Badge>
            )}
          </p>
          <ScenarioDetails scenario={scenario} />
        </>
      )}
      renderControls={(scenario, report) =>
        scenario.preferred ? null : <PreferScenarioButton scenario={scenario} report={report} />
      }
    />
  );
}

function PreferScenarioButton({ scenario, report }: { scenario: Scenario; report: Reporter }) {
  const { t: { edit: { scenarios: t }, common: { colon } } } = useI18n();
  const patch = usePatchPlanItem("scenarios");
  return (
    <Button
      size="small"
      priority="tertiary"
      iconId="fr-icon-star-line"
      disabled={patch.isPending}
      onClick={() =>
        patch.mutate(
          { id: scenario.id, version: scenario.version, patch: { preferred: true } },
          {
            onSuccess: () => report.success(t.nowPreferred(scenario.title)),
            onError: report.failure,
          },
        )
      }
    >
      {t.makePreferred}<span className="fr-sr-only">{colon}{scenario.title}</span>
    </Button>
  );
}
