// Editing an open campaign (issue 9 follow-up): rename, move the deadline, add challenges.
//
// Challenges are never removed from a campaign. Its per-challenge answers are its record: the
// completion the team has already reported ("12 of 15 answered"), the mentors' to-dos and
// the emails already sent all name those challenges, and removing one would rewrite that
// history without a trace in the campaign itself. A challenge added by mistake costs one row
// that need not be chased; a campaign that went wrong is closed and a new one opened.
import type { RequestHandler } from "express";
import type { CampaignEditParsed } from "@shared/campaign";
import { ConflictError, NotFoundError } from "../http/errors";
import { recordAudit } from "../repositories/audit";
import { activeMentorsOf, addCampaignChallenges, findCampaign, updateCampaign } from "../repositories/campaigns";
import { queueCampaignEmails } from "../mail/campaign-emails";
import { resolveCampaignTargets } from "./campaigns";
import { auditContext, type Deps } from "./context";
import { t } from "../i18n/messages";

/**
 * `PATCH /api/campaigns/:id`, in one transaction: the change, its audit entry (before/after)
 * and the opening emails for the mentors of the added challenges (those already written to
 * that Paris day are not written to again). Answers, then lets the outbox send.
 */
export const patchCampaign =
  (deps: Deps): RequestHandler =>
  (req, res) => {
    const { db } = deps;
    const id = (res.locals.params as { id: number }).id;
    const body = res.locals.body as CampaignEditParsed;
    const now = new Date();
    const edited = db.transaction(() => {
      const before = findCampaign(db, id);
      if (!before) throw new NotFoundError(t("campaign.unknown"));
      if (before.closedAt) throw new ConflictError(t("campaign.closedNoEdit"));
      const { promotions, ids } = resolveCampaignTargets(
        db,
        { promotions: body.addPromotions, challenges: body.addChallenges },
        { promotions: "addPromotions", challenges: "addChallenges" },
        t("campaign.unknownScopeEdit"),
      );
      updateCampaign(db, id, { name: body.name, deadline: body.deadline });
      const added = addCampaignChallenges(db, id, promotions, [...ids.values()]);
      const after = findCampaign(db, id)!;
      const changed = after.name !== before.name || after.deadline !== before.deadline || added.length > 0;
      const emails = queueCampaignEmails(
        deps,
        after,
        "opening",
        now,
        added.length > 0 ? activeMentorsOf(db, added.map((challenge) => challenge.id)) : new Set(),
      );
      if (changed) {
        recordAudit(db, {
          ...auditContext(req, res),
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
      return { after, emails };
    });
    const { closedByName: _closedByName, ...summary } = edited.after;
    res.json({ campaign: summary, emails: edited.emails });
    deps.outbox?.wake();
  };
