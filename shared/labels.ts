// The domain's wording in each language of the interface and the exports. French is the
// default (docs/domain.md, « Languages »); English is chosen by the user, never by the browser.
import * as labelsEn from "./labels-en";
import * as labelsFr from "./labels-fr";

export const LANGS = ["fr", "en"] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = "fr";

export const isLang = (value: unknown): value is Lang => value === "fr" || value === "en";

export type DomainLabels = typeof labelsFr;
// A French label without its English twin (or the other way round) fails `tsc` here.
const en: DomainLabels = labelsEn;
const _frMirrorsEn: typeof labelsEn = labelsFr;
void _frMirrorsEn;

export const DOMAIN_LABELS: Record<Lang, DomainLabels> = { fr: labelsFr, en };

export const domainLabels = (lang: Lang = DEFAULT_LANG): DomainLabels => DOMAIN_LABELS[lang];
