import type { RequestHandler } from "express";
import type { Db } from "./db/database";
import { NotFoundError, ValidationError } from "./http/errors";
import { validate } from "./http/validate";
import { challengeFiltersSchema, promotionFilterSchema, type ChallengeFilters } from "@shared/challenge-filters";
import { listPromotions, promotionExists } from "./repositories/promotions";
import { findChallenge, listChallenges } from "./repositories/challenges";
import { cohortStats } from "./repositories/stats";

export type Method = "get" | "post" | "put" | "patch" | "delete";

/** Who may call a route. Reads are open until accounts exist. */
export type Access = "public";

export interface Route {
  method: Method;
  path: string;
  access: Access;
  handlers: RequestHandler[];
}

/** Rejects a promotion filter that names no promotion: an empty answer would look like data. */
const knownPromotion =
  (db: Db): RequestHandler =>
  (_req, res, next) => {
    const { promotion } = res.locals.query as Pick<ChallengeFilters, "promotion">;
    if (promotion !== undefined && !promotionExists(db, promotion)) {
      throw new ValidationError([{ path: "query.promotion", message: `Promotion inconnue : « ${promotion} ».` }]);
    }
    next();
  };

/** The API's index: every route with its chain, mounted under /api. */
export function apiRoutes(db: Db): Route[] {
  return [
    {
      method: "get",
      path: "/health",
      access: "public",
      handlers: [
        (_req, res) => {
          db.get("SELECT 1");
          res.json({ ok: true });
        },
      ],
    },
    {
      method: "get",
      path: "/promotions",
      access: "public",
      handlers: [(_req, res) => void res.json(listPromotions(db))],
    },
    {
      method: "get",
      path: "/challenges",
      access: "public",
      handlers: [
        validate({ query: challengeFiltersSchema }),
        knownPromotion(db),
        (_req, res) => void res.json(listChallenges(db, res.locals.query)),
      ],
    },
    {
      method: "get",
      path: "/challenges/:slug",
      access: "public",
      handlers: [
        (req, res) => {
          const challenge = findChallenge(db, String(req.params.slug));
          if (!challenge) throw new NotFoundError(`Aucun défi n'a l'identifiant « ${req.params.slug} ».`);
          res.json(challenge);
        },
      ],
    },
    {
      method: "get",
      path: "/stats/cohorts",
      access: "public",
      handlers: [
        validate({ query: promotionFilterSchema.strict() }),
        knownPromotion(db),
        (_req, res) => void res.json(cohortStats(db, res.locals.query.promotion)),
      ],
    },
  ];
}
