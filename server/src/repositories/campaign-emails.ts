// The log and queue of a campaign's emails (openings and reminders): queued in the transaction
// of the write that calls for them, then claimed and sent one at a time by the outbox worker
// (server/src/mail/email-outbox.ts), so that a crash between the two loses none
// (docs/decisions/0007-campaign-edits-and-email-outbox.md).
import type { Db } from "../db/database";
import type { CampaignDetail } from "@shared/campaign";

/**
 * Records one email to send (status 'pending'), in the caller's transaction. Undefined when
 * the recipient already has a pending, sending or sent email of this campaign that Paris day:
 * the partial unique index refuses a second one, whichever process or request tries.
 */
export function queueEmail(
  db: Db,
  email: {
    campaignId: number;
    userId: number;
    recipient: string;
    kind: "opening" | "reminder";
    parisDay: string;
    challengeCount: number;
    subject: string;
    body: string;
  },
): number | undefined {
  const result = db.run(
    `INSERT INTO campaign_emails (campaign_id, user_id, recipient, kind, paris_day, challenge_count, subject, body)
     VALUES (@campaignId, @userId, @recipient, @kind, @parisDay, @challengeCount, @subject, @body)
     ON CONFLICT DO NOTHING`,
    email,
  );
  return result.changes === 1 ? Number(result.lastInsertRowid) : undefined;
}

export interface ClaimedEmail {
  id: number;
  recipient: string;
  subject: string;
  body: string;
  attempts: number;
}

/**
 * Claims the oldest due pending email for this worker, in one IMMEDIATE transaction: the row
 * turns 'sending' before anything is sent, so a second process (or worker) never picks it.
 * Rows written before the queue existed have no text and are never pending.
 */
export function claimDueEmail(db: Db, nowIso: string): ClaimedEmail | undefined {
  return db.transaction(() =>
    db.get<ClaimedEmail>(
      `UPDATE campaign_emails SET status = 'sending', attempts = attempts + 1, claimed_at = @now
       WHERE id = (SELECT id FROM campaign_emails
                   WHERE status = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= @now)
                   ORDER BY id LIMIT 1)
       RETURNING id, recipient, subject, body, attempts`,
      { now: nowIso },
    ),
  );
}

export function markEmailSent(db: Db, id: number): void {
  db.run(
    "UPDATE campaign_emails SET status = 'sent', error = NULL, next_attempt_at = NULL, finished_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ? AND status = 'sending'",
    [id],
  );
}

/** A refused attempt: back to pending until `retryAt`, or failed for good when `retryAt` is undefined. */
export function markEmailRefused(db: Db, id: number, error: string, retryAt: string | undefined): void {
  if (retryAt === undefined) {
    db.run(
      "UPDATE campaign_emails SET status = 'failed', error = ?, next_attempt_at = NULL, finished_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ? AND status = 'sending'",
      [error.slice(0, 500), id],
    );
  } else {
    db.run("UPDATE campaign_emails SET status = 'pending', error = ?, next_attempt_at = ? WHERE id = ? AND status = 'sending'", [
      error.slice(0, 500),
      retryAt,
      id,
    ]);
  }
}

/**
 * Claims older than `claimedBefore` belong to a process that stopped while sending: they go
 * back to pending (the email may, rarely, have left before the stop: sent twice rather than never).
 */
export function releaseStaleClaims(db: Db, claimedBefore: string): number {
  return db.run("UPDATE campaign_emails SET status = 'pending', next_attempt_at = NULL WHERE status = 'sending' AND claimed_at < ?", [
    claimedBefore,
  ]).changes;
}

/** When the worker next has something to do: the earliest pending row's due time (null: now). */
export function nextPendingEmail(db: Db): { dueAt: string | null } | undefined {
  return db.get("SELECT next_attempt_at AS dueAt FROM campaign_emails WHERE status = 'pending' ORDER BY next_attempt_at IS NOT NULL, next_attempt_at LIMIT 1");
}

/** The campaign page's email section: how many are queued, sent and failed, and the 20 latest. */
export function campaignEmailStats(db: Db, campaignId: number, enabled: boolean): CampaignDetail["emails"] {
  const totals = db.get<{ pending: number; sent: number; failed: number; lastSentAt: string | null }>(
    `SELECT coalesce(sum(status IN ('pending', 'sending')), 0) AS pending,
            coalesce(sum(status = 'sent'), 0) AS sent, coalesce(sum(status = 'failed'), 0) AS failed,
            max(CASE WHEN status = 'sent' THEN finished_at END) AS lastSentAt
     FROM campaign_emails WHERE campaign_id = ?`,
    [campaignId],
  )!;
  const recent = db.all<CampaignDetail["emails"]["recent"][number]>(
    `SELECT u.name AS recipientName, e.recipient, e.kind, e.status, e.challenge_count AS challengeCount,
            e.attempts, e.error, e.created_at AS at
     FROM campaign_emails e JOIN users u ON u.id = e.user_id
     WHERE e.campaign_id = ? ORDER BY e.created_at DESC, e.id DESC LIMIT 20`,
    [campaignId],
  );
  return { enabled, ...totals, recent };
}

/** Removes a campaign's emails, those still queued included (they are then never sent). Returns how many. */
export function deleteCampaignEmails(db: Db, campaignId: number): number {
  return db.run("DELETE FROM campaign_emails WHERE campaign_id = ?", [campaignId]).changes;
}
