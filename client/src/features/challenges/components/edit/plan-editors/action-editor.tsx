import Input from "@codegouvfr/react-dsfr/Input";
import Select from "@codegouvfr/react-dsfr/Select";
import type { Action, ChallengeDetail } from "@shared/challenge";
import { ACTION_KINDS, ACTION_STATUSES, type ActionKind, type ActionStatus } from "@shared/domain";
import { useI18n } from "../../../../../i18n/use-i18n";
import { useSetActionStatus } from "../../../api/plan-writes";
import { fieldState, orNull, orUndefined } from "../form-kit";
import { PlanList, type Reporter } from "../plan-list";

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
