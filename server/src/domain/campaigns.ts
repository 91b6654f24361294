// Update campaigns: the programme team opens one over promotions and hand-picked challenges,
// edits it while open (rename, move the deadline, add challenges, never remove any), closes or
// deletes it and sends reminders. Each write, its audit entry and the emails it queues are one
// transaction owned here; the outbox sends the emails after the answer, so an SMTP failure
// never undoes a campaign (docs/decisions/0007-campaign-edits-and-email-outbox.md).
import type { CampaignSummary, CampaignEditParsed, EmailRun, NewCampaignParsed } from "@shared/campaign";
import { queueCampaignEmails, type QueueDeps } from "../mail/campaign-emails";
import { recordAudit } from "../repositories/audit";
import {
  activeMentorsOf,
  addCampaignChallenges,
  campaignAnsweredAxes,
  challengeIdsBySlug,
  closeCampaign as markCampaignClosed,
  deleteCampaign as deleteCampaignAndEmails,
  findCampaign,
  insertCampaign,
  unknownPromotions,
  updateCampaign,
} from "../repositories/campaigns";
import type { Db } from "../db/database";
import { auditedBy, type Actor } from "./actor";
import { InvalidInput, message, NotFound, StateConflict, type FieldRefusal, type Message } from "./errors";

/** A campaign as the programme team's pages show it, and the emails a write queued. */
export interface CampaignWritten {
  campaign: CampaignSummary;
  emails: EmailRun;
}

const summaryOf = ({ closedByName: _closedByName, ...summary }: NonNullable<ReturnType<typeof findCampaign>>): CampaignSummary => summary;

/**
 * Whole promotions and hand-picked slugs, deduplicated and resolved; refused as invalid input
 * naming each unknown one at its place in the input (`fields` names the two lists) otherwise.
 */
function resolveTargets(
  db: Db,
  asked: { promotions: string[]; challenges: string[] },
  fields: { promotions: string; challenges: string },
  refusal: Message,
): { promotions: string[]; slugs: string[]; ids: Map<string, number> } {
  const refused: FieldRefusal[] = [];
  const promotions = [...new Set(asked.promotions)];
  for (const key of unknownPromotions(db, promotions)) {
    refused.push({ field: `${fields.promotions}.${asked.promotions.indexOf(key)}`, reason: message("campaign.unknownPromotion", { key }) });
  }
  const slugs = [...new Set(asked.challenges)];
  const ids = challengeIdsBySlug(db, slugs);
  for (const slug of slugs.filter((slug) => !ids.has(slug))) {
    refused.push({ field: `${fields.challenges}.${asked.challenges.indexOf(slug)}`, reason: message("campaign.unknownChallenge", { slug }) });
  }
  if (refused.length > 0) throw new InvalidInput(refused, refusal);
  return { promotions, slugs, ids };
}

/** The campaign `id`, open. */
function openCampaignById(db: Db, id: number, closedRefusal: Message) {
  const campaign = findCampaign(db, id);
  if (!campaign) throw new NotFound(message("campaign.unknown"));
  if (campaign.closedAt) throw new StateConflict(closedRefusal);
  return campaign;
}

/** Opens a campaign and queues its opening emails; a campaign over no challenge is refused whole. */
export function openCampaign(deps: QueueDeps, input: NewCampaignParsed, by: Actor, now = new Date()): CampaignWritten {
  const { db } = deps;
  return db.transaction(() => {
    const { promotions, slugs, ids } = resolveTargets(
      db,
      input,
      { promotions: "promotions", challenges: "challenges" },
      message("campaign.unknownScopeCreate"),
    );
    const { id, challengeCount } = insertCampaign(db, {
      name: input.name,
      deadline: input.deadline,
      openedById: by.id,
      openedByName: by.name,
      promotions,
      challengeIds: [...ids.values()],
    });
    // Throwing rolls the insert back.
    if (challengeCount === 0) {
      throw new InvalidInput(
        [{ field: "promotions", reason: message("campaign.promotionsWithoutChallenges") }],
        message("campaign.noChallenge"),
      );
    }
    recordAudit(db, {
      ...auditedBy(by),
      action: "campaign.created",
      targetType: "campaign",
      targetId: id,
      after: { name: input.name, deadline: input.deadline, promotions, challenges: slugs, challengeCount },
    });
    const emails = queueCampaignEmails(deps, { id, name: input.name, deadline: input.deadline }, "opening", now);
    return { campaign: summaryOf(findCampaign(db, id)!), emails };
  });
}

/**
 * Edits an open campaign: its name, its deadline, challenges added (never removed: its answers
 * are its record). The mentors of the added challenges get the opening email (those already
 * written to that Paris day are not written to again). Audited only when something changed.
 */
export function editCampaign(deps: QueueDeps, id: number, input: CampaignEditParsed, by: Actor, now = new Date()): CampaignWritten {
  const { db } = deps;
  return db.transaction(() => {
    const before = openCampaignById(db, id, message("campaign.closedNoEdit"));
    const { promotions, ids } = resolveTargets(
      db,
      { promotions: input.addPromotions, challenges: input.addChallenges },
      { promotions: "addPromotions", challenges: "addChallenges" },
      message("campaign.unknownScopeEdit"),
    );
    updateCampaign(db, id, { name: input.name, deadline: input.deadline });
    const added = addCampaignChallenges(db, id, promotions, [...ids.values()]);
    const after = findCampaign(db, id)!;
    const changed = after.name !== before.name || after.deadline !== before.deadline || added.length > 0;
    const emails = queueCampaignEmails(
      deps,
      after,
      "opening",
      now,
      added.length > 0
        ? activeMentorsOf(
            db,
            added.map((challenge) => challenge.id),
          )
        : new Set(),
    );
    if (changed) {
      recordAudit(db, {
        ...auditedBy(by),
        action: "campaign.updated",
        targetType: "campaign",
        targetId: id,
        before: { name: before.name, deadline: before.deadline, challengeCount: before.challengeCount },
        after: {
          name: after.name,
          deadline: after.deadline,
          challengeCount: after.challengeCount,
          addedChallenges: added.map((challenge) => challenge.slug),
          openingEmails: emails.queued,
        },
      });
    }
    return { campaign: summaryOf(after), emails };
  });
}

/** Closes an open campaign: its answers stay its record, it sends no more reminders. */
export function closeCampaign(db: Db, id: number, by: Actor): CampaignSummary {
  return db.transaction(() => {
    const before = openCampaignById(db, id, message("campaign.alreadyClosed"));
    markCampaignClosed(db, id, by.name);
    const after = findCampaign(db, id)!;
    recordAudit(db, {
      ...auditedBy(by),
      action: "campaign.closed",
      targetType: "campaign",
      targetId: id,
      before: { name: before.name, closedAt: null, answeredCount: before.answeredCount, challengeCount: before.challengeCount },
      after: { name: after.name, closedAt: after.closedAt, answeredCount: after.answeredCount, challengeCount: after.challengeCount },
    });
    return summaryOf(after);
  });
}

/**
 * Deletes a campaign opened by mistake while nobody has answered through it (its queued emails
 * go with it); once answered, it can only be closed, so its history stays.
 */
export function deleteCampaign(db: Db, id: number, by: Actor): void {
  db.transaction(() => {
    const before = findCampaign(db, id);
    if (!before) throw new NotFound(message("campaign.unknown"));
    if (campaignAnsweredAxes(db, id) > 0) throw new StateConflict(message("campaign.answeredNotDeletable"));
    const emails = deleteCampaignAndEmails(db, id);
    recordAudit(db, {
      ...auditedBy(by),
      action: "campaign.deleted",
      targetType: "campaign",
      targetId: id,
      before: { name: before.name, deadline: before.deadline, openedAt: before.openedAt, challengeCount: before.challengeCount, emails },
    });
  });
}

/**
 * "Envoyer les relances maintenant": reminders to every mentor with an unanswered challenge of
 * the campaign, whatever the deadline, still once a day at most. Audited when any is queued.
 */
export function sendCampaignReminders(deps: QueueDeps, id: number, by: Actor, now = new Date()): EmailRun {
  const { db } = deps;
  return db.transaction(() => {
    const campaign = openCampaignById(db, id, message("campaign.closedNoReminders"));
    const queued = queueCampaignEmails(deps, campaign, "reminder", now);
    if (queued.queued > 0) {
      recordAudit(db, { ...auditedBy(by), action: "campaign.reminders_sent", targetType: "campaign", targetId: id, after: queued });
    }
    return queued;
  });
}
