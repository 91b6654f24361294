// Exports for evaluators: CSV (UTF-8 with BOM, `?sep=;` for French Excel), XLSX (one sheet
// per table) and JSON. Dated file names, challenge-level data only: allies' names and action
// owners only in the programme team's exports. Text cells that a spreadsheet would run as a
// formula are neutralised in the CSV and XLSX alike (shared/csv.ts).
import ExcelJS from "exceljs";
import type { RequestHandler, Response } from "express";
import { datasetChallenges, readDataset, type DatasetChallenge } from "../repositories/dataset";
import { requestSource } from "../http/snapshot-source";
import type { DataSource } from "../repositories/data-source";
import { describeSnapshot } from "@shared/snapshot";
import { neutraliseFormula, toCsv, type CsvColumn } from "@shared/csv";
import { currentSession } from "../http/access";
import { AXES, type DataView, type Level, type OutcomeCategory, type SustainabilityPath, type ValidationState } from "@shared/domain";
import { DEFAULT_LANG, domainLabels, type Lang } from "@shared/labels";
import { parisDate } from "@shared/dates";
import type { Deps } from "./context";

// Column headers and fixed wording of the exports, per language (`?lang=en`; French by default).
const EXPORT_WORDS = {
  fr: {
    slug: "identifiant",
    title: "défi",
    promotion: "promotion",
    administration: "administration",
    startsOn: "début",
    endsOn: "fin",
    datesApproximate: "dates approximatives",
    level: (axis: string) => `${axis} : niveau`,
    label: (axis: string) => `${axis} : libellé`,
    date: (axis: string) => `${axis} : date`,
    outcome: "résultat",
    path: "voie de pérennisation",
    outcomeAsOf: "date du résultat",
    lastReport: "dernière remontée",
    stale: "à actualiser",
    axis: "axe",
    levelHeader: "niveau",
    labelHeader: "libellé",
    dateHeader: "date",
    recordedAt: "enregistré le",
    kind: "type",
    confirmation: "Toujours exact",
    update: "Mise à jour",
    note: "note",
    evidence: "lien de preuve",
    retracted: "retirée",
    yes: "oui",
    no: "non",
    retractionReason: "motif du retrait",
    listSeparator: " ; ",
    empty: "(vide)",
    sheets: {
      challenges: "Défis",
      statusUpdates: "Historique des statuts",
      outcomes: "Résultats",
      actions: "Actions",
      scenarios: "Scénarios",
      allies: "Alliés",
      resources: "Ressources",
    },
    creator: "Suivi de pérennisation des défis EIG",
    data: "données",
    validation: "validation",
    fileSuffix: { all: "", validated: "-validees", declared: "-declarees" },
    withoutNames:
      "Données au niveau des défis : ni adresses, ni noms d'auteurs, ni journal d'audit, ni noms des alliés, ni porteurs des actions (réservés à l'équipe du programme).",
    withNames: "Export de l'équipe du programme : noms des alliés et porteurs des actions compris ; ni adresses, ni noms d'auteurs, ni journal d'audit.",
  },
  en: {
    slug: "id",
    title: "challenge",
    promotion: "promotion",
    administration: "administration",
    startsOn: "start",
    endsOn: "end",
    datesApproximate: "approximate dates",
    level: (axis: string) => `${axis}: level`,
    label: (axis: string) => `${axis}: label`,
    date: (axis: string) => `${axis}: date`,
    outcome: "outcome",
    path: "sustainability path",
    outcomeAsOf: "outcome date",
    lastReport: "last report",
    stale: "needs an update",
    axis: "axis",
    levelHeader: "level",
    labelHeader: "label",
    dateHeader: "date",
    recordedAt: "recorded at",
    kind: "type",
    confirmation: "Still accurate",
    update: "Update",
    note: "note",
    evidence: "evidence link",
    retracted: "retracted",
    yes: "yes",
    no: "no",
    retractionReason: "retraction reason",
    listSeparator: "; ",
    empty: "(empty)",
    sheets: {
      challenges: "Challenges",
      statusUpdates: "Status history",
      outcomes: "Outcomes",
      actions: "Actions",
      scenarios: "Scenarios",
      allies: "Allies",
      resources: "Resources",
    },
    creator: "EIG challenges sustainability tracker",
    data: "data",
    validation: "validation",
    fileSuffix: { all: "", validated: "-validated", declared: "-declared" },
    withoutNames:
      "Challenge-level data: no email addresses, no author names, no audit log, no allies' names, no action owners (kept for the programme team).",
    withNames: "Programme team export: allies' names and action owners included; no email addresses, no author names, no audit log.",
  },
} satisfies Record<Lang, unknown>;

type ExportQuery = { sep?: "," | ";"; lang?: Lang; data?: DataView };
const queryOf = (res: Response): ExportQuery => (res.locals.query ?? {}) as ExportQuery;

/** Allies' names and action owners name people: the programme team's exports only. */
const withPersonNames = (res: Response) => ({ personNames: currentSession(res.locals).user.role === "admin" });

/**
 * Sends an export under a dated name. As of a snapshot, the name says which one and when it
 * was taken (`eig-defis-instantane-3-2026-11-29.csv`), so a file cited in a report names its
 * source; the JSON and XLSX exports also carry the snapshot's full citation.
 */
function sendFile(res: Response, base: string, extension: string, type: string, body: string | Buffer, source: DataSource): void {
  const { snapshot } = source;
  const name = snapshot ? `${base}-instantane-${snapshot.id}-${parisDate(new Date(snapshot.takenAt))}` : `${base}-${parisDate()}`;
  res.setHeader("Content-Type", type);
  res.setHeader("Content-Disposition", `attachment; filename="${name}.${extension}"`);
  res.send(body);
}

function challengeColumns(lang: Lang, data: DataView): CsvColumn<DatasetChallenge>[] {
  const w = EXPORT_WORDS[lang];
  const l = domainLabels(lang);
  const levelLabel = (level: unknown) => (level === null || level === undefined ? l.NO_REPORT_LABEL : l.LEVEL_LABELS[level as Level]);
  return [
    { header: w.slug, value: (c) => c.slug },
    { header: w.title, value: (c) => c.title },
    { header: w.promotion, value: (c) => c.promotionLabel },
    { header: w.administration, value: (c) => c.administration },
    { header: w.startsOn, value: (c) => c.startsOn },
    { header: w.endsOn, value: (c) => c.endsOn },
    { header: w.datesApproximate, value: (c) => (c.datesApproximate ? w.yes : w.no) },
    ...AXES.flatMap((axis): CsvColumn<DatasetChallenge>[] => [
      { header: w.level(l.AXIS_LABELS[axis]), value: (c) => c[`${axis}Level`] },
      { header: w.label(l.AXIS_LABELS[axis]), value: (c) => levelLabel(c[`${axis}Level`]) },
      { header: w.date(l.AXIS_LABELS[axis]), value: (c) => c[`${axis}AsOf`] },
    ]),
    {
      header: w.outcome,
      value: (c) => c.outcomeCategories.map((category) => l.OUTCOME_LABELS[category as OutcomeCategory]).join(w.listSeparator),
    },
    { header: w.path, value: (c) => (c.outcomePath ? l.PATH_LABELS[c.outcomePath as SustainabilityPath] : "") },
    { header: w.outcomeAsOf, value: (c) => c.outcomeAsOf },
    { header: w.lastReport, value: (c) => c.lastReportAt?.slice(0, 10) },
    { header: w.stale, value: (c) => (c.stale ? w.yes : w.no) },
    // Issue 9: every row says which values it holds, so that a copied extract still does.
    { header: w.data, value: () => l.DATA_VIEW_LABELS[data] },
  ];
}

export const exportChallengesCsv =
  ({ db }: Deps): RequestHandler =>
  (_req, res) => {
    const { sep = ",", lang = DEFAULT_LANG, data = "all" } = queryOf(res);
    const source = requestSource(db, res.locals);
    const base = `eig-defis${EXPORT_WORDS[lang].fileSuffix[data]}`;
    sendFile(res, base, "csv", "text/csv; charset=utf-8", toCsv(datasetChallenges(db, data, source), challengeColumns(lang, data), sep), source);
  };

export const exportStatusHistoryCsv =
  ({ db }: Deps): RequestHandler =>
  (_req, res) => {
    const { sep = ",", lang = DEFAULT_LANG, data = "all" } = queryOf(res);
    const w = EXPORT_WORDS[lang];
    const l = domainLabels(lang);
    const levelLabel = (level: unknown) => (level === null || level === undefined ? l.NO_REPORT_LABEL : l.LEVEL_LABELS[level as Level]);
    const source = requestSource(db, res.locals);
    const { challenges, statusUpdates } = readDataset(db, data, source);
    const titles = new Map(challenges.map((c) => [c.slug, c]));
    type Row = Record<string, unknown>;
    const columns: CsvColumn<Row>[] = [
      { header: w.slug, value: (u) => u.challenge },
      { header: w.title, value: (u) => titles.get(String(u.challenge))?.title },
      { header: w.promotion, value: (u) => titles.get(String(u.challenge))?.promotionLabel },
      { header: w.axis, value: (u) => l.AXIS_LABELS[u.axis as keyof typeof l.AXIS_LABELS] },
      { header: w.levelHeader, value: (u) => u.level },
      { header: w.labelHeader, value: (u) => levelLabel(u.level) },
      { header: w.dateHeader, value: (u) => u.asOf },
      { header: w.recordedAt, value: (u) => u.recordedAt },
      { header: w.kind, value: (u) => (u.kind === "confirmation" ? w.confirmation : w.update) },
      { header: w.note, value: (u) => u.note },
      { header: w.evidence, value: (u) => u.evidenceUrl },
      { header: w.retracted, value: (u) => (u.retracted ? w.yes : w.no) },
      { header: w.retractionReason, value: (u) => u.retractionReason },
      { header: w.validation, value: (u) => l.VALIDATION_STATE_LABELS[u.validation as ValidationState] },
      { header: w.data, value: () => l.DATA_VIEW_LABELS[data] },
    ];
    sendFile(res, `eig-historique-statuts${w.fileSuffix[data]}`, "csv", "text/csv; charset=utf-8", toCsv(statusUpdates, columns, sep), source);
  };

export const exportDatasetJson =
  ({ db }: Deps): RequestHandler =>
  (_req, res) => {
    const { data = "all" } = queryOf(res);
    const source = requestSource(db, res.locals);
    const { snapshot } = source;
    const names = withPersonNames(res);
    // As of a snapshot, the file says which one, in a member the live export does not have;
    // who took it is a person's name, left out of the evaluators' file like the others.
    const cited = snapshot && (names.personNames ? snapshot : { ...snapshot, takenBy: undefined });
    const citation = cited ? { snapshot: { ...cited, citation: describeSnapshot(cited) } } : {};
    const base = `eig-donnees${EXPORT_WORDS[DEFAULT_LANG].fileSuffix[data]}`;
    sendFile(res, base, "json", "application/json; charset=utf-8", JSON.stringify({ ...citation, ...readDataset(db, data, source, names) }, null, 2), source);
  };

const SHEETS = ["challenges", "statusUpdates", "outcomes", "actions", "scenarios", "allies", "resources"] as const;

export const exportDatasetXlsx =
  ({ db }: Deps): RequestHandler =>
  async (_req, res) => {
    const { lang = DEFAULT_LANG, data = "all" } = queryOf(res);
    const w = EXPORT_WORDS[lang];
    const source = requestSource(db, res.locals);
    const personNames = withPersonNames(res);
    const dataset = readDataset(db, data, source, personNames);
    const workbook = new ExcelJS.Workbook();
    workbook.creator = w.creator;
    workbook.subject = domainLabels(lang).DATA_VIEW_LABELS[data];
    workbook.created = new Date();
    workbook.description = personNames.personNames ? w.withNames : w.withoutNames;
    if (source.snapshot) {
      workbook.title = describeSnapshot(source.snapshot, lang);
      workbook.subject = `${workbook.title} · ${workbook.subject}`;
    }
    for (const key of SHEETS) {
      const rows = dataset[key] as Record<string, unknown>[];
      const sheet = workbook.addWorksheet(w.sheets[key]);
      const headers = rows.length > 0 ? Object.keys(rows[0]) : [w.empty];
      sheet.columns = headers.map((header) => ({ header, key: header, width: Math.min(40, Math.max(12, header.length + 2)) }));
      sheet.getRow(1).font = { bold: true };
      // Cells are written as values, never formulas; arrays are joined for readability. Text
      // is neutralised as in the CSV: a value stays inert if the file is edited or re-saved as CSV.
      const cell = (value: unknown) => {
        const joined = Array.isArray(value) ? value.join(", ") : value;
        return typeof joined === "string" ? neutraliseFormula(joined) : joined;
      };
      for (const row of rows) sheet.addRow(Object.fromEntries(headers.map((h) => [h, cell(row[h])])));
    }
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    sendFile(res, `eig-donnees${w.fileSuffix[data]}`, "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer, source);
  };
