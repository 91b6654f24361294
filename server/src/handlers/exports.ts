// Exports for evaluators: CSV (UTF-8 with BOM, `?sep=;` for French Excel), XLSX (one sheet
// per table) and JSON. Dated file names, challenge-level data only.
import ExcelJS from "exceljs";
import type { RequestHandler, Response } from "express";
import { readDataset, type DatasetChallenge } from "../repositories/dataset";
import { toCsv, type CsvColumn } from "@shared/csv";
import { AXES, type Level, type OutcomeCategory, type SustainabilityPath } from "@shared/domain";
import { AXIS_LABELS, LEVEL_LABELS, OUTCOME_LABELS, PATH_LABELS } from "@shared/labels-fr";
import { parisDate } from "@shared/dates";
import type { Deps } from "./context";

const levelLabel = (level: unknown) => (level === null || level === undefined ? "Non renseigné" : LEVEL_LABELS[level as Level]);

function sendFile(res: Response, base: string, extension: string, type: string, body: string | Buffer): void {
  res.setHeader("Content-Type", type);
  res.setHeader("Content-Disposition", `attachment; filename="${base}-${parisDate()}.${extension}"`);
  res.send(body);
}

const challengeColumns: CsvColumn<DatasetChallenge>[] = [
  { header: "identifiant", value: (c) => c.slug },
  { header: "défi", value: (c) => c.title },
  { header: "promotion", value: (c) => c.promotionLabel },
  { header: "administration", value: (c) => c.administration },
  { header: "début", value: (c) => c.startsOn },
  { header: "fin", value: (c) => c.endsOn },
  { header: "dates approximatives", value: (c) => c.datesApproximate },
  ...AXES.flatMap((axis): CsvColumn<DatasetChallenge>[] => [
    { header: `${AXIS_LABELS[axis]} : niveau`, value: (c) => c[`${axis}Level`] },
    { header: `${AXIS_LABELS[axis]} : libellé`, value: (c) => levelLabel(c[`${axis}Level`]) },
    { header: `${AXIS_LABELS[axis]} : date`, value: (c) => c[`${axis}AsOf`] },
  ]),
  {
    header: "résultat",
    value: (c) => c.outcomeCategories.map((category) => OUTCOME_LABELS[category as OutcomeCategory]).join(" ; "),
  },
  { header: "voie de pérennisation", value: (c) => (c.outcomePath ? PATH_LABELS[c.outcomePath as SustainabilityPath] : "") },
  { header: "date du résultat", value: (c) => c.outcomeAsOf },
  { header: "dernière remontée", value: (c) => c.lastReportAt?.slice(0, 10) },
  { header: "à actualiser", value: (c) => c.stale },
];

type Separator = { sep?: "," | ";" };

export const exportChallengesCsv =
  ({ db }: Deps): RequestHandler =>
  (_req, res) => {
    const { sep = "," } = res.locals.query as Separator;
    sendFile(res, "eig-defis", "csv", "text/csv; charset=utf-8", toCsv(readDataset(db).challenges, challengeColumns, sep));
  };

export const exportStatusHistoryCsv =
  ({ db }: Deps): RequestHandler =>
  (_req, res) => {
    const { sep = "," } = res.locals.query as Separator;
    const { challenges, statusUpdates } = readDataset(db);
    const titles = new Map(challenges.map((c) => [c.slug, c]));
    type Row = Record<string, unknown>;
    const columns: CsvColumn<Row>[] = [
      { header: "identifiant", value: (u) => u.challenge },
      { header: "défi", value: (u) => titles.get(String(u.challenge))?.title },
      { header: "promotion", value: (u) => titles.get(String(u.challenge))?.promotionLabel },
      { header: "axe", value: (u) => AXIS_LABELS[u.axis as keyof typeof AXIS_LABELS] },
      { header: "niveau", value: (u) => u.level },
      { header: "libellé", value: (u) => levelLabel(u.level) },
      { header: "date", value: (u) => u.asOf },
      { header: "enregistré le", value: (u) => u.recordedAt },
      { header: "type", value: (u) => (u.kind === "confirmation" ? "Toujours exact" : "Mise à jour") },
      { header: "note", value: (u) => u.note },
      { header: "lien de preuve", value: (u) => u.evidenceUrl },
      { header: "retirée", value: (u) => u.retracted },
      { header: "motif du retrait", value: (u) => u.retractionReason },
    ];
    sendFile(res, "eig-historique-statuts", "csv", "text/csv; charset=utf-8", toCsv(statusUpdates, columns, sep));
  };

export const exportDatasetJson =
  ({ db }: Deps): RequestHandler =>
  (_req, res) => {
    sendFile(res, "eig-donnees", "json", "application/json; charset=utf-8", JSON.stringify(readDataset(db), null, 2));
  };

const SHEETS: [keyof ReturnType<typeof readDataset>, string][] = [
  ["challenges", "Défis"],
  ["statusUpdates", "Historique des statuts"],
  ["outcomes", "Résultats"],
  ["actions", "Actions"],
  ["scenarios", "Scénarios"],
  ["allies", "Alliés"],
  ["resources", "Ressources"],
];

export const exportDatasetXlsx =
  ({ db }: Deps): RequestHandler =>
  async (_req, res) => {
    const dataset = readDataset(db);
    const workbook = new ExcelJS.Workbook();
    workbook.creator = "Suivi de pérennisation des défis EIG";
    workbook.created = new Date();
    for (const [key, name] of SHEETS) {
      const rows = dataset[key] as Record<string, unknown>[];
      const sheet = workbook.addWorksheet(name);
      const headers = rows.length > 0 ? Object.keys(rows[0]) : ["(vide)"];
      sheet.columns = headers.map((header) => ({ header, key: header, width: Math.min(40, Math.max(12, header.length + 2)) }));
      sheet.getRow(1).font = { bold: true };
      // Cells are written as values, never formulas; arrays are joined for readability.
      for (const row of rows) {
        sheet.addRow(Object.fromEntries(headers.map((h) => [h, Array.isArray(row[h]) ? (row[h] as unknown[]).join(", ") : row[h]])));
      }
    }
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    sendFile(res, "eig-donnees", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer);
  };
