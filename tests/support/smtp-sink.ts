import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  /** Envelope recipients, as the SMTP server received them (RCPT TO). */
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  parsed: ParsedMail;
}

export interface SmtpSink {
  /** SMTP_URL to give the application. */
  url: string;
  messages: ReceivedMail[];
  /** Resolves once `count` messages in all have been received, or rejects after `timeoutMs`. */
  waitForMessages(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  /**
   * The first message, received already or to come, that `matches`; rejects after `timeoutMs`
   * with `description` (what was awaited) and the subjects received so far.
   */
  waitForMail(description: string, matches: (mail: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

/** A real SMTP server on a loopback port chosen by the system, keeping what it receives. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: ReceivedMail[] = [];
  const waiters = new Set<() => void>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          messages.push({
            to: session.envelope.rcptTo.map((recipient) => recipient.address),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: typeof parsed.html === "string" ? parsed.html : "",
            parsed,
          });
          for (const wake of waiters) wake();
          callback();
        })
        .catch(callback);
    },
  });
  /** Resolves as soon as `done()` holds, checked now and at each message received. */
  function waitUntil(done: () => boolean, timeoutMs: number, failure: () => string): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!done()) return;
        waiters.delete(check);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(failure()));
      }, timeoutMs);
      waiters.add(check);
      check();
    });
  }
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;

  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    async waitForMessages(count, timeoutMs = 10_000) {
      await waitUntil(() => messages.length >= count, timeoutMs, () => `Expected ${count} emails, received ${messages.length}.`);
      return messages.slice();
    },
    async waitForMail(description, matches, timeoutMs = 10_000) {
      let found: ReceivedMail | undefined;
      await waitUntil(
        () => (found = messages.find(matches)) !== undefined,
        timeoutMs,
        () => `No email ${description} within ${timeoutMs} ms; received: ${JSON.stringify(messages.map((mail) => `${mail.to.join()}: ${mail.subject}`))}.`,
      );
      return found!;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
