// Editing an open campaign: rename, move the deadline, add challenges (never remove any:
// docs/decisions/0007-campaign-edits-and-email-outbox.md). The rules are the use case's (domain/campaigns.ts).
import type { RequestHandler } from "express";
import type { CampaignEditParsed } from "@shared/campaign";
import { editCampaign } from "../domain/campaigns";
import { actorOf, type Deps } from "./context";

/** `PATCH /api/campaigns/:id`: the change, its audit entry and the opening emails in one transaction; answers, then lets the outbox send. */
export const patchCampaign =
  (deps: Deps): RequestHandler =>
  (req, res) => {
    const id = (res.locals.params as { id: number }).id;
    res.json(editCampaign(deps, id, res.locals.body as CampaignEditParsed, actorOf(req, res)));
    deps.outbox?.wake();
  };
