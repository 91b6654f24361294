import type { Db } from "../../server/src/db/database";
import { appendStatusUpdate } from "../../server/src/domain/status-updates";
import type { Axis, Level } from "@shared/domain";

export function challengeId(db: Db, slug: string): number {
  const row = db.get<{ id: number }>("SELECT id FROM challenges WHERE slug = ?", [slug]);
  if (!row) throw new Error(`No challenge ${slug} in the test database.`);
  return row.id;
}

/** Records a status update with its derived effects, through the step the server's use case runs. */
export function recordStatus(db: Db, slug: string, axis: Axis, level: Level, asOf: string): number {
  return appendStatusUpdate(db, {
    challengeId: challengeId(db, slug),
    axis,
    level,
    asOf,
    authorId: null,
    authorName: "Mentor de test",
  });
}

/** Makes `userId` a mentor of the challenge `slug`. */
export function assignMentor(db: Db, userId: number, slug: string): void {
  db.run("INSERT INTO challenge_mentors (challenge_id, user_id) VALUES (?, ?)", [challengeId(db, slug), userId]);
}
