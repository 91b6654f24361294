/**
 * How a session was opened: the `method` of every `login.succeeded` audit entry (in `after`).
 * `login.succeeded` is written only when a session really opens, never at a password step
 * that a second factor follows.
 */
export const SIGN_IN_METHODS = ["password", "password+totp", "password+recovery_code", "proconnect"] as const;
export type SignInMethod = (typeof SIGN_IN_METHODS)[number];

export const isSignInMethod = (value: unknown): value is SignInMethod =>
  typeof value === "string" && (SIGN_IN_METHODS as readonly string[]).includes(value);

/** Audit actions of a sign-in. */
export const SIGN_IN_AUDIT = {
  /** A session opened (`after.method` says how). */
  succeeded: "login.succeeded",
  /** Wrong email or password. */
  failed: "login.failed",
  /** The password was right; a second factor (or its enrolment) is due before any session. */
  passwordAccepted: "login.password_accepted",
  /** A wrong TOTP or recovery code during sign-in (`after.step`: `code` or `enrolment`). */
  secondFactorFailed: "login.second_factor_failed",
} as const;
