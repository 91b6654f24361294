import type { RequestHandler } from "express";
import { ForbiddenError, NotFoundError, ValidationError } from "../http/errors";
import { listAudit } from "../repositories/audit";
import { findChallenge, listAssignedChallenges, listChallenges } from "../repositories/challenges";
import { currentSession } from "../http/access";
import { checkDatabase } from "../db/database";
import { listPromotions, promotionExists } from "../repositories/promotions";
import { cohortStats } from "../repositories/stats";
import { headline } from "../repositories/headline";
import { atRiskChallenges, dataMeta, facets, outcomesAfterEnd, sustainabilityStats, trajectories } from "../repositories/analytics";
import { promotionKeys, type StatsFilters } from "@shared/stats";
import type { AuditQuery } from "@shared/audit";
import type { ChallengeFilters } from "@shared/challenge-filters";
import type { Deps } from "./context";
import { requestSource } from "../http/snapshot-source";
import type { DataSource } from "../repositories/data-source";
import { t } from "../i18n/messages";

export const health =
  ({ db }: Deps): RequestHandler =>
  (_req, res) => {
    // Reads the schema version and the data revision: an unreadable file fails here (503).
    checkDatabase(db);
    res.json({ ok: true });
  };

/** Rejects a promotion filter that names no promotion: an empty answer would look like data. */
export const knownPromotion =
  ({ db }: Deps): RequestHandler =>
  (_req, res, next) => {
    const { promotion } = res.locals.query as Pick<ChallengeFilters, "promotion">;
    const unknown = (promotionKeys(promotion) ?? []).filter((key) => !promotionExists(db, key));
    if (unknown.length > 0) {
      throw new ValidationError([{ path: "query.promotion", message: t("reads.unknownPromotions", { keys: unknown.join(" », « ") }) }]);
    }
    next();
  };

export const getPromotions =
  ({ db }: Deps): RequestHandler =>
  (_req, res) =>
    void res.json(listPromotions(db));

export const getChallenges =
  ({ db }: Deps): RequestHandler =>
  (_req, res) => {
    const filters = res.locals.query as ChallengeFilters;
    // Who mentors what is the programme team's business (the mentors page is theirs too).
    if (filters.mentor !== undefined && currentSession(res.locals).user.role !== "admin") {
      throw new ForbiddenError(t("list.mentorFilterForbidden"));
    }
    res.json(listChallenges(db, filters, requestSource(db, res.locals)));
  };

export const getChallenge =
  ({ db }: Deps): RequestHandler =>
  (req, res) => {
    const challenge = findChallenge(db, String(req.params.slug));
    if (!challenge) throw new NotFoundError(t("reads.unknownChallenge", { slug: String(req.params.slug) }));
    res.json(challenge);
  };

/**
 * A statistic over the filtered challenges: the filters come validated in res.locals.query,
 * and the rows from the live tables or, with `?snapshot=ID`, from that snapshot.
 */
const statistic =
  <T>(compute: (db: Deps["db"], filters: StatsFilters, source: DataSource) => T) =>
  ({ db }: Deps): RequestHandler =>
  (_req, res) =>
    void res.json(compute(db, (res.locals.query ?? {}) as StatsFilters, requestSource(db, res.locals)));

export const getCohortStats = statistic(cohortStats);
export const getTrajectories = statistic(trajectories);
export const getOutcomesAfterEnd = statistic((db, filters, source) => outcomesAfterEnd(db, filters, null, source));
export const getSustainabilityStats = statistic(sustainabilityStats);
export const getAtRisk = statistic((db, filters, source) => atRiskChallenges(db, filters, null, source));
export const getHeadline = statistic(headline);
export const getFacets = statistic((db, _filters, source) => facets(db, source));

export const getMeta =
  ({ db }: Deps): RequestHandler =>
  (_req, res) =>
    void res.json({ ...dataMeta(db), generatedAt: new Date().toISOString() });

export const getAudit =
  ({ db }: Deps): RequestHandler =>
  (_req, res) =>
    void res.json(listAudit(db, res.locals.query as AuditQuery));

export const getMyChallenges =
  ({ db }: Deps): RequestHandler =>
  (_req, res) =>
    void res.json(listAssignedChallenges(db, currentSession(res.locals).user.id));
