import type { Mail } from "./mailer";
import { ROLE_LABELS } from "@shared/labels-fr";
import type { Role } from "@shared/domain";
import { INVITATION_VALIDITY_DAYS, PASSWORD_RESET_VALIDITY_MINUTES } from "../identity/tokens";

const SIGNATURE = "L'équipe du programme Entrepreneurs d'intérêt général";

/**
 * Links carry their token after `#`: a fragment is never sent to the server, so it appears in
 * no request log, proxy log or Referer header; the page reads it and posts it.
 */
export const invitationLink = (publicUrl: string, token: string) => `${publicUrl}/invitation#${token}`;
export const passwordResetLink = (publicUrl: string, token: string) => `${publicUrl}/mot-de-passe/nouveau#${token}`;

export function invitationMail(invitation: { email: string; name: string; role: Role }, inviter: string, link: string): Mail {
  return {
    to: invitation.email,
    subject: "Invitation au suivi de pérennisation des défis EIG",
    text: [
      `Bonjour ${invitation.name},`,
      "",
      `${inviter} vous invite à rejoindre le suivi de pérennisation des défis EIG (rôle : ${ROLE_LABELS[invitation.role]}).`,
      "",
      "Pour activer votre compte, ouvrez ce lien puis choisissez votre mot de passe, ou identifiez-vous avec ProConnect :",
      link,
      "",
      `Ce lien est personnel, utilisable une seule fois et valable ${INVITATION_VALIDITY_DAYS} jours.`,
      "Si vous n'attendiez pas cette invitation, ignorez ce message : aucun compte ne sera créé.",
      "",
      SIGNATURE,
    ].join("\n"),
  };
}

export function passwordResetMail(email: string, link: string): Mail {
  return {
    to: email,
    subject: "Réinitialisation de votre mot de passe — suivi des défis EIG",
    text: [
      "Bonjour,",
      "",
      "Une réinitialisation du mot de passe de votre compte a été demandée. Pour choisir un nouveau mot de passe, ouvrez ce lien :",
      link,
      "",
      `Ce lien est utilisable une seule fois et valable ${PASSWORD_RESET_VALIDITY_MINUTES} minutes. Vos sessions ouvertes seront fermées.`,
      "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.",
      "",
      SIGNATURE,
    ].join("\n"),
  };
}
