import type { Config } from "../config";
import type { Db } from "../db/database";
import { HttpError } from "../http/errors";
import { accountFailures, addressFailures, recordLoginAttempt } from "../repositories/login-attempts";
import { recordAudit } from "../repositories/audit";
import { findUserByEmail } from "../repositories/users";
import type { AuthUser } from "@shared/auth";
import { SIGN_IN_AUDIT } from "@shared/sign-in-audit";
import { verifyDecoy, verifyPassword } from "./passwords";

export class TooManyAttemptsError extends HttpError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      429,
      "Trop de tentatives",
      `Trop de tentatives de connexion. Réessayez dans ${Math.ceil(retryAfterSeconds / 60)} minute(s).`,
      undefined,
      { "Retry-After": String(retryAfterSeconds) },
    );
  }
}

export class BadCredentialsError extends HttpError {
  constructor() {
    super(401, "Identifiants incorrects", "Adresse électronique ou mot de passe incorrect.");
  }
}

/**
 * Checks a login attempt. The limit counts failures per account *and* address, so a stranger
 * elsewhere cannot lock a mentor out; a wider limit per address slows down a sweep of many
 * accounts. Throttled attempts are refused before the password is even looked at.
 */
export async function authenticate(
  db: Db,
  config: Config,
  attempt: { email: string; password: string; ip: string },
  now = new Date(),
): Promise<AuthUser> {
  const email = attempt.email.trim().toLowerCase();
  const windowMs = config.login.windowMinutes * 60_000;
  const since = new Date(now.getTime() - windowMs).toISOString();
  const retryAfter = (oldest: string | null) =>
    Math.max(1, Math.ceil((Date.parse(oldest ?? now.toISOString()) + windowMs - now.getTime()) / 1000));

  const perAccount = accountFailures(db, email, attempt.ip, since);
  if (perAccount.count >= config.login.maxFailuresPerAccount) throw new TooManyAttemptsError(retryAfter(perAccount.oldest));
  const perAddress = addressFailures(db, attempt.ip, since);
  if (perAddress.count >= config.login.maxFailuresPerAddress) throw new TooManyAttemptsError(retryAfter(perAddress.oldest));

  const user = findUserByEmail(db, email);
  const valid =
    user && user.isActive && user.passwordHash
      ? await verifyPassword(attempt.password, user.passwordHash)
      : await verifyDecoy(attempt.password);

  db.transaction(() => {
    recordLoginAttempt(db, { email, ip: attempt.ip, succeeded: valid, at: now.toISOString() });
    // A right password is not yet a sign-in (a second factor may follow): the caller writes
    // `login.succeeded` when the session opens, or `login.password_accepted`.
    if (!valid) {
      recordAudit(db, {
        actor: user ? { id: user.id, name: user.name, email: user.email } : null,
        actorEmail: email,
        action: SIGN_IN_AUDIT.failed,
        targetType: "user",
        targetId: user?.id,
        ip: attempt.ip,
      });
    }
  });
  if (!valid || !user) throw new BadCredentialsError();
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
