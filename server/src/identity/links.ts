import type { Db } from "../db/database";
import { HttpError } from "../http/errors";
import { t } from "../i18n/messages";
import { passwordResetLink } from "../mail/identity-mails";
import { insertPasswordReset } from "../repositories/identity";
import { addMinutes, hashToken, newToken, PASSWORD_RESET_VALIDITY_MINUTES } from "./tokens";

/** An emailed link that cannot be used: the page shows `detail` as it is. */
export class LinkError extends HttpError {
  constructor(status: 404 | 410, detail: string) {
    super(status, t(status === 404 ? "link.invalid.title" : "link.unusable.title"), detail);
  }
}

/** Read when raised, so that each is in the language of the request (getters). */
export const LINK_MESSAGES = {
  get unknown() {
    return t("link.unknown");
  },
  get used() {
    return t("link.used");
  },
  get resetExpired() {
    return t("link.resetExpired");
  },
};

/** A new password-reset link for the account (1 hour, once); inside the caller's transaction. */
export function newResetLink(db: Db, publicUrl: string, userId: number): string {
  const token = newToken();
  const now = new Date();
  insertPasswordReset(db, { userId, tokenHash: hashToken(token), now: now.toISOString(), expiresAt: addMinutes(now, PASSWORD_RESET_VALIDITY_MINUTES) });
  return passwordResetLink(publicUrl, token);
}
