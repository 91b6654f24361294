import { timingSafeEqual } from "node:crypto";
import type { Request, RequestHandler } from "express";
import type { Config } from "../config";
import type { Db } from "../db/database";
import { resolveSession } from "../auth/sessions";
import type { SessionRecord } from "../repositories/sessions";
import { isMentorOf } from "../repositories/users";
import { challengeRefBySlug, type ChallengeRef } from "../repositories/challenge-refs";
import type { Role } from "@shared/domain";
import { SECOND_FACTOR_REQUIRED } from "@shared/problem";
import { provesSecondFactor } from "@shared/sign-in-audit";
import { ForbiddenError, NotFoundError, UnauthorizedError } from "./errors";
import { t } from "../i18n/messages";

/**
 * Who may call a route:
 * - `public`: anyone (health, login);
 * - `signedIn`: any account;
 * - `admin`: the programme team;
 * - `exporter`: admins and evaluators;
 * - `challengeEditor`: admins, and the mentors assigned to the challenge the route concerns.
 */
export type Access = "public" | "signedIn" | "admin" | "exporter" | "challengeEditor";

export const ROLES_BY_ACCESS: Record<Exclude<Access, "public" | "challengeEditor">, readonly Role[]> = {
  signedIn: ["admin", "mentor", "evaluator"],
  admin: ["admin"],
  exporter: ["admin", "evaluator"],
};

/** Finds the challenge a challenge-scoped route concerns: its id and slug. */
export type ChallengeResolver = (db: Db, req: Request) => ChallengeRef | undefined;

export const challengeBySlug: ChallengeResolver = (db, req) => challengeRefBySlug(db, String(req.params.slug));

/** For routes under `/<records>/:id`: the challenge that owns the record (a malformed id finds none: 404). */
export const challengeByIdParam =
  (owner: (db: Db, id: number) => ChallengeRef | undefined): ChallengeResolver =>
  (db, req) => {
    const id = Number(req.params.id);
    return Number.isInteger(id) && id > 0 ? owner(db, id) : undefined;
  };

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Puts the request's session, if any, in `res.locals.session`. */
export function loadSession(db: Db, config: Config): RequestHandler {
  return (req, res, next) => {
    res.locals.session = resolveSession(db, config, req);
    next();
  };
}

export function currentSession(locals: Record<string, unknown>): SessionRecord {
  const session = locals.session as SessionRecord | undefined;
  if (!session) throw new UnauthorizedError();
  return session;
}

/**
 * 403 for an admin whose session was not opened with a second factor (a password-only
 * session, or one from before migration 0012): the admin role grants nothing without it.
 * `reason` lets the client say so in the reader's language.
 */
class SecondFactorRequiredError extends ForbiddenError {
  constructor() {
    super(t("access.secondFactorRequired"));
    this.extra = { reason: SECOND_FACTOR_REQUIRED };
  }
}

/** Where the admin role is what grants access, the session must prove a second factor. */
function requireSecondFactorForAdmin(session: SessionRecord): void {
  if (session.user.role === "admin" && !provesSecondFactor(session.signInMethod)) throw new SecondFactorRequiredError();
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The checks a route's access rule implies, in order: session (401), CSRF token on writes
 * (403), then role or ownership (403), and for an admin on a route their role opens, a
 * session opened with a second factor (403, `reason: "second_factor_required"`). Built from the route table, so no route can skip them.
 */
export function accessChecks(
  db: Db,
  access: Access,
  options: { csrf: boolean; challenge?: ChallengeResolver },
): RequestHandler[] {
  if (access === "public") return [];
  const checks: RequestHandler[] = [
    (req, res, next) => {
      const session = currentSession(res.locals);
      if (options.csrf && UNSAFE_METHODS.has(req.method)) {
        const given = req.get("X-CSRF-Token");
        if (!given || !sameToken(given, session.csrfToken)) {
          throw new ForbiddenError(t("access.csrf"));
        }
      }
      next();
    },
  ];
  if (access === "challengeEditor") {
    const resolve = options.challenge ?? challengeBySlug;
    checks.push((req, res, next) => {
      const { user } = currentSession(res.locals);
      const challenge = resolve(db, req);
      if (!challenge) throw new NotFoundError(t("access.challengeUnknown"));
      if (user.role !== "admin" && !(user.role === "mentor" && isMentorOf(db, user.id, challenge.id))) {
        throw new ForbiddenError(t("access.notChallengeMentor"));
      }
      requireSecondFactorForAdmin(currentSession(res.locals));
      res.locals.challenge = challenge;
      next();
    });
    return checks;
  }
  const roles = ROLES_BY_ACCESS[access];
  checks.push((_req, res, next) => {
    const session = currentSession(res.locals);
    if (!roles.includes(session.user.role)) throw new ForbiddenError();
    // `signedIn` routes stay open (reads, « Mon compte », /auth/me, logout): the interface can
    // then tell an admin what to do. Elsewhere the admin role is what grants access.
    if (access !== "signedIn") requireSecondFactorForAdmin(session);
    next();
  });
  const resolve = options.challenge;
  if (resolve) {
    checks.push((req, res, next) => {
      const challenge = resolve(db, req);
      if (!challenge) throw new NotFoundError(t("access.challengeUnknown"));
      res.locals.challenge = challenge;
      next();
    });
  }
  return checks;
}
