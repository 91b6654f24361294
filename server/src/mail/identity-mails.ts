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

/** When a lock lifts, as the holder reads it (Paris time). */
const parisDateTime = (iso: string) =>
  new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", dateStyle: "long", timeStyle: "short" }).format(new Date(iso));

/**
 * To the account's holder, once per lock: what happened, when it lifts, what to do. After
 * wrong codes, someone had the right password: the mail says so and asks to change it.
 */
export function accountLockedMail(
  account: { email: string; name: string },
  lock: { factor: "password" | "second_factor"; failures: number; until: string; resetLink?: string },
): Mail {
  const what =
    lock.factor === "password"
      ? `${lock.failures} tentatives de connexion à votre compte (${account.email}) ont échoué sur un mot de passe erroné, en moins d'une heure.`
      : `${lock.failures} codes de vérification erronés ont été saisis pour votre compte (${account.email}) en moins d'une heure, après un mot de passe correct.`;
  const ifNotYou =
    lock.factor === "password"
      ? "Si ce n'était pas vous, quelqu'un essaie de deviner votre mot de passe : choisissez-en un nouveau, long et que vous n'utilisez nulle part ailleurs."
      : "Si ce n'était pas vous, quelqu'un connaît votre mot de passe : changez-le sans attendre, et prévenez l'équipe du programme.";
  const how = lock.resetLink
    ? [
        `Ce lien vous permet de choisir un nouveau mot de passe ; il lève aussi le blocage (utilisable une seule fois, valable ${PASSWORD_RESET_VALIDITY_MINUTES} minutes) :`,
        lock.resetLink,
      ]
    : ["Sur la page de connexion, « Mot de passe oublié ? » vous envoie un lien pour en choisir un nouveau ; il lève aussi le blocage."];
  return {
    to: account.email,
    subject: "Connexion à votre compte bloquée temporairement — suivi des défis EIG",
    text: [
      `Bonjour ${account.name},`,
      "",
      what,
      `Par précaution, la connexion par mot de passe à votre compte est bloquée jusqu'au ${parisDateTime(lock.until)} (heure de Paris), même avec le bon mot de passe.`,
      "",
      "Si c'était vous, attendez cette heure pour réessayer, ou choisissez un nouveau mot de passe.",
      ifNotYou,
      ...how,
      "",
      SIGNATURE,
    ].join("\n"),
  };
}
