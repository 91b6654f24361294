import type { Request, Response } from "express";
import type { Config } from "../config";
import type { Db } from "../db/database";
import type { Mailer } from "../mail/mailer";
import type { EmailOutbox } from "../mail/email-outbox";
import type { Logger } from "../lib/logger";
import { currentSession } from "../http/access";
import type { AuditRecord } from "../repositories/audit";
import type { Actor } from "../domain/actor";

export interface Deps {
  db: Db;
  config: Config;
  mailer: Mailer;
  /** The application's logger, for what happens outside a request's answer (e.g. provider discovery). */
  logger?: Logger;
  /** Sends queued campaign emails after the answer; absent, they wait for the next worker that runs. */
  outbox?: EmailOutbox;
}

/** Who is acting and from where, as the audit log records it. */
export function auditContext(req: Request, res: Response): Pick<AuditRecord, "actor" | "ip"> {
  const { user } = currentSession(res.locals);
  return { actor: { id: user.id, name: user.name, email: user.email }, ip: req.ip };
}

/** The signed-in user who asks for a write, as the use cases take it. */
export function actorOf(req: Request, res: Response): Actor {
  const { user } = currentSession(res.locals);
  return { id: user.id, name: user.name, email: user.email, ip: req.ip };
}
