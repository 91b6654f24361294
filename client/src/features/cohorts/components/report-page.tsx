import Alert from "@codegouvfr/react-dsfr/Alert";
import Button from "@codegouvfr/react-dsfr/Button";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { useState } from "react";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { useI18n } from "../../../i18n/use-i18n";
import { useUrlFilters } from "../../../lib/use-url-filters";
import { parisDate } from "@shared/dates";
import { REPORT_ORIENTATIONS, type ReportOrientation } from "@shared/report";
import type { StatsFilters } from "@shared/stats";
import { CohortSections } from "./cohort-sections";
import { useDashboardFilters } from "./dashboard-filters";
import { SnapshotNotice, SnapshotSelector } from "./snapshot-selector";
import { useCohortStats } from "../api/cohort-queries";
import { useCaption } from "./use-caption";
import { useCurrentUser } from "../../../api/session";

/**
 * The cohort report to print or save as PDF: a cover, then every chart with its caption and
 * its table open, laid out on screen at the printable width of an A4 page (portrait or
 * landscape) so that the charts are drawn at the size they print
 * (docs/decisions/0009-reports-that-leave-the-building.md).
 */
export default function ReportPage() {
  const { t: { dashboard: { report: t } } } = useI18n();
  useDocumentTitle(t.documentTitle);
  const [filters, setFilters] = useDashboardFilters();
  const [{ orientation: asked }, setLayout] = useUrlFilters(["orientation"] as const);
  const orientation: ReportOrientation = asked === "landscape" ? "landscape" : "portrait";
  return (
    <article className={`report report--${orientation}`}>
      <ReportCover filters={filters} />
      <div className="report__controls">
        <RadioButtons
          legend={t.orientation.legend}
          orientation="horizontal"
          options={REPORT_ORIENTATIONS.map((value) => ({
            label: t.orientation[value],
            nativeInputProps: {
              name: "report-orientation",
              value,
              checked: orientation === value,
              onChange: () => setLayout({ orientation: value === "portrait" ? undefined : value }),
            },
          }))}
        />
        <div style={{ maxWidth: "36rem" }}>
          <SnapshotSelector value={filters.snapshot} onChange={(id) => setFilters({ snapshot: id })} />
        </div>
        {filters.snapshot && <SnapshotNotice id={filters.snapshot} />}
        <PrintActions filters={filters} orientation={orientation} />
      </div>
      <CohortSections filters={filters} printable />
    </article>
  );
}

/** The first page: what the report is, what it counts and as of when, so that it can be cited. */
function ReportCover({ filters }: { filters: StatsFilters }) {
  const { t: { dashboard: { report: t } }, f } = useI18n();
  const caption = useCaption(filters);
  const cohorts = useCohortStats(filters);
  const total = cohorts.data?.reduce((sum, cohort) => sum + cohort.challengeCount, 0);
  // Source (date and revision, or the snapshot), filters and n, data counted: the charts' caption.
  const [source, filtersAndCount, dataView] = caption(total ?? 0);
  return (
    <header className="report__cover">
      <p className="report__cover-kicker">{t.kicker}</p>
      <h1>{t.title}</h1>
      <ul className="report__cover-facts">
        <li>{filtersAndCount}</li>
        <li>{dataView}</li>
        <li>{source}</li>
        <li>{t.drawnUp(f.date(parisDate()))}</li>
      </ul>
      <p className="fr-text--sm">{t.contents}</p>
    </header>
  );
}

/**
 * "Imprimer" opens the browser's dialog; "Télécharger le rapport (PDF)" asks the server for
 * the same pages printed by its own Chromium, and falls back to the dialog when it cannot.
 */
function PrintActions({ filters, orientation }: { filters: StatsFilters; orientation: ReportOrientation }) {
  const { t: { dashboard: { report: t } }, lang } = useI18n();
  const [state, setState] = useState<{ busy: boolean; message?: string }>({ busy: false });
  // The PDF is an export: evaluators and the programme team (mentors print from the browser).
  const role = useCurrentUser().data?.role;
  const canDownload = role === "admin" || role === "evaluator";
  const download = async () => {
    setState({ busy: true });
    const query = new URLSearchParams(Object.entries({ ...filters, orientation, lang }).filter(([, value]) => value) as [string, string][]);
    try {
      const response = await fetch(`/api/export/report.pdf?${query}`, { credentials: "same-origin" });
      if (!response.ok) {
        const problem = (await response.json().catch(() => undefined)) as { detail?: string } | undefined;
        setState({ busy: false, message: t.pdfUnavailable(problem?.detail ?? response.statusText) });
        if (response.status === 503) window.print();
        return;
      }
      const name = /filename="([^"]+)"/.exec(response.headers.get("Content-Disposition") ?? "")?.[1] ?? "rapport.pdf";
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement("a");
      link.href = url;
      link.download = name;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setState({ busy: false });
    } catch {
      setState({ busy: false, message: t.pdfUnavailable("") });
    }
  };
  return (
    <>
      <div className="button-row fr-mb-2w">
        <Button iconId="fr-icon-printer-line" priority="secondary" onClick={() => window.print()}>
          {t.print}
        </Button>
        {canDownload && (
          <Button iconId="fr-icon-download-line" onClick={download} disabled={state.busy}>
            {state.busy ? t.preparingPdf : t.downloadPdf}
          </Button>
        )}
      </div>
      {state.message && <Alert severity="warning" small description={state.message} className="fr-mb-2w" />}
    </>
  );
}
