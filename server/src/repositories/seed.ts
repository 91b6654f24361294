import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { ACTION_KINDS, ALLY_KINDS, OUTCOME_CATEGORIES, PUBLIC_SOURCE_AUTHOR } from "@shared/domain";
import { isoDateSchema, slugSchema } from "@shared/common";
import { projectRoot } from "../config";
import { toSearchText } from "../lib/search-text";
import type { Db } from "../db/database";
import { refreshOutcomeMask } from "./outcomes";

const catalogueFile = path.join(projectRoot, "db", "seed", "eig-challenges.json");

const catalogueSchema = z.object({
  promotions: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      year: z.number().int(),
      startsOn: isoDateSchema,
      endsOn: isoDateSchema,
      datesApproximate: z.boolean(),
    }),
  ),
  challenges: z.array(
    z.object({
      slug: slugSchema,
      title: z.string(),
      promotion: z.string(),
      year: z.number().int(),
      durationMonths: z.number().int(),
      startsOn: isoDateSchema,
      endsOn: isoDateSchema,
      administration: z.string(),
      administrationWebsite: z.string().nullable(),
      skills: z.array(z.string()),
      website: z.string().nullable(),
      sourceCode: z.string().nullable(),
      city: z.string().nullable(),
      eigCount: z.number().int().nullable(),
      mentorCount: z.number().int().nullable(),
      predecessor: slugSchema.optional(),
      seedOutcome: z
        .object({ categories: z.array(z.enum(OUTCOME_CATEGORIES)), note: z.string(), asOf: isoDateSchema })
        .optional(),
      seedActions: z.array(z.object({ kind: z.enum(ACTION_KINDS), text: z.string(), asOf: isoDateSchema })).optional(),
      seedAllies: z.array(z.object({ name: z.string(), kind: z.enum(ALLY_KINDS), asOf: isoDateSchema })).optional(),
    }),
  ),
});
export type Catalogue = z.infer<typeof catalogueSchema>;

export function readCatalogue(file = catalogueFile): Catalogue {
  return catalogueSchema.parse(JSON.parse(fs.readFileSync(file, "utf8")));
}

/**
 * Loads the public catalogue idempotently, in one transaction: promotions and challenges
 * already present (by key and slug) are left as they are, so corrections made in the
 * product survive a restart; seed outcome, actions and allies come only with a new challenge.
 * Returns how many challenges were added.
 */
export function loadCatalogue(db: Db, catalogue = readCatalogue()): number {
  return db.transaction(() => {
    catalogue.promotions.forEach((promotion, position) => {
      db.run(
        `INSERT INTO promotions (key, label, year, starts_on, ends_on, dates_approximate, position)
         VALUES (@key, @label, @year, @startsOn, @endsOn, @datesApproximate, @position)
         ON CONFLICT (key) DO NOTHING`,
        { ...promotion, datesApproximate: promotion.datesApproximate ? 1 : 0, position },
      );
    });

    const added = new Map<string, number>();
    for (const challenge of catalogue.challenges) {
      const result = db.run(
        `INSERT INTO challenges (slug, title, promotion_key, administration, administration_website, website,
           source_code, city, year, duration_months, starts_on, ends_on, dates_approximate, eig_count,
           mentor_count, search_text)
         VALUES (@slug, @title, @promotion, @administration, @administrationWebsite, @website, @sourceCode,
           @city, @year, @durationMonths, @startsOn, @endsOn, 1, @eigCount, @mentorCount, @searchText)
         ON CONFLICT (slug) DO NOTHING`,
        {
          slug: challenge.slug,
          title: challenge.title,
          promotion: challenge.promotion,
          administration: challenge.administration,
          administrationWebsite: challenge.administrationWebsite,
          website: challenge.website,
          sourceCode: challenge.sourceCode,
          city: challenge.city,
          year: challenge.year,
          durationMonths: challenge.durationMonths,
          startsOn: challenge.startsOn,
          endsOn: challenge.endsOn,
          eigCount: challenge.eigCount,
          mentorCount: challenge.mentorCount,
          searchText: toSearchText(`${challenge.title} ${challenge.administration}`),
        },
      );
      if (result.changes === 1) added.set(challenge.slug, Number(result.lastInsertRowid));
    }

    for (const challenge of catalogue.challenges) {
      const id = added.get(challenge.slug);
      if (id === undefined) continue;
      for (const skill of challenge.skills) {
        db.run("INSERT OR IGNORE INTO challenge_skills (challenge_id, skill) VALUES (?, ?)", [id, skill]);
      }
      if (challenge.predecessor) {
        db.run("UPDATE challenges SET predecessor_id = (SELECT id FROM challenges WHERE slug = ?) WHERE id = ?", [
          challenge.predecessor,
          id,
        ]);
      }
      if (challenge.seedOutcome) {
        const { categories, note, asOf } = challenge.seedOutcome;
        const outcome = db.run(
          `INSERT INTO outcomes (challenge_id, categories, note, as_of, author_name) VALUES (?, ?, ?, ?, ?)`,
          [id, JSON.stringify(categories), note, asOf, PUBLIC_SOURCE_AUTHOR],
        );
        db.run("INSERT INTO current_outcome (challenge_id, outcome_id) VALUES (?, ?)", [id, outcome.lastInsertRowid]);
        refreshOutcomeMask(db, id);
        // Reported on its own date by the public source, not when the catalogue was loaded.
        db.run("UPDATE challenges SET last_report_at = ? WHERE id = ?", [`${asOf}T00:00:00.000Z`, id]);
      }
      for (const action of challenge.seedActions ?? []) {
        db.run(
          `INSERT INTO actions (challenge_id, kind, title, status, as_of, author_name) VALUES (?, ?, ?, 'planned', ?, ?)`,
          [id, action.kind, action.text, action.asOf, PUBLIC_SOURCE_AUTHOR],
        );
      }
      for (const ally of challenge.seedAllies ?? []) {
        db.run(`INSERT INTO allies (challenge_id, name, kind, as_of, author_name) VALUES (?, ?, ?, ?, ?)`, [
          id,
          ally.name,
          ally.kind,
          ally.asOf,
          PUBLIC_SOURCE_AUTHOR,
        ]);
      }
    }
    return added.size;
  });
}
