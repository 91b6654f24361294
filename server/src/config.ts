import path from "node:path";
import { fileURLToPath } from "node:url";
import type { MailConfig } from "./mail/mailer";
import { parseSecretsKey } from "./db/secrets";
import { LOG_LEVELS, type LogLevel } from "./lib/log-level";

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
  login: LoginLimits;
  /** pino level (LOG_LEVEL): `info` by default, `silent` in tests. */
  logLevel: LogLevel;
  /** The address users reach the dashboard at (PUBLIC_URL), for links sent by email. */
  publicUrl: string;
  /** Outgoing email (SMTP_URL, MAIL_FROM); no SMTP_URL: nothing is sent. */
  mail: MailConfig;
  /**
   * The key of the TOTP secrets stored in the database (SECRETS_KEY: 32 bytes, hex or base64);
   * none: the key file beside the database (`<DATABASE_PATH>.key`), created if need be.
   */
  secretsKey: Buffer | undefined;
  /** ProConnect (OpenID Connect), when OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET and OIDC_REDIRECT_URI are all set. */
  oidc: OidcConfig | undefined;
  /** The Chromium that prints the report to PDF (CHROMIUM_PATH); absent, the PDF route answers 503. */
  chromiumPath: string;
}

/**
 * Sign-in throttling (passwords, and second-factor codes counted apart). Three counters, each
 * of failures since the last success: per account and address, per address, and per account
 * across addresses (progressive delay, then a temporary lock). Choices and numbers:
 * docs/decisions/0008-sign-in-hardening.md.
 */
export interface LoginLimits {
  /** The window of the per-(account, address) and per-address counters. */
  windowMinutes: number;
  /** Failures for one account from one address in the window before 429: a typist is never stopped, a guesser is. */
  maxFailuresPerAccount: number;
  /** Failures from one address across accounts in the window: slows a sweep (a right password with a second factor still gets through). */
  maxFailuresPerAddress: number;
  /** The window of the account-wide counter: long enough that a slow guesser rotating addresses still reaches the lock. */
  accountWindowMinutes: number;
  /** Account-wide failures allowed without any delay (typos, a forgotten caps lock). */
  accountDelayAfter: number;
  /** Then each attempt waits this delay after the last failure, doubled at each new failure… */
  accountDelayBaseSeconds: number;
  /** …up to this. */
  accountDelayMaxSeconds: number;
  /** Account-wide failures in the window that lock the account (one email to its holder per lock). */
  accountLockAfter: number;
  /** How long a lock lasts (a password reset through the emailed link lifts it sooner). */
  accountLockMinutes: number;
}

export const LOGIN_LIMITS: LoginLimits = {
  windowMinutes: 15,
  maxFailuresPerAccount: 10,
  maxFailuresPerAddress: 100,
  accountWindowMinutes: 60,
  accountDelayAfter: 5,
  accountDelayBaseSeconds: 2,
  accountDelayMaxSeconds: 60,
  accountLockAfter: 20,
  accountLockMinutes: 30,
};

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Must be `<PUBLIC_URL>/api/auth/oidc/callback`, as registered with the provider. */
  redirectUri: string;
  /** Where the provider sends the browser back after logout (OIDC_POST_LOGOUT_REDIRECT_URI). */
  postLogoutRedirectUri: string;
  /** OIDC_SCOPES: ProConnect's `openid email given_name usual_name` by default. */
  scopes: string;
  /** ProConnect signs its userinfo answers: OIDC_USERINFO_SIGNED_RESPONSE_ALG=RS256 (or ES256). */
  userinfoSignedResponseAlg?: string;
  /** OIDC_ID_TOKEN_SIGNED_RESPONSE_ALG, when the provider does not sign ID tokens with RS256. */
  idTokenSignedResponseAlg?: string;
  /**
   * OIDC_MFA_ACR_VALUES: the `acr` values that prove two factors at the provider, asked for
   * (non-essential) at each sign-in; an admin whose ID token carries one needs no local code.
   */
  mfaAcrValues: string[];
  /**
   * OIDC_TRUST_UNASSERTED_EMAILS: count an email that comes without any `email_verified`
   * claim as verified (an explicit `false` is still refused). For a federation such as
   * ProConnect, whose identity providers must authenticate every address of their domains
   * but which may not send the claim (docs/decisions/0008-sign-in-hardening.md).
   */
  trustUnassertedEmails: boolean;
}

/** ProConnect's assurance levels with two factors (self-asserted or checked identity). */
export const DEFAULT_MFA_ACR_VALUES = [
  "https://proconnect.gouv.fr/assurance/self-asserted-2fa",
  "https://proconnect.gouv.fr/assurance/consistency-checked-2fa",
];

const OIDC_VARIABLES = ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "OIDC_REDIRECT_URI"] as const;

function oidcConfig(env: NodeJS.ProcessEnv, publicUrl: string): OidcConfig | undefined {
  const set = OIDC_VARIABLES.filter((name) => env[name]);
  if (set.length === 0) return undefined;
  if (set.length < OIDC_VARIABLES.length) {
    throw new Error(`ProConnect needs ${OIDC_VARIABLES.join(", ")}; missing: ${OIDC_VARIABLES.filter((name) => !env[name]).join(", ")}.`);
  }
  for (const name of ["OIDC_ISSUER", "OIDC_REDIRECT_URI"] as const) {
    if (!URL.canParse(env[name]!)) throw new Error(`${name} must be a URL, got "${env[name]}".`);
  }
  return {
    issuer: env.OIDC_ISSUER!,
    clientId: env.OIDC_CLIENT_ID!,
    clientSecret: env.OIDC_CLIENT_SECRET!,
    redirectUri: env.OIDC_REDIRECT_URI!,
    postLogoutRedirectUri: env.OIDC_POST_LOGOUT_REDIRECT_URI || `${publicUrl}/connexion`,
    scopes: env.OIDC_SCOPES || "openid email given_name usual_name",
    userinfoSignedResponseAlg: env.OIDC_USERINFO_SIGNED_RESPONSE_ALG || undefined,
    idTokenSignedResponseAlg: env.OIDC_ID_TOKEN_SIGNED_RESPONSE_ALG || undefined,
    mfaAcrValues: env.OIDC_MFA_ACR_VALUES?.trim() ? env.OIDC_MFA_ACR_VALUES.trim().split(/\s+/) : DEFAULT_MFA_ACR_VALUES,
    trustUnassertedEmails: env.OIDC_TRUST_UNASSERTED_EMAILS === "true",
  };
}

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

/**
 * Where the server can be reached when PUBLIC_URL is not set: the address it listens on, so
 * that the links it sends (invitations, resets) open. Every interface (0.0.0.0, ::) is
 * reached here through localhost; an IPv6 address goes in brackets.
 */
export function listeningUrl(host: string, port: number): string {
  const bare = host.replace(/^\[|\]$/g, "");
  const reachable = bare === "0.0.0.0" || bare === "::" ? "localhost" : bare.includes(":") ? `[${bare}]` : bare;
  return `http://${reachable}:${port}`;
}

/** Reads the configuration from the environment; see the README for each variable. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = env.PORT === undefined || env.PORT === "" ? 3000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}".`);
  const host = env.HOST || "localhost";
  const publicUrl = (env.PUBLIC_URL || listeningUrl(host, port)).replace(/\/+$/, "");
  return {
    port,
    host,
    databasePath: path.resolve(env.DATABASE_PATH || path.join(projectRoot, "db", "eig.sqlite")),
    clientDist: path.join(projectRoot, "client", "dist"),
    trustProxy: env.TRUST_PROXY ? env.TRUST_PROXY : false,
    secureCookies: Boolean(env.TRUST_PROXY) || env.NODE_ENV === "production",
    session: {
      idleMinutes: positiveInteger(env, "SESSION_IDLE_MINUTES", 120),
      absoluteHours: positiveInteger(env, "SESSION_MAX_HOURS", 12),
    },
    login: { ...LOGIN_LIMITS },
    logLevel: logLevel(env),
    publicUrl,
    mail: {
      smtpUrl: env.SMTP_URL || undefined,
      from: env.MAIL_FROM || "Suivi des défis EIG <ne-pas-repondre@localhost>",
    },
    oidc: oidcConfig(env, publicUrl),
    secretsKey: env.SECRETS_KEY ? parseSecretsKey(env.SECRETS_KEY) : undefined,
    chromiumPath: env.CHROMIUM_PATH || "/usr/bin/chromium",
  };
}
