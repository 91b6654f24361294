import { z } from "zod";
import { AXES, LEVELS } from "./domain";
import { fieldLabel, schemaMessage, sm } from "./i18n/schema-messages";

/** A real calendar date written YYYY-MM-DD (2019-02-30 is refused). */
export const isoDateSchema = z.iso.date({ error: sm("date.format") });

export const axisSchema = z.enum(AXES);
export const levelSchema = z.union(LEVELS.map((level) => z.literal(level)));

export const slugSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,99}$/, { error: sm("challenge.slug") });

// Control characters have no place in a name or a note, and SQLite's length() stops at NUL.
// eslint-disable-next-line no-control-regex -- matching control characters is this pattern's job
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Free text up to `max` characters, trimmed, without control characters (line breaks allowed). */
export const textSchema = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, { error: () => schemaMessage("text.tooLong", { label: fieldLabel(label), max }) })
    .refine((value) => !CONTROL_CHARACTERS.test(value), { error: () => schemaMessage("text.control", { label: fieldLabel(label) }) });

/** What every link field's hint says, and what its input's `pattern` checks in the browser. */
export const HTTPS_URL_PATTERN = "https://.+";
const HTTPS_URL_MAX = 500;

/**
 * Every link a mentor or reviewer enters: https only, as the forms' hints say (an http:// link
 * would send readers through an unencrypted page). Links stored before this rule still display.
 */
export const httpsUrlSchema = z
  .url({ protocol: /^https$/, error: sm("url.https") })
  .max(HTTPS_URL_MAX, { error: sm("url.tooLong", { max: HTTPS_URL_MAX }) });
