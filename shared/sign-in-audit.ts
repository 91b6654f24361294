/**
 * How a session was opened: the `method` of every `login.succeeded` audit entry (in `after`).
 * `login.succeeded` is written only when a session really opens, never at a password step
 * that a second factor follows.
 */
export const SIGN_IN_METHODS = [
  "password",
  "password+totp",
  "password+recovery_code",
  "proconnect",
  /** ProConnect then the local TOTP code (or a recovery code): how an admin signs in with ProConnect. */
  "proconnect+totp",
  "proconnect+recovery_code",
  /** ProConnect with an `acr` that proves two factors, checked against the one asked for. */
  "proconnect+mfa",
] as const;
export type SignInMethod = (typeof SIGN_IN_METHODS)[number];

/** The methods that prove a second factor: only these open the admin routes. */
const TWO_FACTOR_SIGN_IN_METHODS: readonly SignInMethod[] = [
  "password+totp",
  "password+recovery_code",
  "proconnect+totp",
  "proconnect+recovery_code",
  "proconnect+mfa",
];

export const provesSecondFactor = (method: SignInMethod | null | undefined): boolean =>
  method != null && TWO_FACTOR_SIGN_IN_METHODS.includes(method);

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
  /** ProConnect signed in an admin without proving two factors: the local code (or its enrolment) is due first. */
  oidcAccepted: "login.oidc_accepted",
  /** A wrong TOTP or recovery code during sign-in (`after.step`: `code` or `enrolment`). */
  secondFactorFailed: "login.second_factor_failed",
  /** Too many failures on the account from any address: passwords (or codes) refused until `after.until`. */
  locked: "login.locked",
} as const;
