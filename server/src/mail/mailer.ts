import nodemailer from "nodemailer";
import type { Logger } from "../lib/logger";

export interface Mail {
  to: string;
  subject: string;
  /** Plain text first: every client shows it, and links stay copyable. */
  text: string;
  html?: string;
}

export interface Mailer {
  /** False when no SMTP_URL is configured: callers then skip sending (and say so in the UI). */
  readonly enabled: boolean;
  /** Sends one message; rejects if the SMTP server refuses it, so the caller can record the failure. */
  send(mail: Mail): Promise<void>;
}

export interface MailConfig {
  /** SMTP_URL, e.g. smtp://user:pass@smtp.example.gouv.fr:587 or smtps://…; absent: no email. */
  smtpUrl: string | undefined;
  /** MAIL_FROM: the sender shown to recipients. */
  from: string;
}

/** The one place that talks SMTP (nodemailer), from the configuration. */
export function createMailer(config: MailConfig, logger?: Logger): Mailer {
  if (!config.smtpUrl) {
    return {
      enabled: false,
      send: async () => {
        throw new Error("Aucun serveur SMTP n'est configuré (SMTP_URL).");
      },
    };
  }
  const transport = nodemailer.createTransport(config.smtpUrl);
  return {
    enabled: true,
    async send(mail) {
      const info = await transport.sendMail({ from: config.from, ...mail });
      logger?.info({ messageId: info.messageId, subject: mail.subject }, "Courriel envoyé.");
    },
  };
}
