import { listAudit } from "../repositories/audit";
import type { auditQuerySchema } from "@shared/audit";
import type { Deps, Input } from "./context";

export const getAudit =
  ({ db }: Deps) =>
  ({ query }: Input<{ query: typeof auditQuerySchema }>) =>
    listAudit(db, query);
