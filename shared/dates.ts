// Dates are reckoned in Europe/Paris (docs/methodology.md, « Dates »): "today" is the day in Paris.

const parisDay = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" });

/** The calendar day in Paris at `instant`, as YYYY-MM-DD. */
export function parisDate(instant: Date = new Date()): string {
  return parisDay.format(instant);
}

/** French writes the first of a month "1er" ("1er décembre 2026"), where Intl writes "1 décembre 2026". */
export const frenchFirstOfMonth = (formatted: string) => formatted.replace(/^1 /, "1er ");

/** The instant (ISO, UTC) at which the day `isoDate` begins in Paris. */
export function parisMidnight(isoDate: string): string {
  const utcMidnight = Date.parse(`${isoDate}T00:00:00Z`);
  // Paris is UTC+1 (winter) or UTC+2 (summer); clocks change at 2 or 3 a.m., never at midnight.
  for (const offsetHours of [1, 2]) {
    const instant = new Date(utcMidnight - offsetHours * 3_600_000);
    if (parisDate(instant) === isoDate && parisDate(new Date(instant.getTime() - 1)) !== isoDate) return instant.toISOString();
  }
  throw new Error(`No Paris midnight found for ${isoDate}.`);
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

/** `isoDate` moved by `months` calendar months (the day clamped to the month's length). */
export function addMonths(isoDate: string, months: number): string {
  const [year, month, day] = isoDate.split("-").map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/** Whole months from `from` to `to`; 0 when `to` is before `from`. */
export function wholeMonthsBetween(from: string, to: string): number {
  const [y1, m1, d1] = from.split("-").map(Number);
  const [y2, m2, d2] = to.split("-").map(Number);
  const months = (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0);
  return Math.max(0, months);
}
