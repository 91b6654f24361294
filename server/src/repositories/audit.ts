import type { Db } from "../db/database";
import { addDays, parisMidnight } from "@shared/dates";
import type { AuditEntry, AuditPage, AuditQuery } from "@shared/audit";
import type { AuditAction } from "@shared/audit-actions";

export interface AuditRecord {
  actor: { id: number; name: string; email: string } | null;
  /** For attempts by nobody known yet (a failed login): the email that was tried. */
  actorEmail?: string;
  /** One of the listed actions, so that the log page has its label (shared/audit-actions.ts). */
  action: AuditAction;
  targetType?: string;
  targetId?: string | number;
  before?: unknown;
  after?: unknown;
  ip?: string;
}

/** Appends to the audit log; called inside the transaction of the write it describes. */
export function recordAudit(db: Db, record: AuditRecord): void {
  db.run(
    `INSERT INTO audit_log (actor_id, actor_name, actor_email, action, target_type, target_id, before, after, ip)
     VALUES (@actorId, @actorName, @actorEmail, @action, @targetType, @targetId, @before, @after, @ip)`,
    {
      actorId: record.actor?.id ?? null,
      actorName: record.actor?.name ?? null,
      actorEmail: record.actor?.email ?? record.actorEmail ?? null,
      action: record.action,
      targetType: record.targetType ?? null,
      targetId: record.targetId === undefined ? null : String(record.targetId),
      before: record.before === undefined ? null : JSON.stringify(record.before),
      after: record.after === undefined ? null : JSON.stringify(record.after),
      ip: record.ip ?? null,
    },
  );
}

// The challenge an entry is about, for the log page's link: the target itself, or the challenge
// of the status update, outcome or item it names (none once an item is deleted).
const CHALLENGE_OF = { status_update: "status_updates", outcome: "outcomes", action: "actions", scenario: "scenarios", ally: "allies", resource: "resources" };
const TARGET_CHALLENGE = `CASE target_type WHEN 'challenge' THEN target_id ${Object.entries(CHALLENGE_OF)
  .map(
    ([type, table]) =>
      `WHEN '${type}' THEN (SELECT c.slug FROM ${table} t JOIN challenges c ON c.id = t.challenge_id WHERE t.id = CAST(audit_log.target_id AS INTEGER))`,
  )
  .join(" ")} END`;

type AuditRow = Omit<AuditEntry, "before" | "after"> & { before: string | null; after: string | null };

export function listAudit(db: Db, query: AuditQuery): AuditPage {
  const where = `
    (@actor IS NULL OR actor_email LIKE @actor OR actor_name LIKE @actor)
    AND (@action IS NULL OR action = @action)
    AND (@targetType IS NULL OR target_type = @targetType)
    AND (@targetId IS NULL OR target_id = @targetId)
    AND (@from IS NULL OR at >= @from)
    AND (@before IS NULL OR at < @before)`;
  const params = {
    actor: query.actor ? `%${query.actor.replace(/[\\%_]/g, "")}%` : null,
    action: query.action ?? null,
    targetType: query.targetType ?? null,
    targetId: query.targetId ?? null,
    // The filter's days are Paris calendar days; `at` is a UTC instant.
    from: query.from ? parisMidnight(query.from) : null,
    before: query.to ? parisMidnight(addDays(query.to, 1)) : null,
  };
  const total = db.get<{ n: number }>(`SELECT count(*) AS n FROM audit_log WHERE ${where}`, params)!.n;
  const items = db
    .all<AuditRow>(
      `SELECT id, at, actor_id AS actorId, actor_name AS actorName, actor_email AS actorEmail, action,
              target_type AS targetType, target_id AS targetId, before, after, ip,
              ${TARGET_CHALLENGE} AS targetChallenge
       FROM audit_log WHERE ${where}
       ORDER BY id DESC LIMIT @limit OFFSET @offset`,
      { ...params, limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
    )
    .map((row) => ({
      ...row,
      before: row.before === null ? null : JSON.parse(row.before),
      after: row.after === null ? null : JSON.parse(row.after),
    }));
  const actions = db.all<{ action: string }>("SELECT DISTINCT action FROM audit_log ORDER BY action").map((r) => r.action);
  return { items, total, page: query.page, pageSize: query.pageSize, actions };
}
