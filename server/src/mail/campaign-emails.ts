// Campaign emails: one per mentor (never one per challenge), listing that mentor's
// challenges of the campaign. Sent at opening, then as reminders before the deadline.
import { addDays, frenchFirstOfMonth, parisDate } from "@shared/dates";
import { AXES } from "@shared/domain";
import { domainLabels, type Lang } from "@shared/labels";
import { tl } from "../i18n/messages";
import { REMINDER_DAYS_BEFORE_DEADLINE, type EmailRun } from "@shared/campaign";
import type { Db } from "../db/database";
import type { Mail } from "./mailer";
import { openCampaignsDueBetween, unansweredByMentor, type Recipient } from "../repositories/campaigns";
import { queueEmail } from "../repositories/campaign-emails";

export type CampaignEmailKind = "opening" | "reminder";

interface CampaignRef {
  id: number;
  name: string;
  deadline: string;
}

const frenchDate = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "UTC" });
/** "15 décembre 2026": calendar dates are read as UTC so that no time zone moves them. */
const deadlineInFrench = (isoDate: string) => frenchFirstOfMonth(frenchDate.format(new Date(`${isoDate}T00:00:00Z`)));

const englishDate = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" });
const deadlineIn = (lang: Lang, isoDate: string) =>
  lang === "en" ? englishDate.format(new Date(`${isoDate}T00:00:00Z`)) : deadlineInFrench(isoDate);

/**
 * The text of one email; plain text, so that every client shows it and links stay copyable.
 * In French: a mentor's language is not known (the admin's who opens the campaign says
 * nothing of theirs); `lang` is there for when it is.
 */
function composeCampaignEmail(
  { publicUrl }: { publicUrl: string },
  campaign: CampaignRef,
  recipient: Recipient,
  kind: CampaignEmailKind,
  lang: Lang = "fr",
): Mail {
  const count = recipient.challenges.length;
  const date = deadlineIn(lang, campaign.deadline);
  // A subject is one line whatever the name holds.
  const name = campaign.name.replace(/\s+/g, " ");
  const challenges = count === 1 ? tl(lang, "mail.campaign.challenges.one") : tl(lang, "mail.campaign.challenges.other", { count });
  const subject =
    kind === "opening"
      ? tl(lang, "mail.campaign.opening.subject", { name, challenges, date })
      : tl(lang, "mail.campaign.reminder.subject", { name, challenges, date });
  const axisLabels = domainLabels(lang).AXIS_LABELS;
  const lines = recipient.challenges.flatMap((challenge) => {
    const missing = AXES.filter((axis) => !challenge.axes[axis]).map((axis) => axisLabels[axis]);
    return [
      `- ${challenge.title}${missing.length > 0 && missing.length < AXES.length ? tl(lang, "mail.campaign.missing", { axes: missing.join(", ") }) : ""}`,
      `  ${publicUrl}/defis/${challenge.slug}?edition=1`,
    ];
  });
  const intro =
    kind === "opening"
      ? count === 1
        ? tl(lang, "mail.campaign.opening.intro.one", { name, date })
        : tl(lang, "mail.campaign.opening.intro.other", { name, date, count })
      : count === 1
        ? tl(lang, "mail.campaign.reminder.intro.one", { name, date })
        : tl(lang, "mail.campaign.reminder.intro.other", { name, date });
  const text = [
    tl(lang, "mail.hello", { name: recipient.name }),
    "",
    intro,
    "",
    ...lines,
    "",
    tl(lang, "mail.campaign.how"),
    "",
    tl(lang, "mail.campaign.all", { url: `${publicUrl}/mes-defis` }),
    "",
    "—",
    tl(lang, "mail.campaign.signature"),
  ].join("\n");
  return { to: recipient.email, subject, text };
}

/** What queueing emails needs: the database, whether SMTP is configured, the public URL for links. */
export interface QueueDeps {
  db: Db;
  mailer: { enabled: boolean };
  config: { publicUrl: string };
}

const emptyRun = (enabled: boolean): EmailRun => ({ enabled, queued: 0, alreadyToday: 0 });

/**
 * Records the emails of one campaign as 'pending', in one transaction (the caller's when there
 * is one): at opening, every mentor with all their challenges; as a reminder, the mentors with
 * unanswered challenges, listing only those. `onlyUserIds` narrows the recipients (mentors of
 * challenges added to an open campaign). Nothing is recorded without an SMTP server. At most
 * one email per campaign, recipient and Paris day, enforced by the database (queueEmail).
 * The email outbox sends them after the request (email-outbox.ts).
 */
export function queueCampaignEmails(
  deps: QueueDeps,
  campaign: CampaignRef,
  kind: CampaignEmailKind,
  now: Date,
  onlyUserIds?: Set<number>,
): EmailRun {
  const { db, mailer, config } = deps;
  if (!mailer.enabled) return emptyRun(false);
  const run = emptyRun(true);
  const parisDay = parisDate(now);
  db.transaction(() => {
    for (const recipient of unansweredByMentor(db, campaign.id, { all: kind === "opening" })) {
      if (onlyUserIds && !onlyUserIds.has(recipient.userId)) continue;
      const mail = composeCampaignEmail(config, campaign, recipient, kind);
      const queued = queueEmail(db, {
        campaignId: campaign.id,
        userId: recipient.userId,
        recipient: recipient.email,
        kind,
        parisDay,
        challengeCount: recipient.challenges.length,
        subject: mail.subject,
        body: mail.text,
      });
      if (queued === undefined) run.alreadyToday += 1;
      else run.queued += 1;
    }
  });
  return run;
}

/**
 * Reminders for every open campaign whose deadline is at most REMINDER_DAYS_BEFORE_DEADLINE
 * days away and not past (Paris days): one email per mentor with unanswered challenges,
 * queued for the outbox. Run hourly by the server; running it again the same day queues nothing new.
 */
export function queueDueReminders(deps: QueueDeps, now: Date = new Date()): EmailRun {
  if (!deps.mailer.enabled) return emptyRun(false);
  const today = parisDate(now);
  const total = emptyRun(true);
  for (const campaign of openCampaignsDueBetween(deps.db, today, addDays(today, REMINDER_DAYS_BEFORE_DEADLINE))) {
    const run = queueCampaignEmails(deps, campaign, "reminder", now);
    total.queued += run.queued;
    total.alreadyToday += run.alreadyToday;
  }
  return total;
}
