import type { Request, Response } from "express";
import type { z } from "zod";
import type { Config } from "../config";
import type { Db } from "../db/database";
import type { Mailer } from "../mail/mailer";
import type { EmailOutbox } from "../mail/email-outbox";
import type { Logger } from "../lib/logger";
import { currentSession } from "../http/access";
import { requestSource } from "../http/snapshot-source";
import type { AuditRecord } from "../repositories/audit";
import { auditedBy, type Actor } from "../domain/actor";
import type { ChallengeRef } from "../repositories/challenge-refs";
import type { DataSource } from "../repositories/data-source";
import type { SessionRecord } from "../repositories/sessions";
import type { Schemas } from "../http/validate";
import type { AuthUser } from "@shared/auth";

export interface Deps {
  db: Db;
  config: Config;
  mailer: Mailer;
  /** The application's logger, for what happens outside a request's answer (e.g. provider discovery). */
  logger?: Logger;
  /** Sends queued campaign emails after the answer; absent, they wait for the next worker that runs. */
  outbox?: EmailOutbox;
}

/** The request parts a route entry validates, parsed by its schemas (http/validate.ts). */
export type Input<S extends Schemas = Record<never, never>> = {
  [K in keyof S & keyof Schemas as S[K] extends z.ZodType ? K : never]-?: z.output<NonNullable<S[K]>>;
};

/** What a handler may need of the request beyond its input; each part is computed when asked. */
export interface Ctx {
  /** The session (401 without one: only a public route runs without a session). */
  readonly session: SessionRecord;
  /** The session's account. */
  readonly user: AuthUser;
  /** The challenge the route concerns, as its access checks resolved it (http/access.ts). */
  readonly challenge: ChallengeRef;
  /** Who is acting and from where, as the audit log records it. */
  readonly audit: Pick<AuditRecord, "actor" | "ip">;
  /** The same person, as the use cases (server/src/domain) take it. */
  readonly actor: Actor;
  /** The data a read is computed from: live, or the snapshot named by `?snapshot=ID` (404 if unknown). */
  readonly source: DataSource;
  /** For the few handlers that read headers or cookies, set cookies, redirect or send a file. */
  readonly req: Request;
  readonly res: Response;
}

/** A handler: its typed input and context in, the answer's body out (or it answers itself through `ctx.res`). */
export type Handler<S extends Schemas = Record<never, never>> = (input: Input<S>, ctx: Ctx) => unknown;

/** The parts validated by the route entry's schemas, where http/validate.ts put them. */
export function requestInput(res: Response): Input<Schemas> {
  const { params, query, body } = res.locals;
  return { params, query, body };
}

export function requestContext(db: Db, req: Request, res: Response): Ctx {
  return {
    req,
    res,
    get session() {
      return currentSession(res.locals);
    },
    get user() {
      return currentSession(res.locals).user;
    },
    get challenge() {
      const challenge = res.locals.challenge as ChallengeRef | undefined;
      if (!challenge) throw new Error(`No challenge resolved for ${req.method} ${req.path}: its route entry needs a challenge resolver.`);
      return challenge;
    },
    get audit() {
      return auditedBy(actorOf(req, res));
    },
    get actor() {
      return actorOf(req, res);
    },
    get source() {
      return requestSource(db, res.locals);
    },
  };
}

/** The signed-in user who asks for a write, as the use cases take it. */
function actorOf(req: Request, res: Response): Actor {
  const { user } = currentSession(res.locals);
  return { id: user.id, name: user.name, email: user.email, ip: req.ip };
}
