import type { Mail } from "./mailer";
import type { Role } from "@shared/domain";
import { domainLabels, type Lang } from "@shared/labels";
import { INVITATION_VALIDITY_DAYS, PASSWORD_RESET_VALIDITY_MINUTES } from "../identity/tokens";
import { tl } from "../i18n/messages";
import { messageLang } from "../http/request-lang";

// The language of these emails: the request's that sends them (messageLang). A reset or a
// lock is asked from the holder's own interface; an invitation is written in the language
// the inviting admin uses, as nothing is known yet of the invitee's.

/**
 * Links carry their token after `#`: a fragment is never sent to the server, so it appears in
 * no request log, proxy log or Referer header; the page reads it and posts it.
 */
export const invitationLink = (publicUrl: string, token: string) => `${publicUrl}/invitation#${token}`;
export const passwordResetLink = (publicUrl: string, token: string) => `${publicUrl}/mot-de-passe/nouveau#${token}`;

export function invitationMail(
  invitation: { email: string; name: string; role: Role },
  inviter: string,
  link: string,
  /** ProConnect is named only when the server offers it (config.oidc). */
  options: { proConnect: boolean; lang?: Lang },
): Mail {
  const lang = options.lang ?? messageLang();
  return {
    to: invitation.email,
    subject: tl(lang, "mail.invitation.subject"),
    text: [
      tl(lang, "mail.hello", { name: invitation.name }),
      "",
      tl(lang, "mail.invitation.invites", { inviter, role: domainLabels(lang).ROLE_LABELS[invitation.role] }),
      "",
      tl(lang, options.proConnect ? "mail.invitation.howWithProConnect" : "mail.invitation.how"),
      link,
      "",
      tl(lang, "mail.invitation.validity", { days: INVITATION_VALIDITY_DAYS }),
      tl(lang, "mail.invitation.ignore"),
      "",
      tl(lang, "mail.signature"),
    ].join("\n"),
  };
}

export function passwordResetMail(email: string, link: string, lang: Lang = messageLang()): Mail {
  return {
    to: email,
    subject: tl(lang, "mail.reset.subject"),
    text: [
      tl(lang, "mail.helloAnonymous"),
      "",
      tl(lang, "mail.reset.asked"),
      link,
      "",
      tl(lang, "mail.reset.validity", { minutes: PASSWORD_RESET_VALIDITY_MINUTES }),
      tl(lang, "mail.reset.ignore"),
      "",
      tl(lang, "mail.signature"),
    ].join("\n"),
  };
}

/** When a lock lifts, as the holder reads it (Paris time). */
const parisDateTime = (iso: string, lang: Lang) =>
  new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "fr-FR", { timeZone: "Europe/Paris", dateStyle: "long", timeStyle: "short" }).format(
    new Date(iso),
  );

/**
 * To the account's holder, once per lock: what happened, when it lifts, what to do. After
 * wrong codes, someone had the right password: the mail says so and asks to change it.
 */
export function accountLockedMail(
  account: { email: string; name: string },
  lock: { factor: "password" | "second_factor"; failures: number; until: string; resetLink?: string },
  lang: Lang = messageLang(),
): Mail {
  const byPassword = lock.factor === "password";
  const how = lock.resetLink
    ? [tl(lang, "mail.locked.withLink", { minutes: PASSWORD_RESET_VALIDITY_MINUTES }), lock.resetLink]
    : [tl(lang, "mail.locked.withoutLink")];
  return {
    to: account.email,
    subject: tl(lang, "mail.locked.subject"),
    text: [
      tl(lang, "mail.hello", { name: account.name }),
      "",
      tl(lang, byPassword ? "mail.locked.password" : "mail.locked.secondFactor", { failures: lock.failures, email: account.email }),
      tl(lang, "mail.locked.until", { until: parisDateTime(lock.until, lang) }),
      "",
      tl(lang, "mail.locked.ifYou"),
      tl(lang, byPassword ? "mail.locked.ifNotYouPassword" : "mail.locked.ifNotYouSecondFactor"),
      ...how,
      "",
      tl(lang, "mail.signature"),
    ].join("\n"),
  };
}
