import { ValidationError } from "../http/errors";
import { listPromotions, promotionExists } from "../repositories/promotions";
import { promotionKeys, type StatsFilters } from "@shared/stats";
import type { Ctx, Deps } from "./context";
import { t } from "../i18n/messages";

export const getPromotions =
  ({ db }: Deps) =>
  () =>
    listPromotions(db);

/** Rejects a promotion filter that names no promotion, before `handle` runs: an empty answer would look like data. */
export const withKnownPromotions =
  <I extends { query: Pick<StatsFilters, "promotion"> }, R>({ db }: Deps, handle: (input: I, ctx: Ctx) => R) =>
  (input: I, ctx: Ctx): R => {
    const unknown = (promotionKeys(input.query.promotion) ?? []).filter((key) => !promotionExists(db, key));
    if (unknown.length > 0) {
      throw new ValidationError([{ path: "query.promotion", message: t("reads.unknownPromotions", { keys: unknown.join(" », « ") }) }]);
    }
    return handle(input, ctx);
  };
