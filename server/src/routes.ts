import type { RequestHandler } from "express";
import type { z } from "zod";
import { challengeBySlug, type Access, type ChallengeResolver } from "./http/access";
import type { Deps } from "./handlers/context";
import { login, logout, me } from "./handlers/auth";
import {
  getAtRisk,
  getAudit,
  getChallenge,
  getChallenges,
  getCohortStats,
  getFacets,
  getHeadline,
  getMeta,
  getMyChallenges,
  getOutcomesAfterEnd,
  getPromotions,
  getSustainabilityStats,
  getTrajectories,
  health,
  knownPromotion,
} from "./handlers/reads";
import { createUser, getUsers, patchUser, putChallengeMentors } from "./handlers/users";
import { identityRoutes } from "./identity-routes";
import { patchChallenge, patchPromotion, postChallenge, postPromotion } from "./handlers/catalogue";
import {
  catalogueChallengeSchema,
  challengeCreatedSchema,
  challengePatchSchema,
  newChallengeSchema,
  newPromotionSchema,
  promotionKeyParamsSchema,
  promotionPatchSchema,
} from "@shared/catalogue";
import { sendPasswordReset } from "./handlers/password-reset";
import { linkDeliverySchema } from "@shared/identity";
import {
  createItem,
  patchItem,
  postConfirmation,
  postRetraction,
  postStatusUpdate,
  putChecklistItem,
  putOutcome,
  removeItem,
  statusUpdateChallenge,
} from "./handlers/challenge-writes";
import { exportChallengesCsv, exportDatasetJson, exportDatasetXlsx, exportStatusHistoryCsv } from "./handlers/exports";
import { getOpenApi } from "./handlers/openapi";
import { exportReportPdf } from "./handlers/report-pdf";
import { reportPdfQuerySchema } from "@shared/report";
import {
  getCampaign,
  getCampaigns,
  getMyCampaigns,
  postCampaign,
  postCampaignClose,
  postCampaignReminders,
  removeCampaign,
} from "./handlers/campaigns";
import { patchCampaign } from "./handlers/campaign-edits";
import { getMySentBack, getValidationQueue, outcomeChallenge, postChallengeValidations, postDismissals, postValidation } from "./handlers/validation";
import { getSnapshot, getSnapshots, postSnapshot, removeSnapshot } from "./handlers/snapshots";
import { newSnapshotSchema, snapshotParamsSchema, snapshotQuerySchema, snapshotSchema } from "@shared/snapshot";
import { challengeOfItem, type ItemKind } from "./repositories/challenge-items";
import { auditPageSchema, auditQuerySchema } from "@shared/audit";
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
import { loginRequestSchema, sessionResponseSchema } from "@shared/auth";
import { challengeDetailSchema, challengeSummarySchema, myChallengeSchema } from "@shared/challenge";
import { challengeFiltersSchema } from "@shared/challenge-filters";
import { cohortStatsListSchema } from "@shared/cohort-stats";
import { promotionSchema } from "@shared/promotion";
import {
  sentBackEntrySchema,
  validationDecisionSchema,
  validationQueuePageSchema,
  validationQueueQuerySchema,
  bulkValidationSchema,
  bulkValidationResultSchema,
  dismissalSchema,
  dismissalResultSchema,
  validationResultSchema,
} from "@shared/validation";
import { headlineSchema } from "@shared/headline";
import {
  atRiskSchema,
  facetsSchema,
  metaSchema,
  outcomesAfterEndSchema,
  statsFiltersSchema,
  sustainabilityStatsSchema,
  trajectorySchema,
} from "@shared/stats";
import { createUserSchema, mentorAssignmentSchema, updateUserSchema, userIdParamsSchema, userSchema } from "@shared/user";
import {
  actionPatchSchema,
  allyPatchSchema,
  checklistItemParamsSchema,
  checklistItemUpdateSchema,
  confirmationSchema,
  exportDataQuerySchema,
  exportLangQuerySchema,
  exportQuerySchema,
  itemIdParamsSchema,
  newActionSchema,
  newAllySchema,
  newResourceSchema,
  newScenarioSchema,
  newStatusUpdateSchema,
  outcomeUpdateSchema,
  resourcePatchSchema,
  retractionSchema,
  scenarioPatchSchema,
} from "@shared/writes";
import { z as zod } from "zod";

export type Method = "get" | "post" | "put" | "patch" | "delete";

export interface Route {
  method: Method;
  path: string;
  /** What it does, in French: the API documentation page shows it. */
  summary: string;
  /** Who may call it; the session, CSRF and role checks are derived from it (http/access.ts). */
  access: Access;
  /** Writes need the session's CSRF token, except login (there is no session yet). */
  csrf?: boolean;
  /** For challenge-scoped routes: how to find the challenge, for ownership and 404. */
  challenge?: ChallengeResolver;
  /** Shared schemas the request is validated with (then found in res.locals). */
  input?: { params?: z.ZodType; query?: z.ZodType; body?: z.ZodType };
  /**
   * Creates a record: accepts an Idempotency-Key header, so that a repeated submission answers
   * the first result instead of creating a second record (http/idempotency.ts).
   */
  idempotent?: boolean;
  /** Guarded by a version: If-Match is required (428 without, 409 when it changed); says what the version is. */
  ifMatch?: string;
  /** Answer with an ETag from the data revision (304 when unchanged), computed once per revision. */
  cache?: "revision";
  /** The success answer, for the OpenAPI document. */
  response: { status: number; schema?: z.ZodType; mediaType?: string };
  handlers: RequestHandler[];
}

const json = (status: number, schema?: z.ZodType) => ({ status, schema });
const file = (mediaType: string) => ({ status: 200, mediaType });

/** Create under a challenge, patch and delete by id: the same three routes for each kind of item. */
function itemRoutes(
  deps: Deps,
  kind: ItemKind,
  plural: string,
  label: string,
  schemas: { create: z.ZodType; patch: z.ZodType; item: z.ZodType },
): Route[] {
  const byItemId: ChallengeResolver = (db, req) => {
    const id = Number(req.params.id);
    return Number.isInteger(id) && id > 0 ? challengeOfItem(db, kind, id) : undefined;
  };
  return [
    {
      method: "post",
      path: `/challenges/:slug/${plural}`,
      summary: `Ajoute ${label} au défi.`,
      access: "challengeEditor",
      idempotent: true,
      input: { body: schemas.create },
      response: json(201, schemas.item),
      handlers: [createItem(kind, deps)],
    },
    {
      method: "patch",
      path: `/${plural}/:id`,
      summary: `Modifie ${label} (champs donnés seulement) ; exige If-Match: <version> (409 avec l'état actuel si elle a changé, 428 sans).`,
      access: "challengeEditor",
      ifMatch: `Version de l'élément (champ version).`,
      challenge: byItemId,
      input: { params: itemIdParamsSchema, body: schemas.patch },
      response: json(200, schemas.item),
      handlers: [patchItem(kind, deps)],
    },
    {
      method: "delete",
      path: `/${plural}/:id`,
      summary: `Supprime ${label} ; exige If-Match: <version> (409 avec l'état actuel si elle a changé, 428 sans).`,
      access: "challengeEditor",
      ifMatch: `Version de l'élément (champ version).`,
      challenge: byItemId,
      input: { params: itemIdParamsSchema },
      response: json(204),
      handlers: [removeItem(kind, deps)],
    },
  ];
}

/** The API's index: every route, who may call it, and its chain. Mounted under /api. */
export function apiRoutes(deps: Deps): Route[] {
  const detail = challengeDetailSchema.shape;
  return [
    {
      method: "get",
      path: "/health",
      summary: "État du service et de sa base de données.",
      access: "public",
      response: json(200, zod.object({ ok: zod.literal(true) })),
      handlers: [health(deps)],
    },
    {
      method: "get",
      path: "/openapi.json",
      summary: "Cette description de l'API (OpenAPI 3.1).",
      access: "signedIn",
      response: json(200),
      handlers: [getOpenApi(deps)],
    },
    {
      method: "get",
      path: "/meta",
      summary: "Révision des données et nature du jeu (réel ou synthétique), pour les légendes.",
      access: "signedIn",
      response: json(200, metaSchema),
      handlers: [getMeta(deps)],
    },

    // Accounts and sessions
    {
      method: "post",
      path: "/auth/login",
      summary: "Ouvre une session ; renvoie le compte et le jeton anti-CSRF (202 {next} : code TOTP ou enrôlement dû d'abord, sans session).",
      access: "public",
      csrf: false,
      input: { body: loginRequestSchema },
      response: json(200, sessionResponseSchema),
      handlers: [login(deps)],
    },
    {
      method: "get",
      path: "/auth/me",
      summary: "Le compte de la session et son jeton anti-CSRF.",
      access: "signedIn",
      response: json(200, sessionResponseSchema),
      handlers: [me],
    },
    {
      method: "post",
      path: "/auth/logout",
      summary: "Ferme la session (aussi sur le serveur) ; une session ProConnect répond 200 {endSessionUrl}, où aller pour la fermer chez le fournisseur.",
      access: "signedIn",
      response: json(204),
      handlers: [logout(deps)],
    },

    // Catalogue: any signed-in account reads everything
    {
      method: "get",
      path: "/promotions",
      cache: "revision",
      summary: "Les promotions, dans l'ordre, avec leur nombre de défis.",
      access: "signedIn",
      response: json(200, zod.array(promotionSchema)),
      handlers: [getPromotions(deps)],
    },
    {
      method: "get",
      path: "/challenges",
      cache: "revision",
      summary: "Les défis, filtrés par promotion et par recherche (sans tenir compte des accents).",
      access: "signedIn",
      input: { query: challengeFiltersSchema },
      response: json(200, zod.array(challengeSummarySchema)),
      handlers: [knownPromotion(deps), getChallenges(deps)],
    },
    {
      method: "get",
      path: "/challenges/:slug",
      cache: "revision",
      summary: "Un défi : statuts, historique, résultat, actions, scénarios, alliés, ressources, passation, mentors.",
      access: "signedIn",
      response: json(200, challengeDetailSchema),
      handlers: [getChallenge(deps)],
    },
    {
      method: "get",
      path: "/me/challenges",
      summary: "« Mes défis » : les défis attribués au compte, avec ce qui manque.",
      access: "signedIn",
      response: json(200, zod.array(myChallengeSchema)),
      handlers: [getMyChallenges(deps)],
    },

    // Statistics
    {
      method: "get",
      path: "/stats/cohorts",
      cache: "revision",
      summary: "Par promotion : résultats et répartition des niveaux actuels par axe.",
      access: "signedIn",
      input: { query: statsFiltersSchema },
      response: json(200, cohortStatsListSchema),
      handlers: [knownPromotion(deps), getCohortStats(deps)],
    },
    {
      method: "get",
      path: "/stats/headline",
      cache: "revision",
      summary:
        "Chiffres clés des promotions choisies, par promotion et ensemble : défis, part avec un résultat, part au niveau 2 ou plus sur chaque axe, part ayant remonté depuis 6 mois.",
      access: "signedIn",
      input: { query: statsFiltersSchema },
      response: json(200, headlineSchema),
      handlers: [knownPromotion(deps), getHeadline(deps)],
    },
    {
      method: "get",
      path: "/stats/trajectories",
      cache: "revision",
      summary: "Par promotion et par axe : niveau moyen par mois depuis le début de la promotion (report du dernier niveau).",
      access: "signedIn",
      input: { query: statsFiltersSchema },
      response: json(200, zod.array(trajectorySchema)),
      handlers: [knownPromotion(deps), getTrajectories(deps)],
    },
    {
      method: "get",
      path: "/stats/outcomes-after-end",
      cache: "revision",
      summary: "Résultats en vigueur 6, 12 et 24 mois après la fin de chaque défi.",
      access: "signedIn",
      input: { query: statsFiltersSchema },
      response: json(200, zod.array(outcomesAfterEndSchema)),
      handlers: [knownPromotion(deps), getOutcomesAfterEnd(deps)],
    },
    {
      method: "get",
      path: "/stats/sustainability",
      cache: "revision",
      summary: "Actions par nature et par état ; défis ayant gardé des personnes après le programme.",
      access: "signedIn",
      input: { query: statsFiltersSchema },
      response: json(200, zod.array(sustainabilityStatsSchema)),
      handlers: [knownPromotion(deps), getSustainabilityStats(deps)],
    },
    {
      method: "get",
      path: "/stats/at-risk",
      cache: "revision",
      summary:
        "Défis à risque (programme terminé, au moins une remontée, et mise en production sous le niveau 2, personne de gardé ou rien remonté depuis 6 mois) ; à part, les défis qui n'ont jamais rien remonté.",
      access: "signedIn",
      input: { query: statsFiltersSchema },
      response: json(200, atRiskSchema),
      handlers: [knownPromotion(deps), getAtRisk(deps)],
    },
    {
      method: "get",
      path: "/stats/facets",
      cache: "revision",
      summary: "Les administrations et compétences proposées par les filtres.",
      access: "signedIn",
      input: { query: snapshotQuerySchema },
      response: json(200, facetsSchema),
      handlers: [getFacets(deps)],
    },

    // Mentors' writes: admins, and the mentors assigned to the challenge
    {
      method: "post",
      path: "/challenges/:slug/status-updates",
      summary: "Enregistre le niveau d'un axe (ajouté à l'historique, jamais modifié).",
      access: "challengeEditor",
      idempotent: true,
      input: { body: newStatusUpdateSchema },
      response: json(201, detail.history.element),
      handlers: [postStatusUpdate(deps)],
    },
    {
      method: "post",
      path: "/challenges/:slug/confirmations",
      summary: "« Toujours exact » : confirme le niveau actuel des axes donnés (par défaut, tous ceux renseignés).",
      access: "challengeEditor",
      idempotent: true,
      input: { body: confirmationSchema },
      response: json(201, zod.object({ updates: detail.history })),
      handlers: [postConfirmation(deps)],
    },
    {
      method: "post",
      path: "/status-updates/:id/retraction",
      summary: "Retire une mise à jour erronée, avec un motif : elle ne compte plus mais reste visible.",
      access: "challengeEditor",
      idempotent: true,
      challenge: statusUpdateChallenge,
      input: { params: itemIdParamsSchema, body: retractionSchema },
      response: json(201),
      handlers: [postRetraction(deps)],
    },
    {
      method: "put",
      path: "/challenges/:slug/outcome",
      summary:
        "Enregistre le résultat du défi ; exige If-Match: <version> (409 si elle a changé, 428 sans). Identique au résultat en vigueur (catégories, voie, note) : rien n'est écrit et la réponse dit changed: false.",
      access: "challengeEditor",
      ifMatch: "Version du défi.",
      input: { body: outcomeUpdateSchema },
      response: json(
        200,
        zod.object({ changed: zod.boolean(), outcome: detail.outcomeHistory.element, version: zod.number().int() }),
      ),
      handlers: [putOutcome(deps)],
    },
    {
      method: "put",
      path: "/challenges/:slug/checklist/:item",
      summary: "Coche ou décoche un élément de la liste de passation, avec un lien.",
      access: "challengeEditor",
      input: { params: checklistItemParamsSchema, body: checklistItemUpdateSchema },
      response: json(200, detail.checklist.element),
      handlers: [putChecklistItem(deps)],
    },
    ...itemRoutes(deps, "action", "actions", "une action", {
      create: newActionSchema,
      patch: actionPatchSchema,
      item: detail.actions.element,
    }),
    ...itemRoutes(deps, "scenario", "scenarios", "un scénario", {
      create: newScenarioSchema,
      patch: scenarioPatchSchema,
      item: detail.scenarios.element,
    }),
    ...itemRoutes(deps, "ally", "allies", "un allié", { create: newAllySchema, patch: allyPatchSchema, item: detail.allies.element }),
    ...itemRoutes(deps, "resource", "resources", "une ressource après le programme", {
      create: newResourceSchema,
      patch: resourcePatchSchema,
      item: detail.resources.element,
    }),

    // Exports: evaluators and the programme team
    {
      method: "get",
      path: "/export/challenges.csv",
      summary: "Un défi par ligne : niveaux actuels, résultat, voie, ancienneté de la dernière remontée (aucun nom de personne).",
      access: "exporter",
      input: { query: exportQuerySchema },
      response: file("text/csv"),
      handlers: [knownPromotion(deps), exportChallengesCsv(deps)],
    },
    {
      method: "get",
      path: "/export/status-history.csv",
      summary: "Tout l'historique des statuts, retraits compris, sans noms d'auteurs.",
      access: "exporter",
      input: { query: exportQuerySchema },
      response: file("text/csv"),
      handlers: [knownPromotion(deps), exportStatusHistoryCsv(deps)],
    },
    {
      method: "get",
      path: "/export/dataset.xlsx",
      summary:
        "Le jeu de données complet, une feuille par table, cellules neutralisées contre l'injection de formules. " +
        "Noms des alliés et porteurs des actions pour l'équipe du programme seulement.",
      access: "exporter",
      input: { query: exportLangQuerySchema },
      response: file("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
      handlers: [knownPromotion(deps), exportDatasetXlsx(deps)],
    },
    {
      method: "get",
      path: "/export/dataset.json",
      summary: "Le jeu de données complet en JSON. Noms des alliés et porteurs des actions pour l'équipe du programme seulement.",
      access: "exporter",
      input: { query: exportDataQuerySchema },
      response: file("application/json"),
      handlers: [knownPromotion(deps), exportDatasetJson(deps)],
    },

    {
      method: "get",
      path: "/export/report.pdf",
      summary:
        "Le rapport imprimable (/rapport, mêmes filtres, `orientation=portrait|landscape`, `lang=fr|en`) en PDF A4, imprimé par le Chromium " +
        "du serveur avec la session de l'appelant, sur sa propre adresse seulement. 30 s au plus ; une impression à la fois par session (429), " +
        "deux en tout (503) ; sans Chromium (CHROMIUM_PATH), 503 : imprimer alors depuis le navigateur.",
      access: "exporter",
      input: { query: reportPdfQuerySchema },
      response: file("application/pdf"),
      handlers: [exportReportPdf(deps)],
    },

    // Citable snapshots (issue 9): any account reads them and reads "as of" them
    // (`?snapshot=ID` on statistics and exports); only the programme team takes or deletes them.
    {
      method: "get",
      path: "/snapshots",
      summary: "Les instantanés, du plus récent au plus ancien.",
      access: "signedIn",
      response: json(200, zod.array(snapshotSchema)),
      handlers: [getSnapshots(deps)],
    },
    {
      method: "post",
      path: "/snapshots",
      summary: "Fige un instantané nommé des statuts, résultats et agrégats actuels (409 si le nom existe).",
      access: "admin",
      idempotent: true,
      input: { body: newSnapshotSchema },
      response: json(201, snapshotSchema),
      handlers: [postSnapshot(deps)],
    },
    {
      method: "get",
      path: "/snapshots/:id",
      summary: "Un instantané : nom, date, version de la méthodologie.",
      access: "signedIn",
      input: { params: snapshotParamsSchema },
      response: json(200, snapshotSchema),
      handlers: [getSnapshot(deps)],
    },
    {
      method: "delete",
      path: "/snapshots/:id",
      summary: "Supprime un instantané (inscrit au journal d'audit).",
      access: "admin",
      input: { params: snapshotParamsSchema },
      response: json(204),
      handlers: [removeSnapshot(deps)],
    },

    // Catalogue corrections and additions by the programme team
    {
      method: "post",
      path: "/promotions",
      idempotent: true,
      summary: "Ajoute une promotion (EIG 5 et suivantes) : numéro ou code, nom, dates (409 si le code existe).",
      access: "admin",
      input: { body: newPromotionSchema },
      response: json(201, promotionSchema),
      handlers: [postPromotion(deps)],
    },
    {
      method: "patch",
      path: "/promotions/:key",
      summary:
        "Corrige le nom ou les dates d'une promotion (la fin après le début) et lève la mention « dates approximatives » ; les trajectoires, comptées depuis son début, sont recalculées.",
      access: "admin",
      input: { params: promotionKeyParamsSchema, body: promotionPatchSchema },
      response: json(200, promotionSchema),
      handlers: [patchPromotion(deps)],
    },
    {
      method: "post",
      path: "/promotions/:key/challenges",
      idempotent: true,
      summary: "Ajoute un défi à une promotion : champs publics et dates ; son identifiant d'adresse est tiré du titre.",
      access: "admin",
      input: { params: promotionKeyParamsSchema, body: newChallengeSchema },
      response: json(201, challengeCreatedSchema),
      handlers: [postChallenge(deps)],
    },
    {
      method: "patch",
      path: "/challenges/:slug",
      summary:
        "Corrige les champs publics d'un défi (titre, administration, liens http ou https, ville) et ses dates ; son adresse ne change pas.",
      access: "admin",
      challenge: challengeBySlug,
      input: { body: challengePatchSchema },
      response: json(200, catalogueChallengeSchema),
      handlers: [patchChallenge(deps)],
    },

    // Administration
    {
      method: "get",
      path: "/users",
      summary: "Les comptes, avec les défis de chaque mentor.",
      access: "admin",
      response: json(200, zod.array(userSchema)),
      handlers: [getUsers(deps)],
    },
    {
      method: "post",
      path: "/users",
      summary: "Crée un compte (mot de passe de 12 caractères au moins ; 409 si l'adresse existe).",
      access: "admin",
      idempotent: true,
      input: { body: createUserSchema },
      response: json(201),
      handlers: [createUser(deps)],
    },
    {
      method: "patch",
      path: "/users/:id",
      summary: "Renomme, change le rôle, désactive ou réactive un compte.",
      access: "admin",
      input: { params: userIdParamsSchema, body: updateUserSchema },
      response: json(200, userSchema),
      handlers: [patchUser(deps)],
    },
    {
      method: "post",
      path: "/users/:id/password-reset",
      summary: "Envoie au compte un lien de réinitialisation du mot de passe (sans SMTP : le lien, affiché une fois).",
      access: "admin",
      input: { params: userIdParamsSchema },
      response: json(200, linkDeliverySchema),
      handlers: [sendPasswordReset(deps)],
    },
    {
      method: "put",
      path: "/challenges/:slug/mentors",
      summary: "Remplace les mentors attribués au défi.",
      access: "admin",
      challenge: challengeBySlug,
      input: { body: mentorAssignmentSchema },
      response: json(200),
      handlers: [putChallengeMentors(deps)],
    },
    {
      method: "get",
      path: "/audit",
      summary: "Le journal d'audit, du plus récent au plus ancien, filtrable et paginé.",
      access: "admin",
      input: { query: auditQuerySchema },
      response: json(200, auditPageSchema),
      handlers: [getAudit(deps)],
    },

    // Update campaigns (issue 9): the programme team asks mentors to bring challenges up to date
    {
      method: "get",
      path: "/campaigns",
      summary: "Les campagnes de mise à jour, ouvertes d'abord, avec leur taux de réponse.",
      access: "admin",
      response: json(200, zod.array(campaignSummarySchema)),
      handlers: [getCampaigns(deps)],
    },
    {
      method: "post",
      path: "/campaigns",
      summary: "Ouvre une campagne (promotions et/ou défis choisis, échéance) et met en file d'envoi un courriel par mentor concerné si SMTP_URL est configuré.",
      access: "admin",
      idempotent: true,
      input: { body: newCampaignSchema },
      response: json(201, campaignCreatedSchema),
      handlers: [postCampaign(deps)],
    },
    {
      method: "get",
      path: "/campaigns/:id",
      summary: "Une campagne : réponses par promotion et par défi, mentors à relancer, courriels envoyés.",
      access: "admin",
      input: { params: campaignIdParamsSchema },
      response: json(200, campaignDetailSchema),
      handlers: [getCampaign(deps)],
    },
    {
      method: "patch",
      path: "/campaigns/:id",
      summary:
        "Modifie une campagne ouverte : nom, échéance (pas dans le passé), défis ajoutés (promotions ou choisis un à un ; jamais retirés). Les mentors des défis ajoutés reçoivent le courriel d'ouverture.",
      access: "admin",
      input: { params: campaignIdParamsSchema, body: campaignEditSchema },
      response: json(200, campaignCreatedSchema),
      handlers: [patchCampaign(deps)],
    },
    {
      method: "delete",
      path: "/campaigns/:id",
      summary:
        "Supprime une campagne ouverte par erreur, tant que personne n'y a répondu (aucune mise à jour ni confirmation depuis son ouverture) ; " +
        "ses courriels en attente ne partent pas. 409 sinon : la clore.",
      access: "admin",
      input: { params: campaignIdParamsSchema },
      response: json(204),
      handlers: [removeCampaign(deps)],
    },
    {
      method: "post",
      path: "/campaigns/:id/close",
      summary: "Clôt une campagne : plus de relances ; elle reste consultable.",
      access: "admin",
      input: { params: campaignIdParamsSchema },
      response: json(200, campaignSummarySchema),
      handlers: [postCampaignClose(deps)],
    },
    {
      method: "post",
      path: "/campaigns/:id/reminders",
      summary: "Met en file d'envoi maintenant les relances aux mentors qui n'ont pas répondu (une fois par jour au plus).",
      access: "admin",
      input: { params: campaignIdParamsSchema },
      response: json(200, emailRunSchema),
      handlers: [postCampaignReminders(deps)],
    },
    {
      method: "get",
      path: "/me/campaigns",
      summary: "Les campagnes ouvertes qui concernent les défis du compte : état de chaque axe, échéance.",
      access: "signedIn",
      response: json(200, zod.array(myCampaignSchema)),
      handlers: [getMyCampaigns(deps)],
    },
    // Validation of mentors' declarations (issue 9)
    {
      method: "get",
      path: "/validations",
      summary: "Les déclarations à valider (ou renvoyées), des plus anciennes aux plus récentes, paginées.",
      access: "admin",
      input: { query: validationQueueQuerySchema },
      response: json(200, validationQueuePageSchema),
      handlers: [getValidationQueue(deps)],
    },
    {
      method: "post",
      path: "/status-updates/:id/validation",
      summary: "Valide une mise à jour de statut, ou la renvoie au mentor avec un commentaire (409 si c'est déjà son état).",
      access: "admin",
      idempotent: true,
      challenge: statusUpdateChallenge,
      input: { params: itemIdParamsSchema, body: validationDecisionSchema },
      response: json(201, validationResultSchema),
      handlers: [postValidation("status_update", deps)],
    },
    {
      method: "post",
      path: "/outcomes/:id/validation",
      summary: "Valide un résultat, ou le renvoie au mentor avec un commentaire (409 si c'est déjà son état).",
      access: "admin",
      idempotent: true,
      challenge: outcomeChallenge,
      input: { params: itemIdParamsSchema, body: validationDecisionSchema },
      response: json(201, validationResultSchema),
      handlers: [postValidation("outcome", deps)],
    },
    {
      method: "post",
      path: "/challenges/:slug/validations",
      idempotent: true,
      summary: "Valide en une fois les déclarations données d'un défi (tout ou rien ; chacune auditée comme une validation seule).",
      access: "admin",
      challenge: challengeBySlug,
      input: { body: bulkValidationSchema },
      response: json(201, bulkValidationResultSchema),
      handlers: [postChallengeValidations(deps)],
    },
    {
      method: "post",
      path: "/validations/dismissals",
      idempotent: true,
      summary: "Écarte des déclarations remplacées par une plus récente : elles quittent la file sans décision (tout ou rien).",
      access: "admin",
      input: { body: dismissalSchema },
      response: json(201, dismissalResultSchema),
      handlers: [postDismissals(deps)],
    },
    {
      method: "get",
      path: "/me/sent-back",
      summary: "Les déclarations du compte renvoyées par l'équipe du programme et toujours en vigueur, avec le commentaire.",
      access: "signedIn",
      response: json(200, zod.array(sentBackEntrySchema)),
      handlers: [getMySentBack(deps)],
    },
    // Sign-in with ProConnect, invitations, password reset, TOTP (issue 10)
    ...identityRoutes(deps),
  ];
}
