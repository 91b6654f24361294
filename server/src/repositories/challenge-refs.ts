// The small lookups of challenges by reference, without their content: the id and slug of the
// challenge a request names (by slug, or by the id of something it owns), which access checks
// use to answer 404 and to find whose mentors may write (server/src/http/access.ts); and
// whether there is any challenge at all.
import type { Db } from "../db/database";

export interface ChallengeRef {
  id: number;
  slug: string;
}

export function challengeRefBySlug(db: Db, slug: string): ChallengeRef | undefined {
  return db.get<ChallengeRef>("SELECT id, slug FROM challenges WHERE slug = ?", [slug]);
}

/** The challenge a status update belongs to, for the routes that name the update alone. */
export function challengeRefOfStatusUpdate(db: Db, statusUpdateId: number): ChallengeRef | undefined {
  return db.get<ChallengeRef>("SELECT c.id, c.slug FROM status_updates u JOIN challenges c ON c.id = u.challenge_id WHERE u.id = ?", [statusUpdateId]);
}

/** The challenge an outcome (a statement of what became of it) belongs to. */
export function challengeRefOfOutcome(db: Db, outcomeId: number): ChallengeRef | undefined {
  return db.get<ChallengeRef>("SELECT c.id, c.slug FROM outcomes o JOIN challenges c ON c.id = o.challenge_id WHERE o.id = ?", [outcomeId]);
}

/** Whether the database holds any challenge yet (an empty one gets the public catalogue). */
export function hasChallenges(db: Db): boolean {
  return db.get("SELECT 1 FROM challenges LIMIT 1") !== undefined;
}
