// The campaign email outbox: requests record emails as 'pending' in their transaction and
// answer at once; this in-process worker sends them right after, and retries refused ones a
// bounded number of times. Several processes on one database file each run one: a row is
// claimed ('sending') in an IMMEDIATE transaction before it is sent, so each email leaves once.
import { MAX_EMAIL_ATTEMPTS } from "@shared/campaign";
import type { Db } from "../db/database";
import type { Logger } from "../lib/logger";
import type { Mailer } from "./mailer";
import { claimDueEmail, markEmailRefused, markEmailSent, nextPendingEmail, releaseStaleClaims } from "../repositories/campaign-emails";

interface OutboxRun {
  sent: number;
  /** Refused for good (MAX_EMAIL_ATTEMPTS attempts). */
  failed: number;
  /** Refused, and pending again for a later attempt. */
  retried: number;
}

export interface EmailOutbox {
  /** Something was queued: send it soon (after the current answer has been written). */
  wake(): void;
  /** Sends every email due now, and resolves with what this call did. */
  drain(): Promise<OutboxRun>;
  /**
   * Resolves once no email is due and none is being sent by this outbox: what was queued has
   * left (or been refused). Emails waiting for a later retry do not count.
   */
  idle(): Promise<void>;
  /** Stops the timers and waits for the sending in progress (before closing the database). */
  stop(): Promise<void>;
}

export interface OutboxOptions {
  db: Db;
  mailer: Mailer;
  logger?: Logger;
  /** Emails in flight at once (an SMTP exchange is mostly waiting). */
  concurrency?: number;
  /** Delay before the 2nd, 3rd… attempt of a refused email. */
  retryDelaysMs?: number[];
  /** How often to look for emails queued by another process, or left by a stopped one. */
  pollMs?: number;
  /** A claim older than this was left by a stopped process (nodemailer gives up well before). */
  staleClaimMs?: number;
}

const disabledOutbox: EmailOutbox = {
  wake: () => {},
  drain: async () => ({ sent: 0, failed: 0, retried: 0 }),
  idle: async () => {},
  stop: async () => {},
};

export function startEmailOutbox({
  db,
  mailer,
  logger,
  concurrency = 4,
  retryDelaysMs = [60_000, 10 * 60_000],
  pollMs = 60_000,
  staleClaimMs = 15 * 60_000,
}: OutboxOptions): EmailOutbox {
  // Without SMTP nothing is ever queued (queueCampaignEmails), so there is nothing to send.
  if (!mailer.enabled) return disabledOutbox;
  let stopped = false;
  let running: Promise<OutboxRun> | undefined;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  /** After an unexpected error (a database too busy…), wait a little instead of looping at once. */
  let backOff = false;

  async function sendOne(run: OutboxRun): Promise<boolean> {
    const email = claimDueEmail(db, new Date().toISOString());
    if (!email) return false;
    try {
      await mailer.send({ to: email.recipient, subject: email.subject, text: email.body });
      markEmailSent(db, email.id);
      run.sent += 1;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const delay = email.attempts < MAX_EMAIL_ATTEMPTS ? (retryDelaysMs[email.attempts - 1] ?? retryDelaysMs.at(-1) ?? 0) : undefined;
      markEmailRefused(db, email.id, message, delay === undefined ? undefined : new Date(Date.now() + delay).toISOString());
      if (delay === undefined) run.failed += 1;
      else run.retried += 1;
      logger?.warn({ emailId: email.id, attempt: email.attempts, err: message }, "Courriel de campagne refusé par le serveur SMTP.");
    }
    return true;
  }

  async function drainOnce(): Promise<OutboxRun> {
    const run: OutboxRun = { sent: 0, failed: 0, retried: 0 };
    releaseStaleClaims(db, new Date(Date.now() - staleClaimMs).toISOString());
    const lane = async () => {
      while (!stopped && (await sendOne(run)));
    };
    await Promise.all(Array.from({ length: concurrency }, lane));
    return run;
  }

  /** The next look: at the earliest retry, or at the poll interval, whichever comes first. */
  function schedule(): void {
    if (stopped) return;
    clearTimeout(timer);
    let dueIn = pollMs;
    try {
      const next = nextPendingEmail(db);
      if (next) dueIn = next.dueAt ? Math.max(0, Date.parse(next.dueAt) - Date.now()) : 0;
    } catch (error) {
      logger?.error({ err: error }, "Lecture de la file des courriels de campagne impossible.");
    }
    timer = setTimeout(() => void drain(), Math.max(Math.min(dueIn, pollMs), backOff ? 5_000 : 0));
    timer.unref();
  }

  function drain(): Promise<OutboxRun> {
    if (running) {
      // A drain in progress may have looked before this email was queued: look once more after.
      again = true;
      return running;
    }
    running = (async () => {
      const total: OutboxRun = { sent: 0, failed: 0, retried: 0 };
      do {
        again = false;
        const run = await drainOnce();
        total.sent += run.sent;
        total.failed += run.failed;
        total.retried += run.retried;
      } while (again && !stopped);
      return total;
    })()
      .then((run) => {
        backOff = false;
        return run;
      })
      .catch((error: unknown) => {
        backOff = true;
        logger?.error({ err: error }, "Échec de l'envoi des courriels de campagne.");
        return { sent: 0, failed: 0, retried: 0 };
      })
      .finally(() => {
        running = undefined;
        schedule();
      });
    return running;
  }

  // Emails left pending by a previous run of the server go out now.
  setImmediate(() => void (stopped || drain()));
  return {
    wake: () => void setImmediate(() => void (stopped || drain())),
    drain,
    async idle() {
      while (!stopped) {
        if (running) {
          await running;
          continue;
        }
        const next = nextPendingEmail(db);
        if (!next || (next.dueAt !== null && Date.parse(next.dueAt) > Date.now())) return;
        await drain();
      }
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
