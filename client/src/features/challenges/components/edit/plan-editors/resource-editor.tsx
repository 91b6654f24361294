import Checkbox from "@codegouvfr/react-dsfr/Checkbox";
import Input from "@codegouvfr/react-dsfr/Input";
import RadioButtons from "@codegouvfr/react-dsfr/RadioButtons";
import Select from "@codegouvfr/react-dsfr/Select";
import type { ChallengeDetail, Resource } from "@shared/challenge";
import { NOTE_MAX } from "@shared/writes";
import { CountedTextArea } from "../../../../../components/counted-text-area";
import { useI18n } from "../../../../../i18n/use-i18n";
import { resourceSummary } from "../../plan-display";
import type { ResourceArrangement as Arrangement, TimeShare } from "@shared/domain";
import { fieldState, orNull, orUndefined } from "../form-kit";
import { PlanList } from "../plan-list";

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
