import Button from "@codegouvfr/react-dsfr/Button";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { useI18n } from "../../../i18n/use-i18n";
import { parisDate } from "@shared/dates";
import { CohortSections } from "./cohort-sections";
import { useDashboardFilters, useFiltersDescription } from "./dashboard-filters";
import { SnapshotNotice, SnapshotSelector } from "./snapshot-selector";
import { useSnapshot } from "../../../api/snapshots";
import { describeSnapshot } from "@shared/snapshot";

/** The cohort report to print (A4) or save as PDF: every chart with its caption and its table open. */
export default function ReportPage() {
  const { t: { dashboard: { report: t }, snapshots }, f, lang } = useI18n();
  useDocumentTitle(t.documentTitle);
  const [filters, setFilters] = useDashboardFilters();
  const filtersText = useFiltersDescription(filters);
  const snapshot = useSnapshot(filters.snapshot);
  return (
    <article className="report">
      <h1>{t.title}</h1>
      <p>
        {snapshot.data ? snapshots.established(describeSnapshot(snapshot.data, lang), filtersText) : t.established(f.date(parisDate()), filtersText)}
      </p>
      <div className="report__print-button">
        <div style={{ maxWidth: "36rem" }}>
          <SnapshotSelector value={filters.snapshot} onChange={(id) => setFilters({ snapshot: id })} />
        </div>
        {filters.snapshot && <SnapshotNotice id={filters.snapshot} />}
      </div>
      <p className="report__print-button">
        <Button iconId="fr-icon-printer-line" onClick={() => window.print()}>
          {t.print}
        </Button>
      </p>
      <CohortSections filters={filters} printable />
    </article>
  );
}
