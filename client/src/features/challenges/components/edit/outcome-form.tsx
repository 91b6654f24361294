import Alert from "@codegouvfr/react-dsfr/Alert";
import Button from "@codegouvfr/react-dsfr/Button";
import Checkbox from "@codegouvfr/react-dsfr/Checkbox";
import Input from "@codegouvfr/react-dsfr/Input";
import RadioButtons from "@codegouvfr/react-dsfr/RadioButtons";
import { useId, useRef, useState, type FormEvent } from "react";
import type { ChallengeDetail, OutcomeEntry } from "@shared/challenge";
import { addDays, EARLIEST_REPORT_DATE, parisDate } from "@shared/dates";
import { OUTCOME_CATEGORIES, SUSTAINABILITY_PATHS, type OutcomeCategory, type SustainabilityPath } from "@shared/domain";
import { NO_OUTCOME_LABEL, OUTCOME_LABELS, PATH_LABELS } from "@shared/labels-fr";
import type { OutcomeUpdate } from "@shared/writes";
import { formatDate } from "../../../../lib/format";
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

const NOT_SPECIFIED = "Non précisé";
const FIELDS = ["categories", "path", "note", "asOf"];

export function OutcomeForm({ challenge }: { challenge: ChallengeDetail }) {
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
        onSuccess: ({ outcome, version: newVersion }) => {
          setBase({ outcomeId: outcome.id, version: newVersion });
          setNotice(`Résultat enregistré au ${formatDate(outcome.asOf)}.`);
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
    setNotice("Le formulaire reprend la version actuelle du résultat.");
    focusSoon(() => formRef.current?.querySelector("input"));
  };

  return (
    <section aria-labelledby="maj-resultat" className="fr-mb-6w">
      <h3 id="maj-resultat" ref={headingRef} tabIndex={-1}>
        Résultat
      </h3>
      <p>
        Ce que devient le défi. Plusieurs catégories peuvent s'appliquer ; chaque enregistrement est gardé dans l'historique du
        résultat.
      </p>
      {conflict && (
        <div ref={conflictRef} tabIndex={-1} className="fr-mb-3w">
          <Alert
            severity="warning"
            as="h4"
            title="Le résultat a été modifié pendant votre saisie"
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
              legend="Catégories de résultat"
              hintText="Au moins une."
              {...fieldState(save.error, "categories")}
              options={OUTCOME_CATEGORIES.map((category) => ({
                label: OUTCOME_LABELS[category],
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
              legend="Voie de pérennisation"
              name={`${id}-voie`}
              {...fieldState(save.error, "path")}
              options={[
                {
                  label: NOT_SPECIFIED,
                  nativeInputProps: { value: "", checked: draft.path === "", onChange: () => setDraft({ ...draft, path: "" }) },
                },
                ...SUSTAINABILITY_PATHS.map((path) => ({
                  label: PATH_LABELS[path],
                  nativeInputProps: { value: path, checked: draft.path === path, onChange: () => setDraft({ ...draft, path }) },
                })),
              ]}
            />
          </div>
        </div>
        <Input
          textArea
          label="Note (facultative)"
          hintText="Par exemple : qui reprend l'outil, depuis quand. 2 000 caractères au plus."
          {...fieldState(save.error, "note")}
          nativeTextAreaProps={{
            value: draft.note,
            maxLength: 2000,
            rows: 3,
            onChange: (event) => setDraft({ ...draft, note: event.target.value }),
          }}
        />
        <Input
          className="date-field"
          label="Date de la situation"
          hintText="Aujourd'hui par défaut."
          {...fieldState(save.error, "asOf")}
          nativeInputProps={{
            type: "date",
            value: draft.asOf,
            min: EARLIEST_REPORT_DATE,
            max: addDays(parisDate(), 1),
            onChange: (event) => setDraft({ ...draft, asOf: event.target.value }),
          }}
        />
        {!conflict && <FormProblem error={save.error} fields={FIELDS} />}
        <Button type="submit" disabled={save.isPending}>
          Enregistrer le résultat
        </Button>
        <LiveNotice message={notice} />
      </form>
    </section>
  );
}

function describe(outcome: { categories: OutcomeCategory[]; path: SustainabilityPath | null; note: string | null }) {
  return {
    categories: outcome.categories.length === 0 ? "Aucune" : outcome.categories.map((c) => OUTCOME_LABELS[c]).join(" ; "),
    path: outcome.path ? PATH_LABELS[outcome.path] : NOT_SPECIFIED,
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
  const theirs = current ? describe(current) : undefined;
  const yours = describe({ categories: mine.categories, path: mine.path || null, note: mine.note.trim() || null });
  const rows: [string, keyof typeof yours][] = [
    ["Catégories", "categories"],
    ["Voie de pérennisation", "path"],
    ["Note", "note"],
  ];
  return (
    <>
      <p className="fr-mb-2w">
        {current
          ? `${current.authorName} a enregistré un autre résultat (au ${formatDate(current.asOf)}) ` +
            "depuis que vous avez ouvert ce formulaire. Rien n'a été écrasé."
          : `Le résultat a été retiré depuis que vous avez ouvert ce formulaire (${NO_OUTCOME_LABEL.toLowerCase()}). ` +
            "Rien n'a été écrasé."}
      </p>
      <div className="conflict-compare fr-mb-2w" role="group" aria-label="Différences entre la version enregistrée et votre saisie">
        <div>
          <h5 className="fr-h6 fr-mb-1w">Version enregistrée</h5>
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
          <h5 className="fr-h6 fr-mb-1w">Votre saisie</h5>
          <dl>
            {rows.map(([label, key]) => (
              <div key={key}>
                <dt>
                  {label}
                  {theirs?.[key] !== yours[key] && <span className="conflict-diff"> (diffère)</span>}
                </dt>
                <dd>{yours[key]}</dd>
              </div>
            ))}
          </dl>
        </div>
      </div>
      <div className="button-row">
        <Button size="small" onClick={onApply} disabled={pending}>
          Appliquer mon choix sur la nouvelle version
        </Button>
        <Button size="small" priority="secondary" onClick={onKeep}>
          Garder la version enregistrée
        </Button>
      </div>
    </>
  );
}
