// The dataset as a workbook ready to publish: one sheet per table with headers in the reader's
// language and labels instead of codes, a « Dictionnaire » sheet that describes every column of
// every sheet and every code, and a « Méthode » sheet that says where the figures come from
// (source, date, revision or snapshot, filters, n, methodology version), as chart captions do.
// Each column is declared once below: its header, its description and its codes, so the
// dictionary cannot drift from the sheets (docs/decisions/0009-reports-that-leave-the-building.md).
import ExcelJS from "exceljs";
import { neutraliseFormula } from "@shared/csv";
import { AXES, LEVELS, type Level } from "@shared/domain";
import { domainLabels, type DomainLabels, type Lang } from "@shared/labels";
import { STALE_AFTER_DAYS } from "@shared/dates";
import type { Dataset } from "../repositories/dataset";

type Bilingual = Record<Lang, string>;
const bi = (fr: string, en: string): Bilingual => ({ fr, en });

type Row = Record<string, unknown>;
interface Context {
  l: DomainLabels;
  lang: Lang;
}

interface Column {
  header: Bilingual;
  about: Bilingual;
  value: (row: Row, context: Context) => unknown;
  /** code → label, listed in the dictionary under the column. */
  codes?: (l: DomainLabels, lang: Lang) => Record<string, string>;
  /** Names people: in the programme team's exports only. */
  personName?: boolean;
}

const yesNo = (value: unknown, { lang }: Context) => (value ? (lang === "fr" ? "oui" : "yes") : lang === "fr" ? "non" : "no");
const levelLabel = (value: unknown, { l }: Context) =>
  value === null || value === undefined ? l.NO_REPORT_LABEL : `${value} — ${l.LEVEL_LABELS[value as Level]}`;
const levelCodes = (l: DomainLabels) => Object.fromEntries(LEVELS.map((level) => [String(level), `${level} — ${l.LEVEL_LABELS[level]}`]));
const labelled = (labels: (l: DomainLabels) => Record<string, string>) => (value: unknown, { l }: Context) =>
  value === null || value === undefined ? null : (labels(l)[String(value)] ?? String(value));
const labelledList = (labels: (l: DomainLabels) => Record<string, string>) => (value: unknown, context: Context) =>
  ((value as string[] | null) ?? []).map((code) => labelled(labels)(code, context)).join(context.lang === "fr" ? " ; " : "; ");
const member = (key: string) => (row: Row) => row[key];
const of = (key: string, transform: (value: unknown, context: Context) => unknown) => (row: Row, context: Context) => transform(row[key], context);

const id = (what: Bilingual): Column => ({ header: bi("n°", "no."), about: what, value: member("id") });
const challenge: Column = {
  header: bi("identifiant du défi", "challenge id"),
  about: bi("Identifiant du défi (feuille « Défis », colonne « identifiant »).", "The challenge's id (sheet “Challenges”, column “id”)."),
  value: member("challenge"),
};
const date = (key: string, header: Bilingual, about: Bilingual): Column => ({ header, about, value: member(key) });
const text = (key: string, header: Bilingual, about: Bilingual): Column => ({ header, about, value: member(key) });
const validation: Column = {
  header: bi("validation", "validation"),
  about: bi("État de l'entrée : déclarée par un mentor, validée ou renvoyée par l'équipe du programme.", "The entry's state: declared by a mentor, validated or sent back by the programme team."),
  value: of("validation", labelled((l) => l.VALIDATION_STATE_LABELS)),
  codes: (l) => l.VALIDATION_STATE_LABELS,
};

const axisColumns = (axis: (typeof AXES)[number]): Column[] => {
  const fr = domainLabels("fr").AXIS_LABELS[axis];
  const en = domainLabels("en").AXIS_LABELS[axis];
  return [
    {
      header: bi(`${fr} : niveau`, `${en}: level`),
      about: bi(`Niveau en vigueur sur l'axe « ${fr} », avec son libellé (« Non renseigné » sans remontée).`, `Level in force on the “${en}” axis, with its label (“Not reported” without a report).`),
      value: of(`${axis}Level`, levelLabel),
      codes: levelCodes,
    },
    {
      header: bi(`${fr} : niveau (code)`, `${en}: level (code)`),
      about: bi(
        "Le même niveau en nombre (0 à 3, vide sans remontée), gardé pour les calculs et la réanalyse.",
        "The same level as a number (0 to 3, empty without a report), kept for calculations and re-analysis.",
      ),
      value: member(`${axis}Level`),
    },
    date(`${axis}AsOf`, bi(`${fr} : date`, `${en}: date`), bi("Date à laquelle ce niveau a été constaté.", "Date this level was observed.")),
  ];
};

/** Every sheet and its columns, in the order they are written. */
const SHEETS: { key: keyof Dataset; name: Bilingual; columns: Column[] }[] = [
  {
    key: "challenges",
    name: bi("Défis", "Challenges"),
    columns: [
      text("slug", bi("identifiant", "id"), bi("Identifiant stable du défi, celui de l'adresse de sa page.", "The challenge's stable id, as in its page's address.")),
      text("title", bi("défi", "challenge"), bi("Nom du défi.", "The challenge's name.")),
      text("promotionLabel", bi("promotion", "promotion"), bi("Promotion du défi (EIG 1, EIG 2…).", "The challenge's promotion (EIG 1, EIG 2…).")),
      text("administration", bi("administration", "administration"), bi("Administration d'accueil.", "Host administration.")),
      date("startsOn", bi("début", "start"), bi("Début du défi (AAAA-MM-JJ).", "Start of the challenge (YYYY-MM-DD).")),
      date("endsOn", bi("fin", "end"), bi("Fin du défi (AAAA-MM-JJ).", "End of the challenge (YYYY-MM-DD).")),
      {
        header: bi("dates approximatives", "approximate dates"),
        about: bi("« oui » : dates déduites de l'année et de la durée du catalogue public, à corriger.", "“yes”: dates derived from the public catalogue's year and duration, to be corrected."),
        value: of("datesApproximate", yesNo),
      },
      text("durationMonths", bi("durée (mois)", "duration (months)"), bi("Durée du défi en mois.", "Duration of the challenge in months.")),
      {
        header: bi("compétences", "skills"),
        about: bi("Compétences de l'équipe, séparées par « ; ».", "The team's skills, separated by “;”."),
        value: of("skills", labelledList((l) => l.SKILL_LABELS)),
        codes: (l) => l.SKILL_LABELS,
      },
      text("website", bi("site", "website"), bi("Adresse du service, s'il y en a une.", "The service's address, if any.")),
      text("sourceCode", bi("code source", "source code"), bi("Adresse du code source, s'il est publié.", "The source code's address, if published.")),
      text("predecessor", bi("défi précédent", "previous challenge"), bi("Identifiant du défi que celui-ci prolonge.", "Id of the challenge this one continues.")),
      ...AXES.flatMap(axisColumns),
      {
        header: bi("résultat", "outcome"),
        about: bi("Résultats en vigueur, séparés par « ; » (vide : aucun résultat renseigné).", "Outcomes in force, separated by “;” (empty: no outcome reported)."),
        value: of("outcomeCategories", labelledList((l) => l.OUTCOME_LABELS)),
        codes: (l) => l.OUTCOME_LABELS,
      },
      {
        header: bi("voie de pérennisation", "sustainability path"),
        about: bi("Qui fait vivre le résultat.", "Who keeps the outcome alive."),
        value: of("outcomePath", labelled((l) => l.PATH_LABELS)),
        codes: (l) => l.PATH_LABELS,
      },
      date("outcomeAsOf", bi("date du résultat", "outcome date"), bi("Date à laquelle le résultat a été constaté.", "Date the outcome was observed.")),
      {
        header: bi("dernière remontée", "last report"),
        about: bi("Jour de la dernière mise à jour ou confirmation d'un mentor.", "Day of a mentor's last update or confirmation."),
        value: of("lastReportAt", (value) => (typeof value === "string" ? value.slice(0, 10) : value)),
      },
      {
        header: bi("à actualiser", "needs an update"),
        about: bi(
          `« oui » : aucune remontée depuis plus de ${STALE_AFTER_DAYS} jours, ou jamais.`,
          `“yes”: no report for more than ${STALE_AFTER_DAYS} days, or never.`,
        ),
        value: of("stale", yesNo),
      },
    ],
  },
  {
    key: "statusUpdates",
    name: bi("Historique des statuts", "Status history"),
    columns: [
      id(bi("Numéro de la mise à jour.", "Number of the update.")),
      challenge,
      {
        header: bi("axe", "axis"),
        about: bi("Axe de pérennisation concerné.", "Sustainability axis concerned."),
        value: of("axis", labelled((l) => l.AXIS_LABELS)),
        codes: (l) => l.AXIS_LABELS,
      },
      { header: bi("niveau", "level"), about: bi("Niveau déclaré, avec son libellé.", "Level reported, with its label."), value: of("level", levelLabel), codes: levelCodes },
      {
        header: bi("niveau (code)", "level (code)"),
        about: bi("Le même niveau en nombre (0 à 3), gardé pour les calculs et la réanalyse.", "The same level as a number (0 to 3), kept for calculations and re-analysis."),
        value: member("level"),
      },
      {
        header: bi("type", "type"),
        about: bi("Mise à jour (nouveau niveau) ou « Toujours exact » (confirmation du niveau).", "Update (new level) or “Still accurate” (the level confirmed)."),
        value: of("kind", (value, { lang }) => (value === "confirmation" ? (lang === "fr" ? "Toujours exact" : "Still accurate") : lang === "fr" ? "Mise à jour" : "Update")),
        codes: (_l, lang) => (lang === "fr" ? { update: "Mise à jour", confirmation: "Toujours exact" } : { update: "Update", confirmation: "Still accurate" }),
      },
      date("asOf", bi("date", "date"), bi("Date à laquelle le niveau a été constaté.", "Date the level was observed.")),
      date("recordedAt", bi("enregistré le", "recorded at"), bi("Instant de l'enregistrement (UTC).", "When it was recorded (UTC).")),
      text("note", bi("note", "note"), bi("Note du mentor.", "The mentor's note.")),
      text("evidenceUrl", bi("lien de preuve", "evidence link"), bi("Lien vers une preuve.", "Link to evidence.")),
      { header: bi("retirée", "retracted"), about: bi("« oui » : la mise à jour a été retirée et ne compte plus.", "“yes”: the update was retracted and no longer counts."), value: of("retracted", yesNo) },
      text("retractionReason", bi("motif du retrait", "retraction reason"), bi("Pourquoi elle a été retirée.", "Why it was retracted.")),
      date("retractedAt", bi("retirée le", "retracted at"), bi("Instant du retrait (UTC).", "When it was retracted (UTC).")),
      validation,
    ],
  },
  {
    key: "outcomes",
    name: bi("Résultats", "Outcomes"),
    columns: [
      id(bi("Numéro du résultat.", "Number of the outcome.")),
      challenge,
      {
        header: bi("résultats", "outcomes"),
        about: bi("Catégories de résultat, séparées par « ; ».", "Outcome categories, separated by “;”."),
        value: of("categories", labelledList((l) => l.OUTCOME_LABELS)),
        codes: (l) => l.OUTCOME_LABELS,
      },
      {
        header: bi("voie de pérennisation", "sustainability path"),
        about: bi("Qui fait vivre le résultat.", "Who keeps the outcome alive."),
        value: of("path", labelled((l) => l.PATH_LABELS)),
        codes: (l) => l.PATH_LABELS,
      },
      text("note", bi("note", "note"), bi("Note du mentor.", "The mentor's note.")),
      date("asOf", bi("date", "date"), bi("Date à laquelle le résultat a été constaté.", "Date the outcome was observed.")),
      date("recordedAt", bi("enregistré le", "recorded at"), bi("Instant de l'enregistrement (UTC).", "When it was recorded (UTC).")),
      { header: bi("en vigueur", "in force"), about: bi("« oui » : le résultat actuel du défi.", "“yes”: the challenge's current outcome."), value: of("inForce", yesNo) },
      validation,
    ],
  },
  {
    key: "actions",
    name: bi("Actions", "Actions"),
    columns: [
      id(bi("Numéro de l'action.", "Number of the action.")),
      challenge,
      { header: bi("type", "type"), about: bi("Type d'action de pérennisation.", "Kind of sustainability action."), value: of("kind", labelled((l) => l.ACTION_KIND_LABELS)), codes: (l) => l.ACTION_KIND_LABELS },
      text("title", bi("action", "action"), bi("Intitulé de l'action.", "The action's title.")),
      { header: bi("état", "status"), about: bi("Où en est l'action.", "Where the action stands."), value: of("status", labelled((l) => l.ACTION_STATUS_LABELS)), codes: (l) => l.ACTION_STATUS_LABELS },
      date("dueOn", bi("échéance", "due on"), bi("Échéance prévue.", "Planned due date.")),
      { ...text("owner", bi("porteur", "owner"), bi("Qui porte l'action (exports de l'équipe du programme seulement).", "Who owns the action (programme team's exports only).")), personName: true },
      text("scenarioId", bi("n° du scénario", "scenario no."), bi("Scénario auquel l'action se rattache (feuille « Scénarios », colonne « n° »).", "Scenario the action belongs to (sheet “Scenarios”, column “no.”).")),
      date("asOf", bi("date", "date"), bi("Date de la dernière mise à jour de l'action.", "Date of the action's last update.")),
    ],
  },
  {
    key: "scenarios",
    name: bi("Scénarios", "Scenarios"),
    columns: [
      id(bi("Numéro du scénario.", "Number of the scenario.")),
      challenge,
      text("title", bi("scénario", "scenario"), bi("Intitulé du scénario.", "The scenario's title.")),
      text("needs", bi("besoins", "needs"), bi("Ce dont le scénario a besoin.", "What the scenario needs.")),
      text("resourcesNeeded", bi("moyens", "resources needed"), bi("Moyens nécessaires.", "Resources needed.")),
      text("governance", bi("gouvernance", "governance"), bi("Qui décide.", "Who decides.")),
      text("calendar", bi("calendrier", "calendar"), bi("Calendrier envisagé.", "Planned calendar.")),
      { header: bi("privilégié", "preferred"), about: bi("« oui » : le scénario retenu.", "“yes”: the scenario chosen."), value: of("preferred", yesNo) },
      { header: bi("arrêt", "stop"), about: bi("« oui » : scénario d'arrêt du service.", "“yes”: a scenario that stops the service."), value: of("isStop", yesNo) },
    ],
  },
  {
    key: "allies",
    name: bi("Alliés", "Allies"),
    columns: [
      id(bi("Numéro de l'allié.", "Number of the ally.")),
      challenge,
      { ...text("name", bi("nom", "name"), bi("Nom de l'allié (exports de l'équipe du programme seulement).", "The ally's name (programme team's exports only).")), personName: true },
      { header: bi("type", "type"), about: bi("Rôle de l'allié dans l'organisation.", "The ally's place in the organisation."), value: of("kind", labelled((l) => l.ALLY_KIND_LABELS)), codes: (l) => l.ALLY_KIND_LABELS },
      text("role", bi("fonction", "role"), bi("Fonction de l'allié.", "The ally's role.")),
      date("asOf", bi("date", "date"), bi("Date de la dernière mise à jour.", "Date of the last update.")),
    ],
  },
  {
    key: "resources",
    name: bi("Ressources", "Resources"),
    columns: [
      id(bi("Numéro de la ligne.", "Number of the row.")),
      challenge,
      text("peopleKept", bi("personnes gardées", "people kept"), bi("Nombre de personnes de l'équipe gardées après le programme.", "Number of team members kept after the programme.")),
      { header: bi("modalité", "arrangement"), about: bi("Comment elles ont été gardées.", "How they were kept."), value: of("arrangement", labelled((l) => l.ARRANGEMENT_LABELS)), codes: (l) => l.ARRANGEMENT_LABELS },
      { header: bi("temps", "time share"), about: bi("Temps plein ou partiel.", "Full or part time."), value: of("timeShare", labelled((l) => l.TIME_SHARE_LABELS)), codes: (l) => l.TIME_SHARE_LABELS },
      { header: bi("budget assuré", "budget secured"), about: bi("« oui » : un budget est assuré.", "“yes”: a budget is secured."), value: of("budgetSecured", yesNo) },
      text("hosting", bi("hébergement", "hosting"), bi("Où le service est hébergé.", "Where the service is hosted.")),
      text("note", bi("note", "note"), bi("Note.", "Note.")),
    ],
  },
];

const WORDS = {
  fr: {
    dictionary: "Dictionnaire",
    method: "Méthode",
    dictionaryHeaders: ["feuille", "colonne", "description", "code", "libellé"],
    methodHeaders: ["élément", "valeur"],
    codeNote: "Codes : les valeurs stables, identiques dans toutes les langues, à utiliser pour relier ce fichier à d'autres.",
  },
  en: {
    dictionary: "Dictionary",
    method: "Method",
    dictionaryHeaders: ["sheet", "column", "description", "code", "label"],
    methodHeaders: ["item", "value"],
    codeNote: "Codes: the stable values, the same in every language, to join this file with others.",
  },
} as const;

export interface WorkbookSource {
  /** Lines of the « Méthode » sheet, in order: [item, value]. */
  method: [string, string | number][];
}

/**
 * Writes the workbook. Cells are values, never formulas; text is neutralised as in the CSV,
 * so that a value stays inert if the file is edited or re-saved as CSV.
 */
export function datasetWorkbook(dataset: Dataset, { lang, personNames, method }: { lang: Lang; personNames: boolean; method: WorkbookSource["method"] }): ExcelJS.Workbook {
  const context: Context = { l: domainLabels(lang), lang };
  const w = WORDS[lang];
  const workbook = new ExcelJS.Workbook();
  const cell = (value: unknown) => (typeof value === "string" ? neutraliseFormula(value) : value ?? null);
  const dictionary: (string | null)[][] = [];
  for (const sheetSpec of SHEETS) {
    const columns = sheetSpec.columns.filter((column) => personNames || !column.personName);
    const sheet = workbook.addWorksheet(sheetSpec.name[lang]);
    sheet.columns = columns.map((column) => ({
      header: column.header[lang],
      width: Math.min(40, Math.max(12, column.header[lang].length + 2)),
    }));
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: "frozen", ySplit: 1 }];
    const rows = dataset[sheetSpec.key] as unknown as Row[];
    for (const row of rows) sheet.addRow(columns.map((column) => cell(column.value(row, context))));
    for (const column of columns) {
      dictionary.push([sheetSpec.name[lang], column.header[lang], column.about[lang], null, null]);
      for (const [code, label] of Object.entries(column.codes?.(context.l, lang) ?? {})) {
        dictionary.push([sheetSpec.name[lang], column.header[lang], null, code, label]);
      }
    }
  }
  const dictionarySheet = workbook.addWorksheet(w.dictionary);
  dictionarySheet.columns = w.dictionaryHeaders.map((header, index) => ({ header, width: [22, 30, 70, 24, 50][index] }));
  dictionarySheet.getRow(1).font = { bold: true };
  dictionarySheet.views = [{ state: "frozen", ySplit: 1 }];
  for (const row of dictionary) dictionarySheet.addRow(row.map(cell));
  dictionarySheet.addRow([]);
  dictionarySheet.addRow([w.codeNote]);

  const methodSheet = workbook.addWorksheet(w.method);
  methodSheet.columns = w.methodHeaders.map((header, index) => ({ header, width: [34, 110][index] }));
  methodSheet.getRow(1).font = { bold: true };
  for (const [item, value] of method) methodSheet.addRow([cell(item), cell(value)]);
  methodSheet.getColumn(2).alignment = { wrapText: true, vertical: "top" };
  return workbook;
}

/** The level definitions of the methodology, one line per axis and level, for the « Méthode » sheet. */
export function levelDefinitionLines(lang: Lang): [string, string][] {
  const l = domainLabels(lang);
  return AXES.flatMap((axis) =>
    LEVELS.map((level): [string, string] => [`${l.AXIS_LABELS[axis]} — ${level} — ${l.LEVEL_LABELS[level]}`, l.LEVEL_DEFINITIONS[axis][level]]),
  );
}
