// Editing an open campaign: rename, move the deadline, add challenges (never remove any:
// docs/decisions/0007-campaign-edits-and-email-outbox.md). The rules are the use case's (domain/campaigns.ts).
import type { campaignEditSchema, campaignIdParamsSchema } from "@shared/campaign";
import { editCampaign } from "../domain/campaigns";
import type { Ctx, Deps, Input } from "./context";

/** `PATCH /api/campaigns/:id`: the change, its audit entry and the opening emails in one transaction; answers, then lets the outbox send. */
export const patchCampaign =
  (deps: Deps) =>
  ({ params: { id }, body }: Input<{ params: typeof campaignIdParamsSchema; body: typeof campaignEditSchema }>, ctx: Ctx) => {
    const edited = editCampaign(deps, id, body, ctx.actor);
    deps.outbox?.wake(); // sends on a later turn, after this answer
    return edited;
  };
