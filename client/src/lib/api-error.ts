import { ACCOUNT_LOCKED, SECOND_FACTOR_REQUIRED, SIGN_IN_THROTTLED, type Problem } from "@shared/problem";
import { currentI18n } from "../i18n/use-i18n";

/** The server writes its details in French; a refusal with a known `reason` is said in the reader's language. */
function messageOf(problem: Problem): string {
  const { t } = currentI18n();
  if (problem.reason === SECOND_FACTOR_REQUIRED) return t.common.secondFactorRequired;
  const wait = t.login.wait(problem.retryAfterSeconds ?? 60);
  if (problem.reason === SIGN_IN_THROTTLED) return t.login.throttled(wait);
  if (problem.reason === ACCOUNT_LOCKED) return t.login.locked(wait);
  return problem.detail ?? problem.title;
}

/** An API error, carrying the problem+json the server sent (or one made up for network failures). */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(messageOf(problem));
  }

  /** An admin route refused to a session opened without a second factor: signing in again is the way out. */
  get needsSecondFactor(): boolean {
    return this.problem.reason === SECOND_FACTOR_REQUIRED;
  }

  get status(): number {
    return this.problem.status;
  }

  /** The message of one field, for an inline error under it. */
  fieldError(path: string): string | undefined {
    return this.problem.errors?.find((error) => error.path === path)?.message;
  }
}
