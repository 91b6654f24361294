// Bodies of the mentors' writes (docs/domain.md, « Who may do what »). Every
// schema is strict: an unknown field is an error, and a rejected request writes nothing.
import { z } from "zod";
import { snapshotIdSchema } from "./snapshot";
import { statsFiltersSchema } from "./stats";
import {
  ACTION_KINDS,
  ACTION_STATUSES,
  ALLY_KINDS,
  AXES,
  CHECKLIST_ITEMS,
  DATA_VIEWS,
  OUTCOME_CATEGORIES,
  RESOURCE_ARRANGEMENTS,
  SUSTAINABILITY_PATHS,
  TIME_SHARES,
} from "./domain";
import { axisSchema, httpsUrlSchema, isoDateSchema, levelSchema, textSchema } from "./common";
import { EARLIEST_REPORT_DATE, parisDate } from "./dates";
import { sm } from "./i18n/schema-messages";

/** A report date: a real date, not before 2016, not after today in Paris (a status describes what is, not what will be). */
const reportDateSchema = isoDateSchema
  .refine((date) => date >= EARLIEST_REPORT_DATE, { error: sm("date.tooEarly") })
  .refine((date) => date <= parisDate(), { error: sm("date.afterToday") });

const text = textSchema;

/** Limits of the long free-text fields, shared with the forms' character counters. */
export const NOTE_MAX = 2000;
export const SCENARIO_TEXT_MAX = 4000;
const optionalText = (max: number, label: string) =>
  text(max, label)
    .transform((value) => (value === "" ? null : value))
    .nullable()
    .optional();

const evidenceUrlSchema = httpsUrlSchema;

/** `POST /api/challenges/:slug/status-updates`. */
export const newStatusUpdateSchema = z.strictObject({
  axis: axisSchema,
  level: levelSchema,
  note: optionalText(NOTE_MAX, "Note"),
  evidenceUrl: evidenceUrlSchema.nullable().optional(),
  asOf: reportDateSchema.optional(),
});
export type NewStatusUpdate = z.input<typeof newStatusUpdateSchema>;

/** `POST /api/challenges/:slug/confirmations`: "Toujours exact" on some axes (default: all reported). */
export const confirmationSchema = z.strictObject({
  axes: z.array(axisSchema).min(1).max(AXES.length).optional(),
});

/** `POST /api/status-updates/:id/retraction`'s answer: the update retracted, why, when and by whom. */
export const retractionResultSchema = z.object({
  statusUpdateId: z.number().int(),
  reason: z.string(),
  retractedAt: z.string(),
  authorName: z.string(),
});

/** `POST /api/status-updates/:id/retraction`. */
export const retractionSchema = z.strictObject({
  reason: text(NOTE_MAX, "Motif").min(1, { error: sm("retraction.reasonRequired") }),
});

/** `PUT /api/challenges/:slug/outcome`, with `If-Match: <version>`. */
export const outcomeUpdateSchema = z.strictObject({
  categories: z
    .array(z.enum(OUTCOME_CATEGORIES))
    .min(1, { error: sm("categories.required") })
    .max(OUTCOME_CATEGORIES.length)
    .refine((categories) => new Set(categories).size === categories.length, { error: sm("categories.duplicate") }),
  path: z.enum(SUSTAINABILITY_PATHS).nullable().optional(),
  note: optionalText(NOTE_MAX, "Note"),
  asOf: reportDateSchema.optional(),
});
export type OutcomeUpdate = z.input<typeof outcomeUpdateSchema>;

const actionFields = {
  kind: z.enum(ACTION_KINDS),
  title: text(200, "Intitulé").min(1, { error: sm("title.required") }),
  status: z.enum(ACTION_STATUSES),
  dueOn: isoDateSchema.nullable(),
  owner: optionalText(120, "Porteur"),
  scenarioId: z.number().int().positive().nullable(),
};
export const newActionSchema = z.strictObject({
  ...actionFields,
  status: actionFields.status.default("planned"),
  dueOn: actionFields.dueOn.optional(),
  scenarioId: actionFields.scenarioId.optional(),
});
export const actionPatchSchema = z.strictObject(actionFields).partial();

const scenarioFields = {
  title: text(200, "Intitulé").min(1, { error: sm("title.required") }),
  needs: optionalText(SCENARIO_TEXT_MAX, "Besoins et difficultés"),
  resourcesNeeded: optionalText(SCENARIO_TEXT_MAX, "Ressources nécessaires"),
  governance: optionalText(SCENARIO_TEXT_MAX, "Gouvernance"),
  calendar: optionalText(SCENARIO_TEXT_MAX, "Calendrier"),
  preferred: z.boolean(),
  isStop: z.boolean(),
};
export const newScenarioSchema = z.strictObject({
  ...scenarioFields,
  preferred: scenarioFields.preferred.default(false),
  isStop: scenarioFields.isStop.default(false),
});
export const scenarioPatchSchema = z.strictObject(scenarioFields).partial();
/** The programme's strategy note: up to three scenarios, plus one stop scenario. */
export const MAX_SCENARIOS = 3;

const allyFields = {
  name: text(200, "Nom").min(1, { error: sm("name.required") }),
  kind: z.enum(ALLY_KINDS),
  role: optionalText(500, "Rôle"),
};
export const newAllySchema = z.strictObject(allyFields);
export const allyPatchSchema = z.strictObject(allyFields).partial();

const resourceFields = {
  peopleKept: z.number().int().min(0).max(1000),
  arrangement: z.enum(RESOURCE_ARRANGEMENTS).nullable(),
  timeShare: z.enum(TIME_SHARES).nullable(),
  budgetSecured: z.boolean(),
  hosting: optionalText(500, "Hébergement"),
  note: optionalText(NOTE_MAX, "Note"),
};
export const newResourceSchema = z.strictObject({
  ...resourceFields,
  arrangement: resourceFields.arrangement.optional(),
  timeShare: resourceFields.timeShare.optional(),
  budgetSecured: resourceFields.budgetSecured.default(false),
});
export const resourcePatchSchema = z.strictObject(resourceFields).partial();

/** `PUT /api/challenges/:slug/checklist/:item`. */
export const checklistItemParamsSchema = z.strictObject({
  slug: z.string(),
  item: z.enum(CHECKLIST_ITEMS as [string, ...string[]], { error: sm("checklist.item") }),
});
export const checklistItemUpdateSchema = z.strictObject({
  done: z.boolean(),
  link: evidenceUrlSchema.nullable().optional(),
});
export type ChecklistItemUpdate = z.input<typeof checklistItemUpdateSchema>;

/** `:id` of the item routes (`/api/actions/:id`…). */
export const itemIdParamsSchema = z.strictObject({ id: z.coerce.number().int().positive() });

/** Non-blocking warnings shown to mentors and the programme team. */
const WARNING_CODES = ["production_secured_without_means", "discontinued_but_secured", "transmission_without_handover"] as const;
export const warningSchema = z.object({ code: z.enum(WARNING_CODES), message: z.string() });
export type Warning = z.infer<typeof warningSchema>;

/** Query of the CSV exports: `?sep=;` for French spreadsheets. */
/** Language of the exports' column headers, labels and sheet names: French unless asked. */
const exportLangSchema = z.enum(["fr", "en"], { error: sm("export.lang") }).optional();

/** Which values the exports hold (docs/methodology.md, « Data views »): all (default), validated only, or declared only. */
const exportDataSchema = z.enum(DATA_VIEWS, { error: sm("data.view") }).optional();

/**
 * The dashboard's filters an export keeps, as on the statistics (`?promotion=…&administration=…&skill=…`):
 * the file holds the challenges the dashboard counts, and its name says which.
 */
const exportFilters = {
  promotion: statsFiltersSchema.shape.promotion,
  administration: statsFiltersSchema.shape.administration,
  skill: statsFiltersSchema.shape.skill,
};

export const exportQuerySchema = z.strictObject({
  sep: z.enum([",", ";"], { error: sm("export.separator") }).optional(),
  lang: exportLangSchema,
  data: exportDataSchema,
  snapshot: snapshotIdSchema.optional(),
  ...exportFilters,
});

/** `GET /api/export/dataset.xlsx`: the language, which values, as of which snapshot, and the filters. */
export const exportLangQuerySchema = z.strictObject({ lang: exportLangSchema, data: exportDataSchema, snapshot: snapshotIdSchema.optional(), ...exportFilters });

/** `GET /api/export/dataset.json`: which values, as of which snapshot, and the filters. */
export const exportDataQuerySchema = z.strictObject({ data: exportDataSchema, snapshot: snapshotIdSchema.optional(), ...exportFilters });
