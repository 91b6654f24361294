import Badge from "@codegouvfr/react-dsfr/Badge";
import Button from "@codegouvfr/react-dsfr/Button";
import Checkbox from "@codegouvfr/react-dsfr/Checkbox";
import Input from "@codegouvfr/react-dsfr/Input";
import RadioButtons from "@codegouvfr/react-dsfr/RadioButtons";
import Select from "@codegouvfr/react-dsfr/Select";
import type { Action, Ally, ChallengeDetail, Resource, Scenario } from "@shared/challenge";
import { ACTION_KINDS, ACTION_STATUSES, ALLY_KINDS, type ActionKind, type ActionStatus, type AllyKind } from "@shared/domain";
import { ACTION_KIND_LABELS, ACTION_STATUS_LABELS, ALLY_KIND_LABELS } from "@shared/labels-fr";
import { MAX_SCENARIOS } from "@shared/writes";
import { formatDate } from "../../../../lib/format";
import { usePatchPlanItem, useSetActionStatus } from "../../api/plan-writes";
import { resourceSummary, SCENARIO_TEXTS, ScenarioDetails } from "../plan-display";
import { ARRANGEMENT_LABELS, TIME_SHARE_LABELS } from "@shared/labels-fr";
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
const actionName = (action: Action) => `l'action « ${action.title} »`;

export function ActionsEditor({ challenge }: { challenge: ChallengeDetail }) {
  const scenarioTitle = new Map(challenge.scenarios.map((scenario) => [scenario.id, scenario.title]));
  return (
    <PlanList<"actions", ActionDraft>
      slug={challenge.slug}
      kind="actions"
      items={challenge.actions}
      title="Actions de pérennisation"
      intro={
        <p>
          Communication (démos, articles, tests utilisateurs), ressources (moyens techniques et humains à documenter),
          coordination (recrutements, prolongations, partenariats). Le statut s'enregistre dès qu'il est changé.
        </p>
      }
      emptyText="Aucune action enregistrée."
      nameOf={actionName}
      feminine
      addTitle="Ajouter une action"
      addButton="Ajouter l'action"
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
              label="Intitulé"
              {...fieldState(error, "title")}
              nativeInputProps={{ value: draft.title, maxLength: 200, onChange: (event) => setDraft({ ...draft, title: event.target.value }) }}
            />
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <Select
              label="Type d'action"
              {...fieldState(error, "kind")}
              nativeSelectProps={{ value: draft.kind, onChange: (event) => setDraft({ ...draft, kind: event.target.value as ActionKind }) }}
            >
              {ACTION_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {ACTION_KIND_LABELS[kind]}
                </option>
              ))}
            </Select>
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <Select
              label="Statut"
              {...fieldState(error, "status")}
              nativeSelectProps={{
                value: draft.status,
                onChange: (event) => setDraft({ ...draft, status: event.target.value as ActionStatus }),
              }}
            >
              {ACTION_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {ACTION_STATUS_LABELS[status]}
                </option>
              ))}
            </Select>
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <Input
              label="Échéance (facultative)"
              {...fieldState(error, "dueOn")}
              nativeInputProps={{ type: "date", value: draft.dueOn, onChange: (event) => setDraft({ ...draft, dueOn: event.target.value }) }}
            />
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <Input
              label="Porteur (facultatif)"
              {...fieldState(error, "owner")}
              nativeInputProps={{ value: draft.owner, maxLength: 120, onChange: (event) => setDraft({ ...draft, owner: event.target.value }) }}
            />
          </div>
          {challenge.scenarios.length > 0 && (
            <div className="fr-col-12">
              <Select
                label="Scénario concerné (facultatif)"
                {...fieldState(error, "scenarioId")}
                nativeSelectProps={{ value: draft.scenarioId, onChange: (event) => setDraft({ ...draft, scenarioId: event.target.value }) }}
              >
                <option value="">Aucun scénario en particulier</option>
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
              ACTION_KIND_LABELS[action.kind],
              action.dueOn && `échéance le ${formatDate(action.dueOn)}`,
              action.owner && `porteur : ${action.owner}`,
              action.scenarioId !== null && scenarioTitle.has(action.scenarioId) && `scénario : ${scenarioTitle.get(action.scenarioId)}`,
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
  const setStatus = useSetActionStatus(slug);
  return (
    <Select
      className="plan-item__status"
      label={
        <>
          Statut<span className="fr-sr-only"> de {actionName(action)}</span>
        </>
      }
      nativeSelectProps={{
        value: action.status,
        onChange: (event) => {
          const status = event.target.value as ActionStatus;
          setStatus.mutate(
            { id: action.id, status },
            {
              onSuccess: () => report.success(`Statut de ${actionName(action)} : ${ACTION_STATUS_LABELS[status]}.`),
              onError: report.failure,
            },
          );
        },
      }}
    >
      {ACTION_STATUSES.map((status) => (
        <option key={status} value={status}>
          {ACTION_STATUS_LABELS[status]}
        </option>
      ))}
    </Select>
  );
}

// ---------------------------------------------------------------- scenarios

interface ScenarioDraft extends Record<(typeof SCENARIO_TEXTS)[number][0], string> {
  title: string;
  preferred: boolean;
  isStop: boolean;
}

const scenarioName = (scenario: Scenario) => `le scénario « ${scenario.title} »`;

export function ScenariosEditor({ challenge }: { challenge: ChallengeDetail }) {
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
      title="Scénarios"
      intro={
        <p>
          Jusqu'à {MAX_SCENARIOS} scénarios de pérennisation et un scénario d'arrêt, chacun avec ses besoins, ses ressources,
          sa gouvernance et son calendrier. Un seul est le scénario préféré.
        </p>
      }
      emptyText="Aucun scénario enregistré."
      nameOf={scenarioName}
      feminine={false}
      addTitle="Ajouter un scénario"
      addButton="Ajouter le scénario"
      addBlocked={
        ordinary >= MAX_SCENARIOS && stop
          ? `Ce défi a déjà ${MAX_SCENARIOS} scénarios et un scénario d'arrêt : modifiez ou supprimez-en un pour en ajouter un autre.`
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
              label="Intitulé"
              {...fieldState(error, "title")}
              nativeInputProps={{ value: draft.title, maxLength: 200, onChange: (event) => setDraft({ ...draft, title: event.target.value }) }}
            />
            <div className="fr-grid-row fr-grid-row--gutters">
              {SCENARIO_TEXTS.map(([field, label]) => (
                <div key={field} className="fr-col-12 fr-col-md-6">
                  <Input
                    textArea
                    label={`${label} (facultatif)`}
                    {...fieldState(error, field)}
                    nativeTextAreaProps={{
                      value: draft[field],
                      maxLength: 4000,
                      rows: 3,
                      onChange: (event) => setDraft({ ...draft, [field]: event.target.value }),
                    }}
                  />
                </div>
              ))}
            </div>
            <Checkbox
              legend="Nature du scénario"
              hintText={
                otherStop
                  ? "Ce défi a déjà un scénario d'arrêt."
                  : ordinaryFull
                    ? `Ce défi a déjà ${MAX_SCENARIOS} scénarios : un nouveau ne peut être qu'un scénario d'arrêt.`
                    : undefined
              }
              {...fieldState(error, "preferred")}
              options={[
                {
                  label: "Scénario préféré",
                  hintText: "Remplace le scénario préféré actuel, s'il y en a un.",
                  nativeInputProps: { checked: draft.preferred, onChange: (event) => setDraft({ ...draft, preferred: event.target.checked }) },
                },
                {
                  label: "Scénario d'arrêt",
                  hintText: "Ce qui se passe si le défi n'est pas poursuivi.",
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
                Scénario préféré
              </Badge>
            )}{" "}
            {scenario.isStop && (
              <Badge as="span" small severity="warning" noIcon>
                Scénario d'arrêt
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
  const patch = usePatchPlanItem("scenarios");
  return (
    <Button
      size="small"
      priority="tertiary"
      iconId="fr-icon-star-line"
      disabled={patch.isPending}
      onClick={() =>
        patch.mutate(
          { id: scenario.id, patch: { preferred: true } },
          {
            onSuccess: () => report.success(`Le scénario « ${scenario.title} » est désormais le scénario préféré.`),
            onError: report.failure,
          },
        )
      }
    >
      En faire le scénario préféré<span className="fr-sr-only"> : {scenario.title}</span>
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
  return (
    <PlanList<"allies", AllyDraft>
      slug={challenge.slug}
      kind="allies"
      items={challenge.allies}
      title="Alliés"
      intro={<p>Qui soutient la suite du défi : DSI, direction métier, appuis stratégiques, programmes.</p>}
      emptyText="Aucun allié enregistré."
      nameOf={(ally: Ally) => `l'allié « ${ally.name} »`}
      feminine={false}
      addTitle="Ajouter un allié"
      addButton="Ajouter l'allié"
      emptyDraft={emptyAlly}
      draftOf={(ally) => ({ name: ally.name, kind: ally.kind, role: ally.role ?? "" })}
      toCreate={(draft) => ({ name: draft.name, kind: draft.kind, role: orUndefined(draft.role) })}
      toPatch={(draft) => ({ name: draft.name, kind: draft.kind, role: orNull(draft.role) })}
      fields={["name", "kind", "role"]}
      renderFields={({ draft, setDraft, error }) => (
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-6">
            <Input
              label="Nom"
              hintText="Une direction, un service, une personne morale."
              {...fieldState(error, "name")}
              nativeInputProps={{ value: draft.name, maxLength: 200, onChange: (event) => setDraft({ ...draft, name: event.target.value }) }}
            />
          </div>
          <div className="fr-col-12 fr-col-md-6">
            <Select
              label="Type d'allié"
              hint="Pour regrouper les alliés."
              {...fieldState(error, "kind")}
              nativeSelectProps={{ value: draft.kind, onChange: (event) => setDraft({ ...draft, kind: event.target.value as AllyKind }) }}
            >
              {ALLY_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {ALLY_KIND_LABELS[kind]}
                </option>
              ))}
            </Select>
          </div>
          <div className="fr-col-12">
            <Input
              label="Rôle (facultatif)"
              hintText="Ce que cet allié apporte ou décide."
              {...fieldState(error, "role")}
              nativeInputProps={{ value: draft.role, maxLength: 500, onChange: (event) => setDraft({ ...draft, role: event.target.value }) }}
            />
          </div>
        </div>
      )}
      renderItem={(ally) => (
        <p className="fr-mb-0">
          <strong>{ally.name}</strong> ({ALLY_KIND_LABELS[ally.kind]}){ally.role && <> : {ally.role}</>}
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
  return (
    <PlanList<"resources", ResourceDraft>
      slug={challenge.slug}
      kind="resources"
      items={challenge.resources}
      title="Moyens après le programme"
      intro={
        <p>
          La priorité du programme : garder des développeurs et des data scientists sur les livrables après le programme.
          Indiquez qui reste, comment, à quel temps, avec quel budget et quel hébergement.
        </p>
      }
      emptyText="Aucun moyen enregistré pour l'après-programme."
      nameOf={(resource: Resource) => `le moyen « ${resourceSummary(resource)} »`}
      feminine={false}
      addTitle="Ajouter un moyen"
      addButton="Ajouter le moyen"
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
              label="Personnes gardées"
              hintText="Sur les livrables, après le programme."
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
              label="Comment"
              {...fieldState(error, "arrangement")}
              nativeSelectProps={{
                value: draft.arrangement,
                onChange: (event) => setDraft({ ...draft, arrangement: event.target.value as Arrangement | "" }),
              }}
            >
              <option value="">Non précisé</option>
              {Object.entries(ARRANGEMENT_LABELS).map(([key, label]) => (
                <option key={key} value={key}>
                  {label}
                </option>
              ))}
            </Select>
          </div>
          <div className="fr-col-12 fr-col-md-6">
            <RadioButtons
              legend="Temps consacré"
              name={`${idPrefix}-temps`}
              orientation="horizontal"
              {...fieldState(error, "timeShare")}
              options={[
                {
                  label: "Non précisé",
                  nativeInputProps: { checked: draft.timeShare === "", onChange: () => setDraft({ ...draft, timeShare: "" }) },
                },
                ...(Object.keys(TIME_SHARE_LABELS) as TimeShare[]).map((key) => ({
                  label: TIME_SHARE_LABELS[key],
                  nativeInputProps: { checked: draft.timeShare === key, onChange: () => setDraft({ ...draft, timeShare: key }) },
                })),
              ]}
            />
          </div>
          <div className="fr-col-12 fr-col-md-6">
            <Checkbox
              legend="Budget"
              {...fieldState(error, "budgetSecured")}
              options={[
                {
                  label: "Budget assuré",
                  hintText: "Le financement de ces moyens est acquis.",
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
              label="Hébergement (facultatif)"
              hintText="Par exemple : DSI du ministère, prestataire, offre d'hébergement interministérielle."
              {...fieldState(error, "hosting")}
              nativeInputProps={{
                value: draft.hosting,
                maxLength: 500,
                onChange: (event) => setDraft({ ...draft, hosting: event.target.value }),
              }}
            />
            <Input
              textArea
              label="Note (facultative)"
              {...fieldState(error, "note")}
              nativeTextAreaProps={{
                value: draft.note,
                maxLength: 2000,
                rows: 2,
                onChange: (event) => setDraft({ ...draft, note: event.target.value }),
              }}
            />
          </div>
        </div>
      )}
      renderItem={(resource) => (
        <>
          <p className="fr-mb-1v">{resourceSummary(resource)}</p>
          {resource.note && <p className="fr-text--sm fr-mb-0">{resource.note}</p>}
        </>
      )}
    />
  );
}
