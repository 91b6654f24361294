// Dates are reckoned in Europe/Paris (PRODUCT.md): "today" is the day in Paris.

const parisDay = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" });

/** The calendar day in Paris at `instant`, as YYYY-MM-DD. */
export function parisDate(instant: Date = new Date()): string {
  return parisDay.format(instant);
}

/** `isoDate` moved by `days` calendar days. */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The earliest date a status may be reported for: the programme began in 2016. */
export const EARLIEST_REPORT_DATE = "2016-01-01";

/** A challenge is "à actualiser" when nothing was recorded for this many days. */
export const STALE_AFTER_DAYS = 90;
