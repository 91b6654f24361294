import { z } from "zod";
import { statsFiltersSchema } from "./stats";
import { LANGS } from "./labels";
import { sm } from "./i18n/schema-messages";

/** How the printed report is laid out on A4: portrait by default. */
export const REPORT_ORIENTATIONS = ["portrait", "landscape"] as const;
export type ReportOrientation = (typeof REPORT_ORIENTATIONS)[number];

/** `GET /api/export/report.pdf`: the report's own filters, its orientation and the reader's language. */
export const reportPdfQuerySchema = statsFiltersSchema.extend({
  orientation: z.enum(REPORT_ORIENTATIONS, { error: sm("report.orientation") }).optional(),
  lang: z.enum(LANGS).optional(),
});
export type ReportPdfQuery = z.infer<typeof reportPdfQuerySchema>;
