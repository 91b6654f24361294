import Button from "@codegouvfr/react-dsfr/Button";
import Input from "@codegouvfr/react-dsfr/Input";
import RadioButtons from "@codegouvfr/react-dsfr/RadioButtons";
import { useId, useRef, useState, type FormEvent } from "react";
import type { ChallengeDetail } from "@shared/challenge";
import { EARLIEST_REPORT_DATE, parisDate } from "@shared/dates";
import { HTTPS_URL_PATTERN } from "@shared/common";
import { AXES, LEVELS, type Axis, type Level } from "@shared/domain";
import { NOTE_MAX } from "@shared/writes";
import { CountedTextArea } from "../../../../components/counted-text-area";
import { useI18n } from "../../../../i18n/use-i18n";
import { LevelBadge } from "../../../../components/level-badge";
import { ApiError } from "../../../../lib/api-error";
import { useConfirmStatus, useRecordStatus } from "../../api/status-writes";
import { fieldState, focusFirstProblem, FormProblem, LiveNotice, orUndefined } from "./form-kit";


export function StatusForms({ challenge }: { challenge: ChallengeDetail }) {
  const { t: { edit: { status: t, mode }, common: { sending } }, l } = useI18n();
  const confirm = useConfirmStatus(challenge.slug);
  const [notice, setNotice] = useState<string>();
  const reported = AXES.filter((axis) => challenge.status[axis] !== null);

  return (
    <section aria-labelledby="maj-statut" className="fr-mb-6w">
      <h3 id="maj-statut">{mode.parts.status}</h3>
      <p>{t.intro}</p>
      {reported.length > 1 && (
        <Button
          priority="secondary"
          iconId="fr-icon-check-line"
          disabled={confirm.isPending}
          onClick={() => {
            setNotice(undefined);
            confirm.mutate(undefined, {
              onSuccess: ({ updates }) =>
                setNotice(t.confirmedAll(updates.map((u) => l.AXIS_LABELS[u.axis]).join(", "))),
            });
          }}
        >
          {confirm.isPending ? sending : t.allStillAccurate}
        </Button>
      )}
      <FormProblem error={confirm.error} fields={[]} title={t.confirmFailed} />
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
  const { t: { edit: { status: t, form }, common }, l, f } = useI18n();
  const levelText = (level: Level) => `${level} · ${l.LEVEL_LABELS[level]}`;
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
  const axisLabel = l.AXIS_LABELS[axis];

  // A level is the one thing the form cannot do without: said here, in words, before any request.
  const [missingLevel, setMissingLevel] = useState(false);
  const error = missingLevel
    ? new ApiError({
        type: "about:blank",
        title: common.invalidRequest,
        status: 400,
        errors: [{ path: "body.level", message: t.chooseLevel }],
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
          setNotice(t.recorded(axisLabel, levelText(update.level), f.date(update.asOf)));
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
        {t.current}
        <LevelBadge status={status} />
        {status && t.currentAsOf(f.date(status.asOf))}
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
                onSuccess: () => setConfirmNotice(t.confirmed(axisLabel, levelText(status.level))),
              });
            }}
          >
            {confirm.isPending ? common.sending : t.stillAccurate}
            <span className="fr-sr-only">{t.stillAccurateFor(axisLabel, levelText(status.level))}</span>
          </Button>
          <FormProblem error={confirm.error} fields={[]} title={t.confirmFailed} />
        </>
      )}
      <LiveNotice message={confirmNotice} />
      <RadioButtons
        className="fr-mt-2w"
        legend={t.newLevel}
        name={`${id}-niveau`}
        small
        {...fieldState(error, "level")}
        options={LEVELS.map((value) => ({
          label: levelText(value),
          hintText: l.LEVEL_DEFINITIONS[axis][value],
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
      <CountedTextArea
        label={form.noteOptional}
        hintText={t.noteHint}
        max={NOTE_MAX}
        {...fieldState(error, "note")}
        value={note}
        onChange={setNote}
      />
      <Input
        label={t.evidence}
        hintText={t.evidenceHint}
        {...fieldState(error, "evidenceUrl")}
        nativeInputProps={{
          type: "url",
          value: evidenceUrl,
          inputMode: "url",
          pattern: HTTPS_URL_PATTERN,
          placeholder: "https://",
          onChange: (event) => setEvidenceUrl(event.target.value),
        }}
      />
      <Input
        label={form.situationDate}
        hintText={t.dateHint}
        {...fieldState(error, "asOf")}
        nativeInputProps={{
          type: "date",
          value: asOf,
          min: EARLIEST_REPORT_DATE,
          max: parisDate(),
          onChange: (event) => setAsOf(event.target.value),
        }}
      />
      <FormProblem error={record.error} fields={FIELDS} />
      <Button type="submit" disabled={record.isPending}>
        {record.isPending ? common.sending : t.submit}<span className="fr-sr-only">{t.submitFor(axisLabel)}</span>
      </Button>
      <LiveNotice message={notice} />
    </form>
  );
}
