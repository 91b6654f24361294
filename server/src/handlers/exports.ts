// Exports for evaluators: CSV (UTF-8 with BOM, `?sep=;` for French Excel), XLSX (one sheet
// per table, a dictionary and the method: dataset-workbook.ts) and JSON. Each file is named
// after what it holds, the filters, the data view and the day or snapshot (shared/export-names.ts);
// challenge-level data only: allies' names and action owners only in the programme team's
// exports. Text cells that a spreadsheet would run as a formula are neutralised in the CSV
// and XLSX alike (shared/csv.ts).
import type { Response } from "express";
import { datasetChallenges, readDataset, type DatasetChallenge, type DatasetFilters } from "../repositories/dataset";
import { dataMeta } from "../repositories/meta";
import { listPromotions } from "../repositories/promotions";
import { datasetWorkbook, levelDefinitionLines } from "./dataset-workbook";
import { exportFileName } from "@shared/export-names";
import { promotionKeys } from "@shared/stats";
import { METHODOLOGY_VERSION } from "@shared/methodology";
import type { DataSource } from "../repositories/data-source";
import { describeSnapshot } from "@shared/snapshot";
import { toCsv, type CsvColumn } from "@shared/csv";
import { AXES, type DataView, type Level, type OutcomeCategory, type SustainabilityPath, type ValidationState } from "@shared/domain";
import { DEFAULT_LANG, domainLabels, type Lang } from "@shared/labels";
import { parisDate } from "@shared/dates";
import type { Ctx, Deps } from "./context";
import type { AuthUser } from "@shared/auth";
import type { Db } from "../db/database";

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
    creator: "Suivi de pérennisation des défis EIG",
    data: "données",
    validation: "validation",
    files: { challenges: "défis", statusHistory: "historique des statuts", dataset: "données", semicolon: "point-virgule" },
    method: {
      title: "titre",
      titleValue: "Suivi de pérennisation des défis EIG — jeu de données au niveau des défis",
      source: "source",
      methodology: "version de la méthodologie",
      exportedOn: "date de l'export",
      revision: "révision des données",
      snapshot: "instantané",
      filters: "filtres",
      data: "données comptées",
      count: "nombre de défis",
      contents: "contenu",
      file: "fichier",
    },
    sourceCaption: (synthetic: boolean, date: string, revision: number) =>
      `Source : Suivi de pérennisation des défis EIG${synthetic ? " (données synthétiques)" : ""}, données du ${date}, révision ${revision}.`,
    snapshotCaption: (synthetic: boolean, citation: string) => `Source : Suivi de pérennisation des défis EIG${synthetic ? " (données synthétiques)" : ""}. ${citation}.`,
    filtersNone: "Filtres : aucun (tous les défis)",
    filtersSome: (parts: string[]) => `Filtres : ${parts.join(" ; ")}`,
    promotionPart: (labels: string[]) => `promotion ${labels.join(", ")}`,
    administrationPart: (name: string) => `administration « ${name} »`,
    skillPart: (label: string) => `compétence ${label}`,
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
    creator: "EIG challenges sustainability tracker",
    data: "data",
    validation: "validation",
    files: { challenges: "challenges", statusHistory: "status history", dataset: "dataset", semicolon: "semicolon" },
    method: {
      title: "title",
      titleValue: "EIG challenges sustainability tracker — challenge-level dataset",
      source: "source",
      methodology: "methodology version",
      exportedOn: "export date",
      revision: "data revision",
      snapshot: "snapshot",
      filters: "filters",
      data: "data counted",
      count: "number of challenges",
      contents: "contents",
      file: "file",
    },
    sourceCaption: (synthetic: boolean, date: string, revision: number) =>
      `Source: EIG challenges sustainability tracker${synthetic ? " (synthetic data)" : ""}, data as of ${date}, revision ${revision}.`,
    snapshotCaption: (synthetic: boolean, citation: string) => `Source: EIG challenges sustainability tracker${synthetic ? " (synthetic data)" : ""}. ${citation}.`,
    filtersNone: "Filters: none (all challenges)",
    filtersSome: (parts: string[]) => `Filters: ${parts.join("; ")}`,
    promotionPart: (labels: string[]) => `promotion ${labels.join(", ")}`,
    administrationPart: (name: string) => `administration “${name}”`,
    skillPart: (label: string) => `skill ${label}`,
    withoutNames:
      "Challenge-level data: no email addresses, no author names, no audit log, no allies' names, no action owners (kept for the programme team).",
    withNames: "Programme team export: allies' names and action owners included; no email addresses, no author names, no audit log.",
  },
} satisfies Record<Lang, unknown>;

type ExportQuery = DatasetFilters & { sep?: "," | ";"; lang?: Lang; data?: DataView };
const filtersOf = ({ promotion, administration, skill }: ExportQuery): DatasetFilters => ({ promotion, administration, skill });

/** Allies' names and action owners name people: the programme team's exports only. */
const withPersonNames = (user: AuthUser) => ({ personNames: user.role === "admin" });

/** The filters as a reader says them: promotion labels (not keys), skill labels. */
function describedFilters(db: Db, query: ExportQuery, lang: Lang) {
  const labels = new Map(listPromotions(db).map((promotion) => [promotion.key, promotion.label]));
  const promotions = (promotionKeys(query.promotion) ?? []).map((key) => labels.get(key) ?? key);
  const skill = query.skill ? (domainLabels(lang).SKILL_LABELS[query.skill] ?? query.skill) : undefined;
  return { promotions, administration: query.administration, skill };
}

/**
 * The file's name: what it holds, the promotions and other filters, the data view, and the day
 * or, as of a snapshot, which one and when it was taken (shared/export-names.ts), so that two
 * different exports never overwrite each other and a file cited in a report names its source.
 */
function fileNameOf(db: Db, query: ExportQuery, subject: string, extension: string, source: DataSource, variant?: string): string {
  const lang = query.lang ?? DEFAULT_LANG;
  const { promotions, administration, skill } = describedFilters(db, query, lang);
  return exportFileName({ subject, promotions, filters: [administration, skill], data: query.data ?? "all", snapshot: source.snapshot, variant, lang, extension });
}

function sendFile(res: Response, name: string, type: string, body: string | Buffer): void {
  res.setHeader("Content-Type", type);
  res.setHeader("Content-Disposition", `attachment; filename="${name}"`);
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
    // Every row says which data view it holds (docs/methodology.md, « Data views »), so that a copied extract still does.
    { header: w.data, value: () => l.DATA_VIEW_LABELS[data] },
  ];
}

export const exportChallengesCsv =
  ({ db }: Deps) =>
  ({ query }: { query: ExportQuery }, { source, res }: Ctx) => {
    const { sep = ",", lang = DEFAULT_LANG, data = "all" } = query;
    const w = EXPORT_WORDS[lang];
    const name = fileNameOf(db, query, w.files.challenges, "csv", source, sep === ";" ? w.files.semicolon : undefined);
    const rows = datasetChallenges(db, data, source, filtersOf(query));
    sendFile(res, name, "text/csv; charset=utf-8", toCsv(rows, challengeColumns(lang, data), sep));
  };

export const exportStatusHistoryCsv =
  ({ db }: Deps) =>
  ({ query }: { query: ExportQuery }, { source, res }: Ctx) => {
    const { sep = ",", lang = DEFAULT_LANG, data = "all" } = query;
    const w = EXPORT_WORDS[lang];
    const l = domainLabels(lang);
    const levelLabel = (level: unknown) => (level === null || level === undefined ? l.NO_REPORT_LABEL : l.LEVEL_LABELS[level as Level]);
    const { challenges, statusUpdates } = readDataset(db, data, source, { filters: filtersOf(query) });
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
    const name = fileNameOf(db, query, w.files.statusHistory, "csv", source, sep === ";" ? w.files.semicolon : undefined);
    sendFile(res, name, "text/csv; charset=utf-8", toCsv(statusUpdates, columns, sep));
  };

export const exportDatasetJson =
  ({ db }: Deps) =>
  ({ query }: { query: ExportQuery }, { source, user, res }: Ctx) => {
    const { data = "all" } = query;
    const { snapshot } = source;
    const names = withPersonNames(user);
    // As of a snapshot, the file says which one, in a member the live export does not have;
    // who took it is a person's name, left out of the evaluators' file like the others.
    const cited = snapshot && (names.personNames ? snapshot : { ...snapshot, takenBy: undefined });
    const citation = cited ? { snapshot: { ...cited, citation: describeSnapshot(cited) } } : {};
    const name = fileNameOf(db, query, EXPORT_WORDS[DEFAULT_LANG].files.dataset, "json", source);
    const dataset = readDataset(db, data, source, { ...names, filters: filtersOf(query) });
    sendFile(res, name, "application/json; charset=utf-8", JSON.stringify({ ...citation, ...dataset }, null, 2));
  };

export const exportDatasetXlsx =
  ({ db }: Deps) =>
  async ({ query }: { query: ExportQuery }, { source, user, res }: Ctx) => {
    const { lang = DEFAULT_LANG, data = "all" } = query;
    const w = EXPORT_WORDS[lang];
    const l = domainLabels(lang);
    const { personNames } = withPersonNames(user);
    const dataset = readDataset(db, data, source, { personNames, filters: filtersOf(query) });
    const name = fileNameOf(db, query, w.files.dataset, "xlsx", source);
    // The « Méthode » sheet says what the chart captions say: source, date and revision (or
    // the snapshot), filters, n, data counted; and the methodology the levels are read with.
    const meta = dataMeta(db);
    const { promotions, administration, skill } = describedFilters(db, query, lang);
    const filterParts = [
      promotions.length > 0 ? w.promotionPart(promotions) : "",
      administration ? w.administrationPart(administration) : "",
      skill ? w.skillPart(skill) : "",
    ].filter(Boolean);
    const today = new Intl.DateTimeFormat(lang === "fr" ? "fr-FR" : "en-GB", { dateStyle: "long", timeZone: "Europe/Paris" }).format(new Date());
    const citation = source.snapshot ? describeSnapshot(source.snapshot, lang) : undefined;
    const method: [string, string | number][] = [
      [w.method.title, w.method.titleValue],
      [w.method.source, citation ? w.snapshotCaption(meta.isSynthetic, citation) : w.sourceCaption(meta.isSynthetic, today, meta.revision)],
      // As of a snapshot, its figures were computed with the methodology it recorded.
      [w.method.methodology, `v${source.snapshot?.methodologyVersion ?? METHODOLOGY_VERSION}`],
      [w.method.exportedOn, parisDate()],
      citation ? [w.method.snapshot, citation] : [w.method.revision, meta.revision],
      [w.method.filters, filterParts.length > 0 ? w.filtersSome(filterParts) : w.filtersNone],
      [w.method.data, l.DATA_VIEW_LABELS[data]],
      [w.method.count, dataset.challenges.length],
      [w.method.contents, personNames ? w.withNames : w.withoutNames],
      [w.method.file, name],
      ...levelDefinitionLines(lang),
    ];
    const workbook = datasetWorkbook(dataset, { lang, personNames, method });
    workbook.creator = w.creator;
    workbook.subject = l.DATA_VIEW_LABELS[data];
    workbook.created = new Date();
    workbook.description = personNames ? w.withNames : w.withoutNames;
    if (citation) {
      workbook.title = citation;
      workbook.subject = `${workbook.title} · ${workbook.subject}`;
    }
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    sendFile(res, name, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer);
  };
