// Update campaigns: the programme team opens, follows and closes them; mentors see their to-do.
import { NotFoundError } from "../http/errors";
import { closeCampaign, deleteCampaign, openCampaign, sendCampaignReminders } from "../domain/campaigns";
import { campaignDetail, campaignsOfMentor, listCampaigns } from "../repositories/campaigns";
import type { campaignIdParamsSchema, newCampaignSchema } from "@shared/campaign";
import type { Ctx, Deps, Input } from "./context";
import { t } from "../i18n/messages";

type ByCampaignId = Input<{ params: typeof campaignIdParamsSchema }>;

export const getCampaigns =
  ({ db }: Deps) =>
  () =>
    listCampaigns(db);

export const getCampaign =
  ({ db, mailer }: Deps) =>
  ({ params: { id } }: ByCampaignId) => {
    const detail = campaignDetail(db, id, mailer.enabled);
    if (!detail) throw new NotFoundError(t("campaign.unknown"));
    return detail;
  };

export const getMyCampaigns =
  ({ db }: Deps) =>
  (_input: Input, ctx: Ctx) =>
    campaignsOfMentor(db, ctx.user.id);

/**
 * Opens a campaign and records its opening emails in one transaction, answers, then lets the
 * outbox send them.
 */
export const postCampaign =
  (deps: Deps) =>
  ({ body }: Input<{ body: typeof newCampaignSchema }>, ctx: Ctx) => {
    const opened = openCampaign(deps, body, ctx.actor);
    deps.outbox?.wake(); // sends on a later turn, after this answer
    return opened;
  };

export const postCampaignClose =
  ({ db }: Deps) =>
  ({ params: { id } }: ByCampaignId, ctx: Ctx) =>
    closeCampaign(db, id, ctx.actor);

export const removeCampaign =
  ({ db }: Deps) =>
  ({ params: { id } }: ByCampaignId, ctx: Ctx) => {
    deleteCampaign(db, id, ctx.actor);
  };

/** "Envoyer les relances maintenant": queued in one transaction; the outbox sends them after the answer. */
export const postCampaignReminders =
  (deps: Deps) =>
  ({ params: { id } }: ByCampaignId, ctx: Ctx) => {
    const run = sendCampaignReminders(deps, id, ctx.actor);
    deps.outbox?.wake(); // sends on a later turn, after this answer
    return run;
  };
