import type { Db } from "../db/database";
import type { AuthUser } from "@shared/auth";
import type { Role } from "@shared/domain";
import type { User } from "@shared/user";

export interface UserWithSecret extends AuthUser {
  isActive: boolean;
  passwordHash: string | null;
}

const userColumns = "id, email, name, role, is_active AS isActive, created_at AS createdAt";

export function findUserByEmail(db: Db, email: string): UserWithSecret | undefined {
  const row = db.get<Omit<UserWithSecret, "isActive"> & { isActive: number }>(
    "SELECT id, email, name, role, is_active AS isActive, password_hash AS passwordHash FROM users WHERE email = ?",
    [email],
  );
  return row && { ...row, isActive: row.isActive === 1 };
}

export function emailTaken(db: Db, email: string): boolean {
  return db.get("SELECT 1 FROM users WHERE email = ?", [email]) !== undefined;
}

export function insertUser(db: Db, user: { email: string; name: string; role: Role; passwordHash: string }): number {
  const { lastInsertRowid } = db.run(
    "INSERT INTO users (email, name, role, password_hash) VALUES (@email, @name, @role, @passwordHash)",
    user,
  );
  return Number(lastInsertRowid);
}

type UserRow = Omit<User, "isActive" | "challenges"> & { isActive: number };

function withChallenges(db: Db, rows: UserRow[]): User[] {
  const assignments = db.all<{ userId: number; slug: string; title: string }>(
    `SELECT m.user_id AS userId, c.slug, c.title FROM challenge_mentors m JOIN challenges c ON c.id = m.challenge_id
     ORDER BY c.title COLLATE NOCASE`,
  );
  return rows.map((row) => ({
    ...row,
    isActive: row.isActive === 1,
    challenges: assignments.filter((a) => a.userId === row.id).map(({ slug, title }) => ({ slug, title })),
  }));
}

export function listUsers(db: Db): User[] {
  return withChallenges(db, db.all<UserRow>(`SELECT ${userColumns} FROM users ORDER BY name COLLATE NOCASE, id`));
}

export function findUser(db: Db, id: number): User | undefined {
  const row = db.get<UserRow>(`SELECT ${userColumns} FROM users WHERE id = ?`, [id]);
  return row && withChallenges(db, [row])[0];
}

export function updateUser(db: Db, id: number, changes: { name?: string; role?: Role; isActive?: boolean }): void {
  db.run(
    `UPDATE users SET name = coalesce(@name, name), role = coalesce(@role, role),
       is_active = coalesce(@isActive, is_active), updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
     WHERE id = @id`,
    {
      id,
      name: changes.name ?? null,
      role: changes.role ?? null,
      isActive: changes.isActive === undefined ? null : changes.isActive ? 1 : 0,
    },
  );
}

export function setPasswordHash(db: Db, id: number, passwordHash: string): void {
  db.run("UPDATE users SET password_hash = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?", [
    passwordHash,
    id,
  ]);
}

export function countActiveAdmins(db: Db): number {
  return db.get<{ n: number }>("SELECT count(*) AS n FROM users WHERE role = 'admin' AND is_active = 1")!.n;
}

/** The active mentors among `ids`, to check an assignment names only them. */
export function activeMentorIds(db: Db, ids: number[]): Set<number> {
  if (ids.length === 0) return new Set();
  const rows = db.all<{ id: number }>(
    `SELECT id FROM users WHERE role = 'mentor' AND is_active = 1 AND id IN (SELECT value FROM json_each(?))`,
    [JSON.stringify(ids)],
  );
  return new Set(rows.map((row) => row.id));
}

export function isMentorOf(db: Db, userId: number, challengeId: number): boolean {
  return db.get("SELECT 1 FROM challenge_mentors WHERE user_id = ? AND challenge_id = ?", [userId, challengeId]) !== undefined;
}

export function challengeMentors(db: Db, challengeId: number): { id: number; name: string }[] {
  return db.all(
    `SELECT u.id, u.name FROM challenge_mentors m JOIN users u ON u.id = m.user_id
     WHERE m.challenge_id = ? AND u.is_active = 1 ORDER BY u.name COLLATE NOCASE`,
    [challengeId],
  );
}

export function replaceChallengeMentors(db: Db, challengeId: number, userIds: number[]): void {
  db.run("DELETE FROM challenge_mentors WHERE challenge_id = ?", [challengeId]);
  for (const userId of userIds) {
    db.run("INSERT INTO challenge_mentors (challenge_id, user_id) VALUES (?, ?)", [challengeId, userId]);
  }
}
