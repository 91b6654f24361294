import path from "node:path";
import { fileURLToPath } from "node:url";
import type { MailConfig } from "./mail/mailer";

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

export interface Config {
  port: number;
  host: string;
  databasePath: string;
  clientDist: string;
  /** Express's "trust proxy" setting, when served behind a reverse proxy (TRUST_PROXY). */
  trustProxy: string | false;
  /** Session cookies marked Secure: behind an HTTPS proxy or in production. */
  secureCookies: boolean;
  session: { idleMinutes: number; absoluteHours: number };
  login: { windowMinutes: number; maxFailuresPerAccount: number; maxFailuresPerAddress: number };
  /** pino level (LOG_LEVEL): `info` by default, `silent` in tests. */
  logLevel: LogLevel;
  /** The address users reach the dashboard at (PUBLIC_URL), for links sent by email. */
  publicUrl: string;
  /** Outgoing email (SMTP_URL, MAIL_FROM); no SMTP_URL: nothing is sent. */
  mail: MailConfig;
}

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

function logLevel(env: NodeJS.ProcessEnv): LogLevel {
  const raw = env.LOG_LEVEL || "info";
  if (!(LOG_LEVELS as readonly string[]).includes(raw)) {
    throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}, got "${raw}".`);
  }
  return raw as LogLevel;
}

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got "${raw}".`);
  return value;
}

/** Reads the configuration from the environment; see the README for each variable. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = env.PORT === undefined || env.PORT === "" ? 3000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}".`);
  return {
    port,
    host: env.HOST || "localhost",
    databasePath: path.resolve(env.DATABASE_PATH || path.join(projectRoot, "db", "eig.sqlite")),
    clientDist: path.join(projectRoot, "client", "dist"),
    trustProxy: env.TRUST_PROXY ? env.TRUST_PROXY : false,
    secureCookies: Boolean(env.TRUST_PROXY) || env.NODE_ENV === "production",
    session: {
      idleMinutes: positiveInteger(env, "SESSION_IDLE_MINUTES", 120),
      absoluteHours: positiveInteger(env, "SESSION_MAX_HOURS", 12),
    },
    login: { windowMinutes: 15, maxFailuresPerAccount: 10, maxFailuresPerAddress: 100 },
    logLevel: logLevel(env),
    publicUrl: (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, ""),
    mail: {
      smtpUrl: env.SMTP_URL || undefined,
      from: env.MAIL_FROM || "Suivi des défis EIG <ne-pas-repondre@localhost>",
    },
  };
}
