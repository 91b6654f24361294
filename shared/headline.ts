// The dashboard's headline: a few key figures for the selected promotions, each with its n.
import { z } from "zod";

const count = z.number().int().nonnegative();
const byAxis = z.object({ production: count, transmission: count, reliability: count });

/** The headline figures of one promotion, or of all the selected ones together. */
const headlineRowSchema = z.object({
  key: z.string(),
  label: z.string(),
  /** n: the challenges the filters keep. */
  challengeCount: count,
  /** Challenges with an outcome recorded (in the data view). */
  outcomeReported: count,
  /** Challenges at level 2 "Atteint" or 3 on each axis (in the data view). */
  achieved: byAxis,
  /** Challenges with no level on each axis (in the data view). */
  levelNotReported: byAxis,
  /** Challenges that reported on or after `since` (Europe/Paris dates). */
  reportedRecently: count,
  /** Challenges that never reported anything. */
  neverReported: count,
});
export type HeadlineRow = z.infer<typeof headlineRowSchema>;

/** How far back "reported recently" looks. */
export const RECENT_REPORT_MONTHS = 6;

/** `GET /api/stats/headline`. */
export const headlineSchema = z.object({
  /** The first day counted as recent: today (or the snapshot's day) less RECENT_REPORT_MONTHS months. */
  since: z.string(),
  promotions: z.array(headlineRowSchema),
  total: headlineRowSchema,
});
export type Headline = z.infer<typeof headlineSchema>;
