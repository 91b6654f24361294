import Alert from "@codegouvfr/react-dsfr/Alert";
import Button from "@codegouvfr/react-dsfr/Button";
import Checkbox from "@codegouvfr/react-dsfr/Checkbox";
import Input from "@codegouvfr/react-dsfr/Input";
import RadioButtons from "@codegouvfr/react-dsfr/RadioButtons";
import { useId, useRef, useState, type FormEvent } from "react";
import type { ChallengeDetail, OutcomeEntry } from "@shared/challenge";
import { EARLIEST_REPORT_DATE, parisDate } from "@shared/dates";
import { OUTCOME_CATEGORIES, SUSTAINABILITY_PATHS, type OutcomeCategory, type SustainabilityPath } from "@shared/domain";
import { CountedTextArea } from "../../../../components/counted-text-area";
import { useI18n, type I18n } from "../../../../i18n/use-i18n";
import { NOTE_MAX, type OutcomeUpdate } from "@shared/writes";
import { outcomeConflictOf, useSaveOutcome, type OutcomeConflict } from "../../api/outcome-write";
import { fieldState, focusFirstProblem, focusSoon, FormProblem, LiveNotice, orUndefined } from "./form-kit";

interface Draft {
  categories: OutcomeCategory[];
  path: SustainabilityPath | "";
  note: string;
  asOf: string;
}

const draftOf = (outcome: OutcomeEntry | null): Draft => ({
  categories: outcome?.categories ?? [],
  path: outcome?.path ?? "",
  note: outcome?.note ?? "",
  asOf: parisDate(),
});

const bodyOf = (draft: Draft): OutcomeUpdate => ({
  categories: draft.categories,
  path: draft.path === "" ? null : draft.path,
  note: orUndefined(draft.note) ?? null,
  asOf: orUndefined(draft.asOf),
});

const FIELDS = ["categories", "path", "note", "asOf"];

export function OutcomeForm({ challenge }: { challenge: ChallengeDetail }) {
  const { t: { edit: { outcome: t, form, mode }, common: { sending } }, l, f } = useI18n();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const conflictRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const save = useSaveOutcome(challenge.slug);
  const [draft, setDraft] = useState(() => draftOf(challenge.outcomeDetail));
  // The outcome this form was filled from: the page's own writes bump the challenge's version
  // without touching the outcome, so only a different outcome is a conflict.
  const [base, setBase] = useState({ outcomeId: challenge.outcomeDetail?.id ?? null, version: challenge.version });
  const [notice, setNotice] = useState<string>();
  const conflict = outcomeConflictOf(save.error);

  const send = (version: number) => {
    setNotice(undefined);
    save.mutate(
      { body: bodyOf(draft), version },
      {
        onSuccess: ({ changed, outcome, version: newVersion }) => {
          setBase({ outcomeId: outcome.id, version: newVersion });
          setNotice(changed ? t.saved(f.date(outcome.asOf)) : t.unchanged);
          // Re-applied from the conflict alert, which is gone: back to the section.
          if (!formRef.current?.contains(document.activeElement)) focusSoon(() => headingRef.current);
        },
        onError: (error) => {
          if (outcomeConflictOf(error)) focusSoon(() => conflictRef.current);
          else focusFirstProblem(formRef.current);
        },
      },
    );
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const currentId = challenge.outcomeDetail?.id ?? null;
    send(currentId === base.outcomeId ? challenge.version : base.version);
  };

  const keepCurrent = (current: OutcomeConflict) => {
    setDraft(draftOf(current.outcome));
    setBase({ outcomeId: current.outcome?.id ?? null, version: current.version });
    save.reset();
    setNotice(t.keptCurrent);
    focusSoon(() => formRef.current?.querySelector("input"));
  };

  return (
    <section aria-labelledby="maj-resultat" className="fr-mb-6w">
      <h3 id="maj-resultat" ref={headingRef} tabIndex={-1}>
        {mode.parts.outcome}
      </h3>
      <p>{t.intro}</p>
      {conflict && (
        <div ref={conflictRef} tabIndex={-1} className="fr-mb-3w">
          <Alert
            severity="warning"
            as="h4"
            title={t.conflictTitle}
            description={
              <ConflictDetail
                current={conflict.outcome}
                mine={draft}
                onApply={() => send(conflict.version)}
                onKeep={() => keepCurrent(conflict)}
                pending={save.isPending}
              />
            }
          />
        </div>
      )}
      <form ref={formRef} aria-labelledby="maj-resultat" noValidate onSubmit={submit} className="edit-card">
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-6">
            <Checkbox
              legend={t.categories}
              hintText={t.categoriesHint}
              {...fieldState(save.error, "categories")}
              options={OUTCOME_CATEGORIES.map((category) => ({
                label: l.OUTCOME_LABELS[category],
                nativeInputProps: {
                  name: `${id}-categories`,
                  value: category,
                  checked: draft.categories.includes(category),
                  onChange: (event) =>
                    setDraft({
                      ...draft,
                      categories: event.target.checked
                        ? OUTCOME_CATEGORIES.filter((c) => c === category || draft.categories.includes(c))
                        : draft.categories.filter((c) => c !== category),
                    }),
                },
              }))}
            />
          </div>
          <div className="fr-col-12 fr-col-md-6">
            <RadioButtons
              legend={t.path}
              name={`${id}-voie`}
              {...fieldState(save.error, "path")}
              options={[
                {
                  label: form.notSpecified,
                  nativeInputProps: { value: "", checked: draft.path === "", onChange: () => setDraft({ ...draft, path: "" }) },
                },
                ...SUSTAINABILITY_PATHS.map((path) => ({
                  label: l.PATH_LABELS[path],
                  nativeInputProps: { value: path, checked: draft.path === path, onChange: () => setDraft({ ...draft, path }) },
                })),
              ]}
            />
          </div>
        </div>
        <CountedTextArea
          label={form.noteOptional}
          hintText={t.noteHint}
          max={NOTE_MAX}
          {...fieldState(save.error, "note")}
          value={draft.note}
          onChange={(note) => setDraft({ ...draft, note })}
        />
        <Input
          className="date-field"
          label={form.situationDate}
          hintText={t.dateHint}
          {...fieldState(save.error, "asOf")}
          nativeInputProps={{
            type: "date",
            value: draft.asOf,
            min: EARLIEST_REPORT_DATE,
            max: parisDate(),
            onChange: (event) => setDraft({ ...draft, asOf: event.target.value }),
          }}
        />
        {!conflict && <FormProblem error={save.error} fields={FIELDS} />}
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? sending : t.submit}
        </Button>
        <LiveNotice message={notice} />
      </form>
    </section>
  );
}

function describe(
  { t, l }: I18n,
  outcome: { categories: OutcomeCategory[]; path: SustainabilityPath | null; note: string | null },
) {
  return {
    categories:
      outcome.categories.length === 0 ? t.edit.outcome.none : outcome.categories.map((c) => l.OUTCOME_LABELS[c]).join(t.common.listSeparator),
    path: outcome.path ? l.PATH_LABELS[outcome.path] : t.edit.form.notSpecified,
    note: outcome.note || "—",
  };
}

/** Side by side: what is now recorded (by whom, when) and what the mentor was about to save. */
function ConflictDetail({
  current,
  mine,
  onApply,
  onKeep,
  pending,
}: {
  current: OutcomeEntry | null;
  mine: Draft;
  onApply: () => void;
  onKeep: () => void;
  pending: boolean;
}) {
  const i18n = useI18n();
  const { t: { edit: { outcome: t } }, l, f } = i18n;
  const theirs = current ? describe(i18n, current) : undefined;
  const yours = describe(i18n, { categories: mine.categories, path: mine.path || null, note: mine.note.trim() || null });
  const rows: [string, keyof typeof yours][] = [
    [t.categoriesRow, "categories"],
    [t.path, "path"],
    [t.noteRow, "note"],
  ];
  return (
    <>
      <p className="fr-mb-2w">
        {current
          ? t.otherRecorded(current.authorName, f.date(current.asOf))
          : t.removed(l.NO_OUTCOME_LABEL)}
      </p>
      <div className="conflict-compare fr-mb-2w" role="group" aria-label={t.differences}>
        <div>
          <h5 className="fr-h6 fr-mb-1w">{t.recordedVersion}</h5>
          <dl>
            {rows.map(([label, key]) => (
              <div key={key}>
                <dt>{label}</dt>
                <dd>{theirs ? theirs[key] : "—"}</dd>
              </div>
            ))}
          </dl>
        </div>
        <div>
          <h5 className="fr-h6 fr-mb-1w">{t.yourInput}</h5>
          <dl>
            {rows.map(([label, key]) => (
              <div key={key}>
                <dt>
                  {label}
                  {theirs?.[key] !== yours[key] && <span className="conflict-diff">{t.differs}</span>}
                </dt>
                <dd>{yours[key]}</dd>
              </div>
            ))}
          </dl>
        </div>
      </div>
      <div className="button-row">
        <Button size="small" onClick={onApply} disabled={pending}>
          {t.apply}
        </Button>
        <Button size="small" priority="secondary" onClick={onKeep}>
          {t.keep}
        </Button>
      </div>
    </>
  );
}
