// Numbers and dates as a reader of the chosen language expects them. Calendar dates
// (YYYY-MM-DD) are read as UTC so that no time zone moves them to the day before.
import type { Lang } from "@shared/labels";
import { frenchFirstOfMonth } from "@shared/dates";

export interface Plural {
  one: string;
  other: string;
}

export interface Format {
  date: (isoDate: string) => string;
  month: (isoDate: string) => string;
  instant: (isoInstant: string) => string;
  integer: (value: number) => string;
  decimal: (value: number) => string;
  percent: (share: number) => string;
  /** "1 défi", "3 défis" / "1 challenge", "0 challenges": the language's plural rule. */
  count: (count: number, noun: Plural) => string;
  /** The noun alone, agreed with a count. */
  plural: (count: number, noun: Plural) => string;
}

const LOCALES: Record<Lang, string> = { fr: "fr-FR", en: "en-GB" };

function createFormat(lang: Lang): Format {
  const locale = LOCALES[lang];
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" });
  const monthFormat = new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" });
  const instantFormat = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" });
  const integerFormat = new Intl.NumberFormat(locale);
  const decimalFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  const percentFormat = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
  const pluralRules = new Intl.PluralRules(locale);
  const calendarDate = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`);
  const day = lang === "fr" ? frenchFirstOfMonth : (text: string) => text;
  const plural = (count: number, noun: Plural) => (pluralRules.select(count) === "one" ? noun.one : noun.other);
  return {
    date: (isoDate) => day(dateFormat.format(calendarDate(isoDate))),
    month: (isoDate) => monthFormat.format(calendarDate(isoDate)),
    instant: (isoInstant) => day(instantFormat.format(new Date(isoInstant))),
    integer: (value) => integerFormat.format(value),
    decimal: (value) => decimalFormat.format(value),
    percent: (share) => percentFormat.format(share),
    count: (count, noun) => `${integerFormat.format(count)} ${plural(count, noun)}`,
    plural,
  };
}

export const FORMATS: Record<Lang, Format> = { fr: createFormat("fr"), en: createFormat("en") };
