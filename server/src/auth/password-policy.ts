// What a new password must not be, beyond its length (shared/auth.ts passwordSchema): one of
// the most common or breached passwords, a single repeated character, or the account's own
// email (ASVS 2.1.7; docs/decisions/0008-sign-in-hardening.md). Server side only: the list
// (about 49,000 passwords, @zxcvbn-ts/language-common) never goes into the client bundle.
import { ValidationError } from "../http/errors";
import { t } from "../i18n/messages";

/** Read when raised, so that each is in the language of the request (getters). */
export const PASSWORD_PROBLEMS = {
  get common() {
    return t("password.common");
  },
  get repeated() {
    return t("password.repeated");
  },
  get email() {
    return t("password.email");
  },
};

let commonPasswords: Promise<Set<string>> | undefined;

/** Loaded once, at the first password set (not at startup, not for sign-ins). */
function common(): Promise<Set<string>> {
  commonPasswords ??= import("@zxcvbn-ts/language-common").then(
    ({ dictionary }) => new Set(dictionary["passwords-common"].map((password) => password.toLowerCase())),
  );
  return commonPasswords;
}

/** Why `password` cannot be the password of the account `email`, or undefined if it can. */
export async function passwordProblem(password: string, email: string): Promise<string | undefined> {
  const lower = password.toLowerCase();
  if (/^(.)\1*$/su.test(password)) return PASSWORD_PROBLEMS.repeated;
  const address = email.trim().toLowerCase();
  const localPart = address.split("@")[0];
  if (lower === address || (localPart !== "" && lower === localPart)) return PASSWORD_PROBLEMS.email;
  if ((await common()).has(lower)) return PASSWORD_PROBLEMS.common;
  return undefined;
}

/**
 * Refuses a password that `passwordProblem` finds wrong, as a field error on `body.password`
 * (400 problem+json). Called everywhere a password is set, before it is hashed.
 */
export async function assertAcceptablePassword(password: string, email: string): Promise<void> {
  const problem = await passwordProblem(password, email);
  if (problem) throw new ValidationError([{ path: "body.password", message: problem }], problem);
}
