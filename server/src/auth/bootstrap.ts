import type { Db } from "../db/database";
import { recordAudit } from "../repositories/audit";
import { countActiveAdmins, emailTaken, insertUser } from "../repositories/users";
import { passwordSchema } from "@shared/auth";
import { emailSchema } from "@shared/user";
import { passwordProblem } from "./password-policy";
import { generatePassword, hashPassword } from "./passwords";

const DEFAULT_ADMIN_EMAIL = "admin@localhost";

/**
 * Makes sure the product can be administered: with no active admin, creates one from
 * ADMIN_EMAIL and ADMIN_PASSWORD, or with a generated password printed once. Returns
 * what it did, for the caller to print.
 */
export async function ensureAdmin(
  db: Db,
  env: NodeJS.ProcessEnv,
): Promise<{ created: false } | { created: true; email: string; generatedPassword?: string }> {
  if (countActiveAdmins(db) > 0) return { created: false };

  const email = (env.ADMIN_EMAIL || DEFAULT_ADMIN_EMAIL).trim().toLowerCase();
  if (email !== DEFAULT_ADMIN_EMAIL && !emailSchema.safeParse(email).success) {
    throw new Error(`ADMIN_EMAIL is not a valid email address: "${env.ADMIN_EMAIL}".`);
  }
  if (emailTaken(db, email)) {
    throw new Error(`No active admin, and ${email} belongs to a non-admin or inactive account: use "npm run user".`);
  }
  const given = env.ADMIN_PASSWORD;
  if (given !== undefined && given !== "" && !passwordSchema.safeParse(given).success) {
    throw new Error("ADMIN_PASSWORD must be at least 12 characters long.");
  }
  const problem = given ? await passwordProblem(given, email) : undefined;
  if (problem) throw new Error(`ADMIN_PASSWORD is refused: ${problem}`);
  const password = given || generatePassword();
  const passwordHash = await hashPassword(password);
  // Another server starting on the same file may have created it while we hashed.
  const created = db.transaction(() => {
    if (countActiveAdmins(db) > 0) return false;
    const id = insertUser(db, { email, name: "Administrateur", role: "admin", passwordHash });
    recordAudit(db, {
      actor: null,
      actorEmail: "bootstrap",
      action: "user.created",
      targetType: "user",
      targetId: id,
      after: { email, name: "Administrateur", role: "admin" },
    });
    return true;
  });
  if (!created) return { created: false };
  return given ? { created: true, email } : { created: true, email, generatedPassword: password };
}
