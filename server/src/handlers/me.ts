import { listAssignedChallenges } from "../repositories/challenges";
import type { Ctx, Deps, Input } from "./context";

/** « Mes défis »: the challenges assigned to the account, with what is missing. */
export const getMyChallenges =
  ({ db }: Deps) =>
  (_input: Input, ctx: Ctx) =>
    listAssignedChallenges(db, ctx.user.id);
