import { ForbiddenError, NotFoundError } from "../http/errors";
import { findChallenge, listChallenges } from "../repositories/challenges";
import type { challengeFiltersSchema } from "@shared/challenge-filters";
import type { Ctx, Deps, Input } from "./context";
import { t } from "../i18n/messages";

export const getChallenges =
  ({ db }: Deps) =>
  ({ query: filters }: Input<{ query: typeof challengeFiltersSchema }>, ctx: Ctx) => {
    // Who mentors what is the programme team's business (the mentors page is theirs too).
    if (filters.mentor !== undefined && ctx.user.role !== "admin") {
      throw new ForbiddenError(t("list.mentorFilterForbidden"));
    }
    return listChallenges(db, filters, ctx.source);
  };

export const getChallenge =
  ({ db }: Deps) =>
  (_input: Input, { req }: Ctx) => {
    const challenge = findChallenge(db, String(req.params.slug));
    if (!challenge) throw new NotFoundError(t("reads.unknownChallenge", { slug: String(req.params.slug) }));
    return challenge;
  };
