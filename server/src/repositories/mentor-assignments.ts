import type { Db } from "../db/database";

/** Makes the user a mentor of the challenge `slug`; nothing happens if they already are one. */
export function assignMentorBySlug(db: Db, userId: number, slug: string): void {
  db.run("INSERT OR IGNORE INTO challenge_mentors (challenge_id, user_id) SELECT id, ? FROM challenges WHERE slug = ?", [userId, slug]);
}
