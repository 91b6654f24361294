import { createHash, randomBytes } from "node:crypto";

/** A token for an emailed link or a cookie: 256 random bits, base64url (43 characters). */
export const newToken = (): string => randomBytes(32).toString("base64url");

/** Only this is stored: the token itself travels in the email or the cookie. */
export const hashToken = (token: string): string => createHash("sha256").update(token).digest("base64url");

/** How long the links sent by email stay valid. */
export const INVITATION_VALIDITY_DAYS = 7;
export const PASSWORD_RESET_VALIDITY_MINUTES = 60;
/** Between the password step and the second factor (or enrolment). */
export const PENDING_LOGIN_MINUTES = 10;
/** Between leaving for the identity provider and coming back. */
export const OIDC_LOGIN_MINUTES = 10;

export const addMinutes = (now: Date, minutes: number): string => new Date(now.getTime() + minutes * 60_000).toISOString();
