import { DOMAIN_LABELS, type DomainLabels, type Lang } from "@shared/labels";
import { FORMATS, type Format } from "../lib/format";
import { getLang, useLang } from "./lang";
import { MESSAGES, type Messages } from "./messages";

export interface I18n {
  lang: Lang;
  /** Interface text. */
  t: Messages;
  /** Domain wording: axes, levels, outcomes… */
  l: DomainLabels;
  /** Dates and numbers. */
  f: Format;
}

const build = (lang: Lang): I18n => ({ lang, t: MESSAGES[lang], l: DOMAIN_LABELS[lang], f: FORMATS[lang] });
const BY_LANG: Record<Lang, I18n> = { fr: build("fr"), en: build("en") };

const i18nFor = (lang: Lang): I18n => BY_LANG[lang];

/** The current language's text, labels and formats; re-renders when the language changes. */
export const useI18n = (): I18n => i18nFor(useLang());

/**
 * The text of a namespace that one lazily loaded page alone reads. The page imports the
 * namespace itself, so its text arrives with the page, not in the initial JavaScript that every
 * visitor loads first (its budget is in scripts/bench.ts).
 */
export function usePageMessages<T>(namespace: { fr: T; en: T }): T {
  return namespace[useLang()];
}

/** Outside React (the fetch client): the language at the time of the call. */
export const currentI18n = (): I18n => i18nFor(getLang());
