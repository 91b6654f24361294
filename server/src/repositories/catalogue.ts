// The programme team's writes to the catalogue: promotions and challenges, their dates and
// public fields. Callers run them in their transaction and audit them.
import type { Db } from "../db/database";
import { toSearchText } from "../lib/search-text";
import { AXES } from "@shared/domain";
import { refreshTrajectory } from "./trajectory-steps";

export interface PromotionRecord {
  key: string;
  label: string;
  year: number;
  startsOn: string;
  endsOn: string;
  datesApproximate: boolean;
}

export interface ChallengeRecord {
  id: number;
  slug: string;
  title: string;
  promotion: string;
  administration: string;
  administrationWebsite: string | null;
  website: string | null;
  sourceCode: string | null;
  city: string | null;
  startsOn: string;
  endsOn: string;
  datesApproximate: boolean;
}

export function findPromotion(db: Db, key: string): PromotionRecord | undefined {
  const row = db.get<Omit<PromotionRecord, "datesApproximate"> & { datesApproximate: number }>(
    `SELECT key, label, year, starts_on AS startsOn, ends_on AS endsOn, dates_approximate AS datesApproximate
     FROM promotions WHERE key = ?`,
    [key],
  );
  return row && { ...row, datesApproximate: row.datesApproximate === 1 };
}

export function insertPromotion(db: Db, promotion: Omit<PromotionRecord, "year">): void {
  db.run(
    `INSERT INTO promotions (key, label, year, starts_on, ends_on, dates_approximate, position)
     VALUES (@key, @label, @year, @startsOn, @endsOn, @datesApproximate,
             (SELECT coalesce(max(position), -1) + 1 FROM promotions))`,
    { ...promotion, year: Number(promotion.startsOn.slice(0, 4)), datesApproximate: promotion.datesApproximate ? 1 : 0 },
  );
}

/**
 * Writes a promotion's label and dates. Trajectories count months from the promotion's start
 * (docs/decisions/0001-schema-and-derived-state.md): when it moves, every challenge of the
 * promotion has its month levels and the promotion's steps brought in line with its history.
 */
export function updatePromotion(db: Db, before: PromotionRecord, after: Omit<PromotionRecord, "key" | "year">): void {
  db.run(
    `UPDATE promotions SET label = @label, year = @year, starts_on = @startsOn, ends_on = @endsOn,
       dates_approximate = @datesApproximate WHERE key = @key`,
    {
      key: before.key,
      label: after.label,
      year: Number(after.startsOn.slice(0, 4)),
      startsOn: after.startsOn,
      endsOn: after.endsOn,
      datesApproximate: after.datesApproximate ? 1 : 0,
    },
  );
  if (after.startsOn === before.startsOn) return;
  const ids = db.all<{ id: number }>("SELECT id FROM challenges WHERE promotion_key = ?", [before.key]);
  for (const { id } of ids) for (const axis of AXES) refreshTrajectory(db, id, axis);
}

const challengeColumns = `
  c.id, c.slug, c.title, c.promotion_key AS promotion, c.administration,
  c.administration_website AS administrationWebsite, c.website, c.source_code AS sourceCode, c.city,
  c.starts_on AS startsOn, c.ends_on AS endsOn, c.dates_approximate AS datesApproximate`;

export function findChallengeRecord(db: Db, slug: string): ChallengeRecord | undefined {
  const row = db.get<Omit<ChallengeRecord, "datesApproximate"> & { datesApproximate: number }>(
    `SELECT ${challengeColumns} FROM challenges c WHERE c.slug = ?`,
    [slug],
  );
  return row && { ...row, datesApproximate: row.datesApproximate === 1 };
}

/** Whole months the challenge lasts, its last month counted: 2017-01-01 to 2017-10-31 is 10. */
export function durationMonths(startsOn: string, endsOn: string): number {
  const [y1, m1] = startsOn.split("-").map(Number);
  const [y2, m2] = endsOn.split("-").map(Number);
  return (y2 - y1) * 12 + (m2 - m1) + 1;
}

/** A slug made from the title, unique among the challenges: "EIG Link" → "eig-link", then "eig-link-2"... */
export function uniqueSlug(db: Db, title: string): string {
  const base =
    toSearchText(title)
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 90)
      .replace(/-+$/, "") || "defi";
  let slug = base;
  for (let n = 2; db.get("SELECT 1 FROM challenges WHERE slug = ?", [slug]) !== undefined; n += 1) slug = `${base}-${n}`;
  return slug;
}

type ChallengeFields = Omit<ChallengeRecord, "id" | "slug" | "promotion">;

const challengeParams = (fields: ChallengeFields) => ({
  title: fields.title,
  administration: fields.administration,
  administrationWebsite: fields.administrationWebsite,
  website: fields.website,
  sourceCode: fields.sourceCode,
  city: fields.city,
  startsOn: fields.startsOn,
  endsOn: fields.endsOn,
  datesApproximate: fields.datesApproximate ? 1 : 0,
  year: Number(fields.startsOn.slice(0, 4)),
  durationMonths: durationMonths(fields.startsOn, fields.endsOn),
  searchText: toSearchText(`${fields.title} ${fields.administration}`),
});

export function insertChallenge(db: Db, slug: string, promotion: string, fields: ChallengeFields): number {
  const result = db.run(
    `INSERT INTO challenges (slug, title, promotion_key, administration, administration_website, website,
       source_code, city, year, duration_months, starts_on, ends_on, dates_approximate, search_text)
     VALUES (@slug, @title, @promotion, @administration, @administrationWebsite, @website, @sourceCode,
       @city, @year, @durationMonths, @startsOn, @endsOn, @datesApproximate, @searchText)`,
    { slug, promotion, ...challengeParams(fields) },
  );
  return Number(result.lastInsertRowid);
}

/**
 * Writes a challenge's public fields and dates; its slug stays. Nothing kept on write reads a
 * challenge's own dates (trajectories count from the promotion's start; "outcomes after end"
 * and the at-risk list compute from ends_on when read), so no derived table changes here.
 */
export function updateChallenge(db: Db, id: number, fields: ChallengeFields): void {
  db.run(
    `UPDATE challenges SET title = @title, administration = @administration,
       administration_website = @administrationWebsite, website = @website, source_code = @sourceCode,
       city = @city, year = @year, duration_months = @durationMonths, starts_on = @startsOn, ends_on = @endsOn,
       dates_approximate = @datesApproximate, search_text = @searchText,
       version = version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
     WHERE id = @id`,
    { id, ...challengeParams(fields) },
  );
}
