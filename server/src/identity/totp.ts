import { createHash, randomInt } from "node:crypto";
import { Secret, TOTP } from "otpauth";

const TOTP_ISSUER = "Suivi des défis EIG";
export const TOTP_PERIOD_SECONDS = 30;
/** Codes of the previous and next step are accepted too: clocks drift, people type slowly. */
const TOTP_WINDOW = 1;
const RECOVERY_CODE_COUNT = 10;
/** Failed codes a pending login may make before it is closed (the password must be given again). */
export const MAX_CODE_FAILURES_PER_PENDING_LOGIN = 5;

const totpOf = (secret: string, label = "compte") =>
  new TOTP({ issuer: TOTP_ISSUER, label, algorithm: "SHA1", digits: 6, period: TOTP_PERIOD_SECONDS, secret: Secret.fromBase32(secret) });

/** A new secret: 160 bits (RFC 4226 recommends it), base32 for the apps. */
export const newTotpSecret = (): string => new Secret({ size: 20 }).base32;

export const totpUri = (secret: string, email: string): string => totpOf(secret, email).toString();

/**
 * The time step of a valid code, or null. The caller refuses a step not above the last one
 * accepted for the account: each code opens at most one session.
 */
export function totpStep(secret: string, code: string, now = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpOf(secret).validate({ token: code, timestamp: now, window: TOTP_WINDOW });
  if (delta === null) return null;
  return Math.floor(now / 1000 / TOTP_PERIOD_SECONDS) + delta;
}

// No 0/o, 1/l/i: codes are copied by hand from paper.
const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** Ten codes of 10 characters (~49 bits each), written `xxxxx-xxxxx`. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** Recovery codes are random, not chosen: a plain SHA-256 of the normalised code suffices. */
export const hashRecoveryCode = (code: string): string =>
  createHash("sha256").update(code.replace(/[\s-]/g, "").toLowerCase()).digest("base64url");
