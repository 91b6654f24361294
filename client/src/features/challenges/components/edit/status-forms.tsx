import Button from "@codegouvfr/react-dsfr/Button";
import Input from "@codegouvfr/react-dsfr/Input";
import RadioButtons from "@codegouvfr/react-dsfr/RadioButtons";
import { useId, useRef, useState, type FormEvent } from "react";
import type { ChallengeDetail } from "@shared/challenge";
import { addDays, EARLIEST_REPORT_DATE, parisDate } from "@shared/dates";
import { AXES, LEVELS, type Axis, type Level } from "@shared/domain";
import { AXIS_LABELS, LEVEL_DEFINITIONS, LEVEL_LABELS } from "@shared/labels-fr";
import { LevelBadge } from "../../../../components/level-badge";
import { ApiError } from "../../../../lib/api-client";
import { formatDate } from "../../../../lib/format";
import { useConfirmStatus, useRecordStatus } from "../../api/status-writes";
import { fieldState, focusFirstProblem, FormProblem, LiveNotice, orUndefined } from "./form-kit";

const levelText = (level: Level) => `${level} · ${LEVEL_LABELS[level]}`;

export function StatusForms({ challenge }: { challenge: ChallengeDetail }) {
  const confirm = useConfirmStatus(challenge.slug);
  const [notice, setNotice] = useState<string>();
  const reported = AXES.filter((axis) => challenge.status[axis] !== null);

  return (
    <section aria-labelledby="maj-statut" className="fr-mb-6w">
      <h3 id="maj-statut">Niveau par axe</h3>
      <p>
        Enregistrez un nouveau niveau quand la situation change. Si rien n'a changé, « Toujours exact » le confirme à la
        date du jour : le défi n'apparaît plus comme à actualiser.
      </p>
      {reported.length > 1 && (
        <Button
          priority="secondary"
          iconId="fr-icon-check-line"
          disabled={confirm.isPending}
          onClick={() => {
            setNotice(undefined);
            confirm.mutate(undefined, {
              onSuccess: ({ updates }) =>
                setNotice(`Niveaux confirmés à la date du jour : ${updates.map((u) => AXIS_LABELS[u.axis]).join(", ")}.`),
            });
          }}
        >
          Tout est toujours exact
        </Button>
      )}
      <FormProblem error={confirm.error} fields={[]} title="La confirmation a échoué" />
      <LiveNotice message={notice} />
      <div className="fr-grid-row fr-grid-row--gutters fr-mt-1w">
        {AXES.map((axis) => (
          <div key={axis} className="fr-col-12 fr-col-lg-4">
            <AxisStatusForm challenge={challenge} axis={axis} />
          </div>
        ))}
      </div>
    </section>
  );
}

const FIELDS = ["level", "note", "evidenceUrl", "asOf"];

function AxisStatusForm({ challenge, axis }: { challenge: ChallengeDetail; axis: Axis }) {
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const record = useRecordStatus(challenge.slug);
  const confirm = useConfirmStatus(challenge.slug);
  const [level, setLevel] = useState<Level>();
  const [note, setNote] = useState("");
  const [evidenceUrl, setEvidenceUrl] = useState("");
  const [asOf, setAsOf] = useState(parisDate);
  const [notice, setNotice] = useState<string>();
  const [confirmNotice, setConfirmNotice] = useState<string>();
  const status = challenge.status[axis];
  const axisLabel = AXIS_LABELS[axis];

  // A level is the one thing the form cannot do without: said here, in words, before any request.
  const [missingLevel, setMissingLevel] = useState(false);
  const error = missingLevel
    ? new ApiError({
        type: "about:blank",
        title: "Requête invalide",
        status: 400,
        errors: [{ path: "body.level", message: "Choisissez un niveau." }],
      })
    : record.error;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setNotice(undefined);
    setConfirmNotice(undefined);
    record.reset();
    if (level === undefined) {
      setMissingLevel(true);
      focusFirstProblem(formRef.current);
      return;
    }
    setMissingLevel(false);
    record.mutate(
      { axis, level, note: orUndefined(note), evidenceUrl: orUndefined(evidenceUrl), asOf: orUndefined(asOf) },
      {
        onSuccess: (update) => {
          setNotice(`${axisLabel} : niveau ${levelText(update.level)} enregistré au ${formatDate(update.asOf)}.`);
          setLevel(undefined);
          setNote("");
          setEvidenceUrl("");
          setAsOf(parisDate());
        },
        onError: () => focusFirstProblem(formRef.current),
      },
    );
  };

  return (
    <form ref={formRef} aria-labelledby={`${id}-titre`} noValidate onSubmit={submit} className="edit-card">
      <h4 id={`${id}-titre`} className="fr-h6 fr-mb-1w">
        {axisLabel}
      </h4>
      <p className="fr-text--sm fr-mb-1w">
        Niveau actuel : <LevelBadge status={status} />
        {status && <> au {formatDate(status.asOf)}</>}
      </p>
      {status && (
        <>
          <Button
            type="button"
            size="small"
            priority="secondary"
            iconId="fr-icon-check-line"
            disabled={confirm.isPending}
            onClick={() => {
              setConfirmNotice(undefined);
              confirm.mutate([axis], {
                onSuccess: () => setConfirmNotice(`${axisLabel} : niveau ${levelText(status.level)} confirmé à la date du jour.`),
              });
            }}
          >
            Toujours exact
            <span className="fr-sr-only">
              {" "}
              : {axisLabel} reste au niveau {levelText(status.level)}
            </span>
          </Button>
          <FormProblem error={confirm.error} fields={[]} title="La confirmation a échoué" />
        </>
      )}
      <LiveNotice message={confirmNotice} />
      <RadioButtons
        className="fr-mt-2w"
        legend="Nouveau niveau"
        name={`${id}-niveau`}
        small
        {...fieldState(error, "level")}
        options={LEVELS.map((value) => ({
          label: levelText(value),
          hintText: LEVEL_DEFINITIONS[axis][value],
          nativeInputProps: {
            value,
            checked: level === value,
            onChange: () => {
              setLevel(value);
              setMissingLevel(false);
            },
          },
        }))}
      />
      <Input
        textArea
        label="Note (facultative)"
        hintText="Ce qui justifie ce niveau. 2 000 caractères au plus."
        {...fieldState(error, "note")}
        nativeTextAreaProps={{ value: note, maxLength: 2000, rows: 3, onChange: (event) => setNote(event.target.value) }}
      />
      <Input
        label="Lien vers un justificatif (facultatif)"
        hintText="Adresse commençant par https://"
        {...fieldState(error, "evidenceUrl")}
        nativeInputProps={{ type: "url", value: evidenceUrl, inputMode: "url", onChange: (event) => setEvidenceUrl(event.target.value) }}
      />
      <Input
        label="Date de la situation"
        hintText="Aujourd'hui par défaut ; une date passée si le niveau était atteint plus tôt."
        {...fieldState(error, "asOf")}
        nativeInputProps={{
          type: "date",
          value: asOf,
          min: EARLIEST_REPORT_DATE,
          max: addDays(parisDate(), 1),
          onChange: (event) => setAsOf(event.target.value),
        }}
      />
      <FormProblem error={record.error} fields={FIELDS} />
      <Button type="submit" disabled={record.isPending}>
        Enregistrer le niveau<span className="fr-sr-only"> : {axisLabel}</span>
      </Button>
      <LiveNotice message={notice} />
    </form>
  );
}
