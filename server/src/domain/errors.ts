// Why a use case refuses a write, in the domain's words. Each error carries the key of its
// message in the server catalogue (rendered in the request's language when answered); the
// problem handler (http/errors.ts) alone decides which HTTP status each kind becomes, so the
// use cases know nothing of HTTP.
import type { Params } from "@shared/i18n/catalogue";
import type { SERVER_MESSAGES, ServerMessageKey } from "../i18n/messages";

/** A catalogue message not rendered yet: its key and the values of its placeholders. */
export interface Message {
  key: ServerMessageKey;
  params?: Record<string, string | number>;
}

/** A message whose placeholders `tsc` checks against the French text, as `t()` does. */
export const message = <K extends ServerMessageKey>(key: K, ...params: Params<typeof SERVER_MESSAGES, K>): Message => ({
  key,
  params: params[0],
});

export abstract class DomainError extends Error {
  constructor(readonly reason: Message) {
    super(reason.key);
  }
}

/** What the write names does not exist (or no longer waits for this write). */
export class NotFound extends DomainError {}

/** The write contradicts the current state; `current` is that state when the client needs it to retry. */
export class StateConflict extends DomainError {
  constructor(
    reason: Message,
    readonly current?: Record<string, unknown>,
  ) {
    super(reason);
  }
}

/** One refused field of the input: `field` is its path inside the input ("challenges.2"). */
export interface FieldRefusal {
  field: string;
  reason: Message;
}

/** The input is well-formed but names what cannot be: each refused field, and a summary. */
export class InvalidInput extends DomainError {
  constructor(
    readonly fields: FieldRefusal[],
    summary: Message = message("problem.invalid"),
  ) {
    super(summary);
  }
}

/** Why an emailed link cannot be used; "unknown" is a link that never existed. */
export type LinkRefusal = "unknown" | "used" | "invitationRevoked" | "invitationExpired";

/** An emailed link (invitation) that cannot be used (docs/decisions/0006-identity-links-and-second-factor.md). */
export class UnusableLink extends DomainError {
  constructor(readonly refusal: LinkRefusal) {
    super(message(`link.${refusal}`));
  }
}
