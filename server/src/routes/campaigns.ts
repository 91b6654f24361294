import { route, json, type Route } from "./route";
import { z } from "zod";
import type { Deps } from "../handlers/context";
import {
  getCampaign,
  getCampaigns,
  getMyCampaigns,
  postCampaign,
  postCampaignClose,
  postCampaignReminders,
  removeCampaign,
} from "../handlers/campaigns";
import { patchCampaign } from "../handlers/campaign-edits";
import {
  campaignCreatedSchema,
  campaignDetailSchema,
  campaignEditSchema,
  campaignIdParamsSchema,
  campaignSummarySchema,
  emailRunSchema,
  myCampaignSchema,
  newCampaignSchema,
} from "@shared/campaign";

/** Update campaigns: the programme team asks mentors to bring challenges up to date. */
export function campaignRoutes(deps: Deps): Route[] {
  return [
    route({
      method: "get",
      path: "/campaigns",
      summary: "Les campagnes de mise à jour, ouvertes d'abord, avec leur taux de réponse.",
      access: "admin",
      response: json(200, z.array(campaignSummarySchema)),
      handle: getCampaigns(deps),
    }),
    route({
      method: "post",
      path: "/campaigns",
      summary:
        "Ouvre une campagne (promotions et/ou défis choisis, échéance) et met en file d'envoi un courriel par mentor concerné si SMTP_URL est configuré.",
      access: "admin",
      idempotent: true,
      input: { body: newCampaignSchema },
      response: json(201, campaignCreatedSchema),
      handle: postCampaign(deps),
    }),
    route({
      method: "get",
      path: "/campaigns/:id",
      summary: "Une campagne : réponses par promotion et par défi, mentors à relancer, courriels envoyés.",
      access: "admin",
      input: { params: campaignIdParamsSchema },
      response: json(200, campaignDetailSchema),
      handle: getCampaign(deps),
    }),
    route({
      method: "patch",
      path: "/campaigns/:id",
      summary:
        "Modifie une campagne ouverte : nom, échéance (pas dans le passé), défis ajoutés (promotions ou choisis un à un ; jamais retirés). Les mentors des défis ajoutés reçoivent le courriel d'ouverture.",
      access: "admin",
      input: { params: campaignIdParamsSchema, body: campaignEditSchema },
      response: json(200, campaignCreatedSchema),
      handle: patchCampaign(deps),
    }),
    route({
      method: "delete",
      path: "/campaigns/:id",
      summary:
        "Supprime une campagne ouverte par erreur, tant que personne n'y a répondu (aucune mise à jour ni confirmation depuis son ouverture) ; " +
        "ses courriels en attente ne partent pas. 409 sinon : la clore.",
      access: "admin",
      input: { params: campaignIdParamsSchema },
      response: json(204),
      handle: removeCampaign(deps),
    }),
    route({
      method: "post",
      path: "/campaigns/:id/close",
      summary: "Clôt une campagne : plus de relances ; elle reste consultable.",
      access: "admin",
      input: { params: campaignIdParamsSchema },
      response: json(200, campaignSummarySchema),
      handle: postCampaignClose(deps),
    }),
    route({
      method: "post",
      path: "/campaigns/:id/reminders",
      summary: "Met en file d'envoi maintenant les relances aux mentors qui n'ont pas répondu (une fois par jour au plus).",
      access: "admin",
      input: { params: campaignIdParamsSchema },
      response: json(200, emailRunSchema),
      handle: postCampaignReminders(deps),
    }),
    route({
      method: "get",
      path: "/me/campaigns",
      summary: "Les campagnes ouvertes qui concernent les défis du compte : état de chaque axe, échéance.",
      access: "signedIn",
      response: json(200, z.array(myCampaignSchema)),
      handle: getMyCampaigns(deps),
    }),
  ];
}
