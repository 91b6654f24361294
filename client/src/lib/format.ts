// Numbers and dates as a French reader expects them. Calendar dates (YYYY-MM-DD) are read
// as UTC so that no time zone moves them to the day before.

const dateFormat = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "UTC" });
const monthFormat = new Intl.DateTimeFormat("fr-FR", { month: "long", year: "numeric", timeZone: "UTC" });
const instantFormat = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" });
const integerFormat = new Intl.NumberFormat("fr-FR");
const decimalFormat = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const percentFormat = new Intl.NumberFormat("fr-FR", { style: "percent", maximumFractionDigits: 0 });

const calendarDate = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`);

export const formatDate = (isoDate: string) => dateFormat.format(calendarDate(isoDate));
export const formatMonth = (isoDate: string) => monthFormat.format(calendarDate(isoDate));
export const formatInstant = (isoInstant: string) => instantFormat.format(new Date(isoInstant));
export const formatInteger = (value: number) => integerFormat.format(value);
export const formatDecimal = (value: number) => decimalFormat.format(value);
export const formatPercent = (share: number) => percentFormat.format(share);

/** "1 défi", "3 défis". */
export const countOf = (count: number, singular: string, plural = `${singular}s`) =>
  `${formatInteger(count)} ${count > 1 ? plural : singular}`;
