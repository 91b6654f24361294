import Input from "@codegouvfr/react-dsfr/Input";
import Select from "@codegouvfr/react-dsfr/Select";
import type { Ally, ChallengeDetail } from "@shared/challenge";
import { ALLY_KINDS, type AllyKind } from "@shared/domain";
import { useI18n } from "../../../../../i18n/use-i18n";
import { fieldState, orNull, orUndefined } from "../form-kit";
import { PlanList } from "../plan-list";

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
