// The one way every export is named, chart files in the browser and dataset files on the
// server alike: what it holds, the promotions, the other filters, the data counted and the day
// (or the snapshot), e.g. `eig-trajectoires_eig1-eig2-eig3_validees_2026-12-06.png`. Two
// exports of different figures never share a name, so a download never overwrites another,
// and a file found later in a folder still says what it is. ASCII, lowercase, no spaces:
// the name survives mail attachments, zips and every file system.
import { parisDate } from "./dates";
import type { DataView } from "./domain";
import type { Lang } from "./labels";

/** "Résultats par promotion" → "resultats-par-promotion" (at most `max` characters). */
export function fileSlug(text: string, max = 60): string {
  const slug = text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length <= max) return slug;
  // Cut between words, not inside one.
  const cut = slug.slice(0, max + 1);
  const lastBreak = cut.lastIndexOf("-");
  return (lastBreak > 0 ? cut.slice(0, lastBreak) : slug.slice(0, max)).replace(/-+$/, "");
}

/** "EIG 1" → "eig1", "DIG" → "dig": one token per promotion, joined by hyphens. */
const promotionToken = (label: string) => fileSlug(label, 20).replace(/-/g, "");

const WORDS = {
  fr: {
    allPromotions: "toutes-promotions",
    data: { all: "toutes-donnees", validated: "validees", declared: "declarees" },
    snapshot: "instantane",
  },
  en: {
    allPromotions: "all-promotions",
    data: { all: "all-data", validated: "validated", declared: "declared" },
    snapshot: "snapshot",
  },
} as const satisfies Record<Lang, unknown>;

export interface ExportName {
  /** What the file holds: a chart's title or a dataset's name, in words or already a slug. */
  subject: string;
  /** Labels (or keys) of the promotions the filters keep; none means every promotion. */
  promotions?: readonly string[];
  /** The other filters' values (administration, skill…), in the order the page shows them. */
  filters?: readonly (string | undefined)[];
  data?: DataView;
  /** As of a snapshot: its id and when it was taken; the name then dates the snapshot, not the download. */
  snapshot?: { id: number | string; takenAt: string } | null;
  /** Anything else that tells two variants apart (e.g. the CSV separator). */
  variant?: string;
  /** Day of a live export (YYYY-MM-DD); today in Paris by default. */
  date?: string;
  lang?: Lang;
  extension: string;
}

/**
 * `eig-<subject>_<promotions>[_<filters>]_<data>[_<variant>]_<date | instantane-ID-date>.<ext>`.
 * Fields are separated by "_", words within a field by "-".
 */
export function exportFileName({ subject, promotions = [], filters = [], data = "all", snapshot, variant, date, lang = "fr", extension }: ExportName): string {
  const w = WORDS[lang];
  const what = fileSlug(subject) || "export";
  const tokens = [...new Set(promotions.map(promotionToken).filter(Boolean))];
  const fields = [
    what.startsWith("eig-") || what === "eig" ? what : `eig-${what}`,
    tokens.length > 0 ? tokens.join("-") : w.allPromotions,
    ...filters.map((filter) => (filter ? fileSlug(filter, 40) : "")).filter(Boolean),
    w.data[data],
    variant ? fileSlug(variant, 30) : "",
    snapshot ? `${w.snapshot}-${snapshot.id}-${parisDate(new Date(snapshot.takenAt))}` : (date ?? parisDate()),
  ].filter(Boolean);
  return `${fields.join("_")}.${fileSlug(extension, 10)}`;
}

