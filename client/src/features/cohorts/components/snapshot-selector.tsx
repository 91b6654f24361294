import Alert from "@codegouvfr/react-dsfr/Alert";
import Button from "@codegouvfr/react-dsfr/Button";
import Select from "@codegouvfr/react-dsfr/Select";
import { parisDate } from "@shared/dates";
import { useSnapshot, useSnapshots } from "../../../api/snapshots";
import { useI18n } from "../../../i18n/use-i18n";

/** "Données en direct" or one of the snapshots: the figures every chart and export below shows. */
export function SnapshotSelector({ value, onChange }: { value: string | undefined; onChange: (snapshot: string | undefined) => void }) {
  const { t, f } = useI18n();
  const snapshots = useSnapshots();
  return (
    <Select
      label={t.snapshots.selector}
      className="snapshot-selector"
      nativeSelectProps={{ value: value ?? "", onChange: (event) => onChange(event.target.value || undefined) }}
    >
      <option value="">{t.snapshots.live}</option>
      {/* The one in the address stays listed while the list loads. */}
      {value && !snapshots.data?.some((snapshot) => String(snapshot.id) === value) && <option value={value}>{`#${value}`}</option>}
      {snapshots.data?.map((snapshot) => (
        <option key={snapshot.id} value={String(snapshot.id)}>
          {t.snapshots.option(snapshot.name, f.date(parisDate(new Date(snapshot.takenAt))))}
        </option>
      ))}
    </Select>
  );
}

/** Says, above the charts, that the figures are frozen, since when, and how to get back to live data. */
export function SnapshotNotice({ id, onLeave }: { id: string; onLeave?: () => void }) {
  const { t, f } = useI18n();
  const snapshot = useSnapshot(id);
  if (snapshot.isError) return <Alert severity="error" small description={t.snapshots.unknown} className="fr-mb-2w" />;
  if (!snapshot.data) return null;
  return (
    <Alert
      severity="info"
      className="fr-mt-2w fr-mb-3w snapshot-notice"
      title={t.snapshots.noticeTitle(snapshot.data.name)}
      description={
        <>
          {t.snapshots.notice(f.instant(snapshot.data.takenAt), snapshot.data.methodologyVersion)}
          {onLeave && (
            <>
              {" "}
              <Button priority="tertiary no outline" size="small" onClick={onLeave}>
                {t.snapshots.backToLive}
              </Button>
            </>
          )}
        </>
      }
    />
  );
}
