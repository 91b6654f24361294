import Badge from "@codegouvfr/react-dsfr/Badge";
import Button from "@codegouvfr/react-dsfr/Button";
import Checkbox from "@codegouvfr/react-dsfr/Checkbox";
import Input from "@codegouvfr/react-dsfr/Input";
import RadioButtons from "@codegouvfr/react-dsfr/RadioButtons";
import Select from "@codegouvfr/react-dsfr/Select";
import type { Action, Ally, ChallengeDetail, Resource, Scenario } from "@shared/challenge";
import { ACTION_KINDS, ACTION_STATUSES, ALLY_KINDS, type ActionKind, type ActionStatus, type AllyKind } from "@shared/domain";
import { MAX_SCENARIOS, NOTE_MAX, SCENARIO_TEXT_MAX } from "@shared/writes";
import { CountedTextArea } from "../../../../components/counted-text-area";
// No `maxLength` on these fields: the browser would cut a pasted text without a word. The shared
// schemas refuse an over-long one instead, under the field, before any request.
import { useI18n } from "../../../../i18n/use-i18n";
import { usePatchPlanItem, useSetActionStatus } from "../../api/plan-writes";
import { resourceSummary, SCENARIO_FIELDS, ScenarioDetails } from "../plan-display";
import type { ResourceArrangement as Arrangement, TimeShare } from "@shared/domain";
import { fieldState, orNull, orUndefined } from "./form-kit";
import { PlanList, type Reporter } from "./plan-list";

// ---------------------------------------------------------------- actions

interface ActionDraft {
  kind: ActionKind;
  title: string;
  status: ActionStatus;
  dueOn: string;
  owner: string;
  scenarioId: string;
}

const emptyAction: ActionDraft = { kind: "communication", title: "", status: "planned", dueOn: "", owner: "", scenarioId: "" };

export function ActionsEditor({ challenge }: { challenge: ChallengeDetail }) {
  const { t: { edit: { actions: t }, challenge: { plan } }, l, f } = useI18n();
  const actionName = (action: Action) => t.name(action.title);
  const scenarioTitle = new Map(challenge.scenarios.map((scenario) => [scenario.id, scenario.title]));
  return (
    <PlanList<"actions", ActionDraft>
      slug={challenge.slug}
      kind="actions"
      items={challenge.actions}
      title={plan.actions}
      intro={<p>{t.intro}</p>}
      emptyText={plan.noActions}
      nameOf={actionName}
      feminine
      addTitle={t.add}
      addButton={t.addButton}
      emptyDraft={emptyAction}
      draftOf={(action) => ({
        kind: action.kind,
        title: action.title,
        status: action.status,
        dueOn: action.dueOn ?? "",
        owner: action.owner ?? "",
        scenarioId: action.scenarioId === null ? "" : String(action.scenarioId),
      })}
      toCreate={(draft) => ({
        kind: draft.kind,
        title: draft.title,
        status: draft.status,
        dueOn: orUndefined(draft.dueOn),
        owner: orUndefined(draft.owner),
        scenarioId: draft.scenarioId === "" ? undefined : Number(draft.scenarioId),
      })}
      toPatch={(draft) => ({
        kind: draft.kind,
        title: draft.title,
        status: draft.status,
        dueOn: orNull(draft.dueOn),
        owner: orNull(draft.owner),
        scenarioId: draft.scenarioId === "" ? null : Number(draft.scenarioId),
      })}
      fields={["kind", "title", "status", "dueOn", "owner", "scenarioId"]}
      renderFields={({ draft, setDraft, error }) => (
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-8">
            <Input
              label={t.title}
              {...fieldState(error, "title")}
              nativeInputProps={{ value: draft.title, onChange: (event) => setDraft({ ...draft, title: event.target.value }) }}
            />
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <Select
              label={t.kind}
              {...fieldState(error, "kind")}
              nativeSelectProps={{ value: draft.kind, onChange: (event) => setDraft({ ...draft, kind: event.target.value as ActionKind }) }}
            >
              {ACTION_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {l.ACTION_KIND_LABELS[kind]}
                </option>
              ))}
            </Select>
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <Select
              label={t.status}
              {...fieldState(error, "status")}
              nativeSelectProps={{
                value: draft.status,
                onChange: (event) => setDraft({ ...draft, status: event.target.value as ActionStatus }),
              }}
            >
              {ACTION_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {l.ACTION_STATUS_LABELS[status]}
                </option>
              ))}
            </Select>
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <Input
              label={t.due}
              {...fieldState(error, "dueOn")}
              nativeInputProps={{ type: "date", value: draft.dueOn, onChange: (event) => setDraft({ ...draft, dueOn: event.target.value }) }}
            />
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <Input
              label={t.owner}
              {...fieldState(error, "owner")}
              nativeInputProps={{ value: draft.owner, onChange: (event) => setDraft({ ...draft, owner: event.target.value }) }}
            />
          </div>
          {challenge.scenarios.length > 0 && (
            <div className="fr-col-12">
              <Select
                label={t.scenario}
                {...fieldState(error, "scenarioId")}
                nativeSelectProps={{ value: draft.scenarioId, onChange: (event) => setDraft({ ...draft, scenarioId: event.target.value }) }}
              >
                <option value="">{t.noScenario}</option>
                {challenge.scenarios.map((scenario) => (
                  <option key={scenario.id} value={scenario.id}>
                    {scenario.title}
                  </option>
                ))}
              </Select>
            </div>
          )}
        </div>
      )}
      renderItem={(action) => (
        <>
          <p className="fr-mb-1v">
            <strong>{action.title}</strong>
          </p>
          <p className="fr-text--sm fr-mb-0">
            {[
              l.ACTION_KIND_LABELS[action.kind],
              action.dueOn && t.dueOn(f.date(action.dueOn)),
              action.owner && t.ownerIs(action.owner),
              action.scenarioId !== null && scenarioTitle.has(action.scenarioId) && t.scenarioIs(scenarioTitle.get(action.scenarioId)!),
              action.authorName,
            ]
              .filter(Boolean)
              .join(" · ")}
          </p>
        </>
      )}
      renderControls={(action, report) => <ActionStatusSelect slug={challenge.slug} action={action} report={report} />}
    />
  );
}

/** Changes the status at once; the page shows it before the server answers and goes back if refused. */
function ActionStatusSelect({ slug, action, report }: { slug: string; action: Action; report: Reporter }) {
  const { t: { edit: { actions: t } }, l } = useI18n();
  const actionName = t.name(action.title);
  const setStatus = useSetActionStatus(slug);
  return (
    <Select
      className="plan-item__status"
      label={
        <>
          {t.status}
          <span className="fr-sr-only">{t.statusOf(actionName)}</span>
        </>
      }
      nativeSelectProps={{
        value: action.status,
        onChange: (event) => {
          const status = event.target.value as ActionStatus;
          setStatus.mutate(
            { id: action.id, version: action.version, status },
            {
              onSuccess: () => report.success(t.statusSet(actionName, l.ACTION_STATUS_LABELS[status])),
              onError: report.failure,
            },
          );
        },
      }}
    >
      {ACTION_STATUSES.map((status) => (
        <option key={status} value={status}>
          {l.ACTION_STATUS_LABELS[status]}
        </option>
      ))}
    </Select>
  );
}

// ---------------------------------------------------------------- scenarios

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

// ---------------------------------------------------------------- allies

interface AllyDraft {
  name: string;
  kind: AllyKind;
  role: string;
}

const emptyAlly: AllyDraft = { name: "", kind: "dsi", role: "" };

export function AlliesEditor({ challenge }: { challenge: ChallengeDetail }) {
  const { t: { edit: { allies: t }, challenge: { plan }, common }, l } = useI18n();
  return (
    <PlanList<"allies", AllyDraft>
      slug={challenge.slug}
      kind="allies"
      items={challenge.allies}
      title={plan.allies}
      intro={<p>{t.intro}</p>}
      emptyText={plan.noAllies}
      nameOf={(ally: Ally) => t.name(ally.name)}
      feminine={false}
      addTitle={t.add}
      addButton={t.addButton}
      emptyDraft={emptyAlly}
      draftOf={(ally) => ({ name: ally.name, kind: ally.kind, role: ally.role ?? "" })}
      toCreate={(draft) => ({ name: draft.name, kind: draft.kind, role: orUndefined(draft.role) })}
      toPatch={(draft) => ({ name: draft.name, kind: draft.kind, role: orNull(draft.role) })}
      fields={["name", "kind", "role"]}
      renderFields={({ draft, setDraft, error }) => (
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-6">
            <Input
              label={t.nameLabel}
              hintText={t.nameHint}
              {...fieldState(error, "name")}
              nativeInputProps={{ value: draft.name, onChange: (event) => setDraft({ ...draft, name: event.target.value }) }}
            />
          </div>
          <div className="fr-col-12 fr-col-md-6">
            <Select
              label={t.kind}
              hint={t.kindHint}
              {...fieldState(error, "kind")}
              nativeSelectProps={{ value: draft.kind, onChange: (event) => setDraft({ ...draft, kind: event.target.value as AllyKind }) }}
            >
              {ALLY_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {l.ALLY_KIND_LABELS[kind]}
                </option>
              ))}
            </Select>
          </div>
          <div className="fr-col-12">
            <Input
              label={t.role}
              hintText={t.roleHint}
              {...fieldState(error, "role")}
              nativeInputProps={{ value: draft.role, onChange: (event) => setDraft({ ...draft, role: event.target.value }) }}
            />
          </div>
        </div>
      )}
      renderItem={(ally) => (
        <p className="fr-mb-0">
          <strong>{ally.name}</strong> ({l.ALLY_KIND_LABELS[ally.kind]}){ally.role && <>{common.colon}{ally.role}</>}
        </p>
      )}
    />
  );
}

// ---------------------------------------------------------------- post-programme resources

interface ResourceDraft {
  peopleKept: string;
  arrangement: Arrangement | "";
  timeShare: TimeShare | "";
  budgetSecured: boolean;
  hosting: string;
  note: string;
}

const emptyResource: ResourceDraft = { peopleKept: "1", arrangement: "", timeShare: "", budgetSecured: false, hosting: "", note: "" };
const peopleKeptOf = (text: string) => (text.trim() === "" ? Number.NaN : Number(text));

export function ResourcesEditor({ challenge }: { challenge: ChallengeDetail }) {
  const i18n = useI18n();
  const { t: { edit: { resources: t, form }, challenge: { plan } }, l } = i18n;
  return (
    <PlanList<"resources", ResourceDraft>
      slug={challenge.slug}
      kind="resources"
      items={challenge.resources}
      title={plan.resources}
      intro={<p>{t.intro}</p>}
      emptyText={plan.noResources}
      nameOf={(resource: Resource) => t.name(resourceSummary(i18n, resource))}
      feminine={false}
      addTitle={t.add}
      addButton={t.addButton}
      emptyDraft={emptyResource}
      draftOf={(resource) => ({
        peopleKept: String(resource.peopleKept),
        arrangement: resource.arrangement ?? "",
        timeShare: resource.timeShare ?? "",
        budgetSecured: resource.budgetSecured,
        hosting: resource.hosting ?? "",
        note: resource.note ?? "",
      })}
      toCreate={(draft) => ({
        peopleKept: peopleKeptOf(draft.peopleKept),
        arrangement: draft.arrangement || null,
        timeShare: draft.timeShare || null,
        budgetSecured: draft.budgetSecured,
        hosting: orUndefined(draft.hosting),
        note: orUndefined(draft.note),
      })}
      toPatch={(draft) => ({
        peopleKept: peopleKeptOf(draft.peopleKept),
        arrangement: draft.arrangement || null,
        timeShare: draft.timeShare || null,
        budgetSecured: draft.budgetSecured,
        hosting: orNull(draft.hosting),
        note: orNull(draft.note),
      })}
      fields={["peopleKept", "arrangement", "timeShare", "budgetSecured", "hosting", "note"]}
      renderFields={({ draft, setDraft, error, idPrefix }) => (
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-4">
            <Input
              label={t.peopleKept}
              hintText={t.peopleKeptHint}
              {...fieldState(error, "peopleKept")}
              nativeInputProps={{
                type: "number",
                min: 0,
                max: 1000,
                step: 1,
                inputMode: "numeric",
                value: draft.peopleKept,
                onChange: (event) => setDraft({ ...draft, peopleKept: event.target.value }),
              }}
            />
          </div>
          <div className="fr-col-12 fr-col-md-8">
            <Select
              label={t.how}
              {...fieldState(error, "arrangement")}
              nativeSelectProps={{
                value: draft.arrangement,
                onChange: (event) => setDraft({ ...draft, arrangement: event.target.value as Arrangement | "" }),
              }}
            >
              <option value="">{form.notSpecified}</option>
              {Object.entries(l.ARRANGEMENT_LABELS).map(([key, label]) => (
                <option key={key} value={key}>
                  {label}
                </option>
              ))}
            </Select>
          </div>
          <div className="fr-col-12 fr-col-md-6">
            <RadioButtons
              legend={t.time}
              name={`${idPrefix}-temps`}
              orientation="horizontal"
              {...fieldState(error, "timeShare")}
              options={[
                {
                  label: form.notSpecified,
                  nativeInputProps: { checked: draft.timeShare === "", onChange: () => setDraft({ ...draft, timeShare: "" }) },
                },
                ...(Object.keys(l.TIME_SHARE_LABELS) as TimeShare[]).map((key) => ({
                  label: l.TIME_SHARE_LABELS[key],
                  nativeInputProps: { checked: draft.timeShare === key, onChange: () => setDraft({ ...draft, timeShare: key }) },
                })),
              ]}
            />
          </div>
          <div className="fr-col-12 fr-col-md-6">
            <Checkbox
              legend={t.budget}
              {...fieldState(error, "budgetSecured")}
              options={[
                {
                  label: t.budgetSecured,
                  hintText: t.budgetHint,
                  nativeInputProps: {
                    checked: draft.budgetSecured,
                    onChange: (event) => setDraft({ ...draft, budgetSecured: event.target.checked }),
                  },
                },
              ]}
            />
          </div>
          <div className="fr-col-12">
            <Input
              label={t.hosting}
              hintText={t.hostingHint}
              {...fieldState(error, "hosting")}
              nativeInputProps={{
                value: draft.hosting,
                onChange: (event) => setDraft({ ...draft, hosting: event.target.value }),
              }}
            />
            <CountedTextArea
              label={form.noteOptional}
              max={NOTE_MAX}
              rows={2}
              {...fieldState(error, "note")}
              value={draft.note}
              onChange={(note) => setDraft({ ...draft, note })}
            />
          </div>
        </div>
      )}
      renderItem={(resource) => (
        <>
          <p className="fr-mb-1v">{resourceSummary(i18n, resource)}</p>
          {resource.note && <p className="fr-text--sm fr-mb-0">{resource.note}</p>}
        </>
      )}
    />
  );
}
