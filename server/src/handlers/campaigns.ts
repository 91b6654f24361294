// Update campaigns: the programme team opens, follows and closes them; mentors see their to-do.
import type { RequestHandler } from "express";
import { ConflictError, NotFoundError, ValidationError, type FieldError } from "../http/errors";
import { currentSession } from "../http/access";
import { recordAudit } from "../repositories/audit";
import {
  campaignAnsweredAxes,
  campaignDetail,
  deleteCampaign,
  campaignsOfMentor,
  challengeIdsBySlug,
  closeCampaign,
  findCampaign,
  insertCampaign,
  listCampaigns,
  unknownPromotions,
} from "../repositories/campaigns";
import { queueCampaignEmails } from "../mail/campaign-emails";
import type { NewCampaignParsed } from "@shared/campaign";
import { auditContext, type Deps } from "./context";
import { t } from "../i18n/messages";

const campaignId = (locals: Record<string, unknown>) => (locals.params as { id: number }).id;

export const getCampaigns =
  ({ db }: Deps): RequestHandler =>
  (_req, res) =>
    void res.json(listCampaigns(db));

export const getCampaign =
  ({ db, mailer }: Deps): RequestHandler =>
  (_req, res) => {
    const detail = campaignDetail(db, campaignId(res.locals), mailer.enabled);
    if (!detail) throw new NotFoundError(t("campaign.unknown"));
    res.json(detail);
  };

export const getMyCampaigns =
  ({ db }: Deps): RequestHandler =>
  (_req, res) =>
    void res.json(campaignsOfMentor(db, currentSession(res.locals).user.id));

/**
 * Whole promotions and hand-picked slugs, deduplicated and resolved; a 400 naming each unknown
 * one (at its place in the body) otherwise. Run inside the write's transaction.
 */
export function resolveCampaignTargets(
  db: Deps["db"],
  asked: { promotions: string[]; challenges: string[] },
  fields: { promotions: string; challenges: string },
  refusal: string,
): { promotions: string[]; slugs: string[]; ids: Map<string, number> } {
  const errors: FieldError[] = [];
  const promotions = [...new Set(asked.promotions)];
  for (const key of unknownPromotions(db, promotions)) {
    errors.push({ path: `body.${fields.promotions}.${asked.promotions.indexOf(key)}`, message: t("campaign.unknownPromotion", { key }) });
  }
  const slugs = [...new Set(asked.challenges)];
  const ids = challengeIdsBySlug(db, slugs);
  for (const slug of slugs.filter((slug) => !ids.has(slug))) {
    errors.push({ path: `body.${fields.challenges}.${asked.challenges.indexOf(slug)}`, message: t("campaign.unknownChallenge", { slug }) });
  }
  if (errors.length > 0) throw new ValidationError(errors, refusal);
  return { promotions, slugs, ids };
}

/**
 * Opens a campaign and records its opening emails in one transaction, answers, then lets the
 * outbox send them: the admin never waits for SMTP, and an SMTP failure never undoes the campaign.
 */
export const postCampaign =
  (deps: Deps): RequestHandler =>
  (req, res) => {
    const { db } = deps;
    const body = res.locals.body as NewCampaignParsed;
    const { user } = currentSession(res.locals);
    const now = new Date();
    const created = db.transaction(() => {
      const { promotions, slugs, ids } = resolveCampaignTargets(
        db,
        body,
        { promotions: "promotions", challenges: "challenges" },
        t("campaign.unknownScopeCreate"),
      );
      const { id, challengeCount } = insertCampaign(db, {
        name: body.name,
        deadline: body.deadline,
        openedById: user.id,
        openedByName: user.name,
        promotions,
        challengeIds: [...ids.values()],
      });
      // Throwing rolls the insert back: a campaign over nothing is refused whole.
      if (challengeCount === 0) {
        throw new ValidationError(
          [{ path: "body.promotions", message: t("campaign.promotionsWithoutChallenges") }],
          t("campaign.noChallenge"),
        );
      }
      recordAudit(db, {
        ...auditContext(req, res),
        action: "campaign.created",
        targetType: "campaign",
        targetId: id,
        after: { name: body.name, deadline: body.deadline, promotions, challenges: slugs, challengeCount },
      });
      const emails = queueCampaignEmails(deps, { id, name: body.name, deadline: body.deadline }, "opening", now);
      return { id, emails };
    });
    const { closedByName: _closedByName, ...summary } = findCampaign(db, created.id)!;
    res.status(201).json({ campaign: summary, emails: created.emails });
    deps.outbox?.wake();
  };

export const postCampaignClose =
  ({ db }: Deps): RequestHandler =>
  (req, res) => {
    const id = campaignId(res.locals);
    const closed = db.transaction(() => {
      const before = findCampaign(db, id);
      if (!before) throw new NotFoundError(t("campaign.unknown"));
      if (before.closedAt) throw new ConflictError(t("campaign.alreadyClosed"));
      closeCampaign(db, id, currentSession(res.locals).user.name);
      const after = findCampaign(db, id)!;
      recordAudit(db, {
        ...auditContext(req, res),
        action: "campaign.closed",
        targetType: "campaign",
        targetId: id,
        before: { name: before.name, closedAt: null, answeredCount: before.answeredCount, challengeCount: before.challengeCount },
        after: { name: after.name, closedAt: after.closedAt, answeredCount: after.answeredCount, challengeCount: after.challengeCount },
      });
      return after;
    });
    const { closedByName: _closedByName, ...summary } = closed;
    res.json(summary);
  };

/**
 * A campaign opened by mistake is deleted while nobody has answered through it (its queued
 * emails are dropped with it); once answered, it can only be closed, so its history stays.
 */
export const removeCampaign =
  ({ db }: Deps): RequestHandler =>
  (req, res) => {
    const id = campaignId(res.locals);
    db.transaction(() => {
      const before = findCampaign(db, id);
      if (!before) throw new NotFoundError(t("campaign.unknown"));
      if (campaignAnsweredAxes(db, id) > 0) {
        throw new ConflictError(t("campaign.answeredNotDeletable"));
      }
      const emails = deleteCampaign(db, id);
      recordAudit(db, {
        ...auditContext(req, res),
        action: "campaign.deleted",
        targetType: "campaign",
        targetId: id,
        before: { name: before.name, deadline: before.deadline, openedAt: before.openedAt, challengeCount: before.challengeCount, emails },
      });
    });
    res.status(204).end();
  };

/**
 * "Envoyer les relances maintenant": reminders of this campaign to every mentor with an
 * unanswered challenge, whatever the deadline (the admin chose to), still once a day at most.
 * Queued with the audit entry in one transaction; the outbox sends them after the answer.
 */
export const postCampaignReminders =
  (deps: Deps): RequestHandler =>
  (req, res) => {
    const id = campaignId(res.locals);
    const run = deps.db.transaction(() => {
      const campaign = findCampaign(deps.db, id);
      if (!campaign) throw new NotFoundError(t("campaign.unknown"));
      if (campaign.closedAt) throw new ConflictError(t("campaign.closedNoReminders"));
      const queued = queueCampaignEmails(deps, campaign, "reminder", new Date());
      if (queued.queued > 0) {
        recordAudit(deps.db, { ...auditContext(req, res), action: "campaign.reminders_sent", targetType: "campaign", targetId: id, after: queued });
      }
      return queued;
    });
    res.json(run);
    deps.outbox?.wake();
  };
