import Alert from "@codegouvfr/react-dsfr/Alert";
import Button from "@codegouvfr/react-dsfr/Button";
import Input from "@codegouvfr/react-dsfr/Input";
import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import type { Snapshot } from "@shared/snapshot";
import { useSnapshots } from "../../../api/snapshots";
import { DsfrTable } from "../../../components/dsfr-table";
import { ErrorAlert, Loading } from "../../../components/query-state";
import { useI18n } from "../../../i18n/use-i18n";
import { ApiError } from "../../../lib/api-error";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { useDeleteSnapshot, useTakeSnapshot } from "../api/snapshot-writes";
import { ActionNoticeArea, type ActionNotice } from "../../../components/action-notice";


/** Admin: take, list and delete the snapshots evaluators cite. */
export default function SnapshotsPage() {
  const { t } = useI18n();
  useDocumentTitle(t.admin.pageTitle(t.snapshots.title));
  const snapshots = useSnapshots();
  const [notice, setNotice] = useState<ActionNotice>();

  return (
    <>
      <h1>{t.snapshots.title}</h1>
      <p>{t.snapshots.intro}</p>
      <ActionNoticeArea notice={notice} onClose={() => setNotice(undefined)} />
      <TakeSnapshotForm onNotice={setNotice} />
      {snapshots.isPending && <Loading label={t.snapshots.loading} />}
      {snapshots.isError && <ErrorAlert error={snapshots.error} />}
      {snapshots.data && snapshots.data.length === 0 && <p className="fr-mt-4w">{t.snapshots.none}</p>}
      {snapshots.data && snapshots.data.length > 0 && <SnapshotsTable snapshots={snapshots.data} onNotice={setNotice} />}
    </>
  );
}

function TakeSnapshotForm({ onNotice }: { onNotice: (notice: ActionNotice) => void }) {
  const { t: { snapshots: t, common: { sending } } } = useI18n();
  const take = useTakeSnapshot();
  const [name, setName] = useState("");
  const problem = take.error instanceof ApiError ? take.error : undefined;
  const message = problem?.fieldError("body.name") ?? (problem && !problem.problem.errors ? problem.message : undefined);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    take.mutate(
      { name },
      {
        onSuccess: (snapshot) => {
          setName("");
          onNotice({ severity: "success", title: t.taken(snapshot.name) });
        },
      },
    );
  };

  return (
    <section className="fr-mt-4w" aria-labelledby="take-snapshot-title">
      <h2 id="take-snapshot-title">{t.take}</h2>
      <form onSubmit={submit} noValidate className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
        <div className="fr-col-12 fr-col-md-8">
          <Input
            label={t.name}
            hintText={t.nameHint}
            {...(message ? { state: "error" as const, stateRelatedMessage: message } : {})}
            nativeInputProps={{ value: name, onChange: (event) => setName(event.target.value), autoComplete: "off", maxLength: 120 }}
          />
        </div>
        <div className="fr-col-12 fr-col-md-4 fr-mb-3w">
          <Button type="submit" iconId="fr-icon-camera-line" disabled={take.isPending}>
            {take.isPending ? sending : t.submit}
          </Button>
        </div>
      </form>
    </section>
  );
}

function SnapshotsTable({ snapshots, onNotice }: { snapshots: Snapshot[]; onNotice: (notice: ActionNotice) => void }) {
  const { t: { snapshots: t }, f } = useI18n();
  const remove = useDeleteSnapshot();
  const [confirming, setConfirming] = useState<number>();

  const confirmRemove = (snapshot: Snapshot) =>
    remove.mutate(snapshot.id, {
      onSuccess: () => {
        setConfirming(undefined);
        onNotice({ severity: "success", title: t.removed(snapshot.name) });
      },
      onError: (error) => onNotice({ severity: "error", title: t.refused, description: error.message }),
    });

  const pending = snapshots.find((snapshot) => snapshot.id === confirming);
  return (
    <section className="fr-mt-4w" aria-labelledby="snapshots-list-title">
      <h2 id="snapshots-list-title">{t.tableCaption}</h2>
      <div aria-live="assertive">
        {pending && (
          <Alert
            severity="warning"
            className="fr-mb-3w"
            title={t.removeOf(pending.name)}
            description={
              <>
                <span className="fr-mb-2w" style={{ display: "block" }}>
                  {t.confirmRemove(pending.name)}
                </span>
                <Button size="small" iconId="fr-icon-delete-line" className="fr-mr-2w" onClick={() => confirmRemove(pending)} disabled={remove.isPending}>
                  {t.confirm}
                </Button>
                <Button size="small" priority="secondary" onClick={() => setConfirming(undefined)}>
                  {t.cancel}
                </Button>
              </>
            }
          />
        )}
      </div>
      <DsfrTable caption={t.tableCaption} scrollLabel={t.tableCaption}>
        <thead>
          <tr>
            <th scope="col">{t.name}</th>
            <th scope="col">{t.takenAt}</th>
            <th scope="col">{t.takenBy}</th>
            <th scope="col">{t.challenges}</th>
            <th scope="col">{t.methodology}</th>
            <th scope="col">{t.actions}</th>
          </tr>
        </thead>
        <tbody>
          {snapshots.map((snapshot) => (
            <tr key={snapshot.id}>
              <th scope="row">{snapshot.name}</th>
              <td>{f.instant(snapshot.takenAt)}</td>
              <td>{snapshot.takenBy ?? "—"}</td>
              <td>{f.integer(snapshot.challengeCount)}</td>
              <td>v{snapshot.methodologyVersion}</td>
              <td>
                <Link className="fr-link fr-link--sm fr-mr-2w" to={`/?snapshot=${snapshot.id}`} aria-label={t.viewOf(snapshot.name)}>
                  {t.view}
                </Link>
                <Button
                  size="small"
                  priority="tertiary no outline"
                  nativeButtonProps={{ "aria-label": t.removeOf(snapshot.name) }}
                  onClick={() => setConfirming(snapshot.id)}
                >
                  {t.remove}
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </DsfrTable>
    </section>
  );
}
