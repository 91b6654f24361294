// Update campaigns: the programme team opens, follows and closes them; mentors see their to-do.
import type { RequestHandler } from "express";
import { NotFoundError } from "../http/errors";
import { currentSession } from "../http/access";
import { closeCampaign, deleteCampaign, openCampaign, sendCampaignReminders } from "../domain/campaigns";
import { campaignDetail, campaignsOfMentor, listCampaigns } from "../repositories/campaigns";
import type { NewCampaignParsed } from "@shared/campaign";
import { actorOf, type Deps } from "./context";
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
 * Opens a campaign and records its opening emails in one transaction, answers, then lets the
 * outbox send them.
 */
export const postCampaign =
  (deps: Deps): RequestHandler =>
  (req, res) => {
    res.status(201).json(openCampaign(deps, res.locals.body as NewCampaignParsed, actorOf(req, res)));
    deps.outbox?.wake();
  };

export const postCampaignClose =
  ({ db }: Deps): RequestHandler =>
  (req, res) =>
    void res.json(closeCampaign(db, campaignId(res.locals), actorOf(req, res)));

export const removeCampaign =
  ({ db }: Deps): RequestHandler =>
  (req, res) => {
    deleteCampaign(db, campaignId(res.locals), actorOf(req, res));
    res.status(204).end();
  };

/** "Envoyer les relances maintenant": queued in one transaction; the outbox sends them after the answer. */
export const postCampaignReminders =
  (deps: Deps): RequestHandler =>
  (req, res) => {
    res.json(sendCampaignReminders(deps, campaignId(res.locals), actorOf(req, res)));
    deps.outbox?.wake();
  };
