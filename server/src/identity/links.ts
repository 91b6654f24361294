import type { Db } from "../db/database";
import { HttpError } from "../http/errors";
import { passwordResetLink } from "../mail/identity-mails";
import { insertPasswordReset } from "../repositories/identity";
import { addMinutes, hashToken, newToken, PASSWORD_RESET_VALIDITY_MINUTES } from "./tokens";

/** An emailed link that cannot be used: the page shows `detail` as it is. */
export class LinkError extends HttpError {
  constructor(status: 404 | 410, detail: string) {
    super(status, status === 404 ? "Lien invalide" : "Lien inutilisable", detail);
  }
}

export const LINK_MESSAGES = {
  unknown:
    "Ce lien n'est pas valide : il a peut-être été copié en partie, ou remplacé par un lien plus récent. Utilisez le dernier lien reçu, ou demandez-en un nouveau.",
  used: "Ce lien a déjà été utilisé. Connectez-vous avec votre adresse électronique et votre mot de passe, ou demandez un nouveau lien.",
  invitationExpired: "Ce lien a expiré. Demandez à l'équipe du programme de vous inviter de nouveau.",
  invitationRevoked: "Cette invitation a été annulée par l'équipe du programme.",
  resetExpired: "Ce lien a expiré. Demandez un nouveau lien depuis « Mot de passe oublié ? » sur la page de connexion.",
} as const;

/** A new password-reset link for the account (1 hour, once); inside the caller's transaction. */
export function newResetLink(db: Db, publicUrl: string, userId: number): string {
  const token = newToken();
  const now = new Date();
  insertPasswordReset(db, { userId, tokenHash: hashToken(token), now: now.toISOString(), expiresAt: addMinutes(now, PASSWORD_RESET_VALIDITY_MINUTES) });
  return passwordResetLink(publicUrl, token);
}
