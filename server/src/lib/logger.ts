import { pino, type DestinationStream, type Logger } from "pino";
import type { LogLevel } from "./log-level";

export type { Logger };

/**
 * Paths masked wherever they appear in a log line. The request serializer already keeps no
 * header and no body (http/request-log.ts); this list is the second line of defence for
 * anything logged by hand: an error carrying the raw body it failed to parse, a header
 * object, a `password` field at the first levels of an object.
 */
const REDACTED_PATHS = [
  "password",
  "*.password",
  "*.*.password",
  "body",
  "*.body",
  "headers.cookie",
  "headers.authorization",
  'headers["x-csrf-token"]',
  'headers["set-cookie"]',
  "*.headers.cookie",
  "*.headers.authorization",
  '*.headers["x-csrf-token"]',
  '*.headers["set-cookie"]',
  "csrfToken",
  "*.csrfToken",
  "token",
  "*.token",
];

/** JSON lines on standard output (or `destination` in tests), secrets masked. */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const options = {
    level,
    // No hostname/pid noise on every line: one process per database (docs/decisions/0003).
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
    redact: { paths: REDACTED_PATHS, censor: "[masqué]" },
  };
  return destination ? pino(options, destination) : pino(options);
}
