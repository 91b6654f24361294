import { checkDatabase } from "../db/database";
import { dataMeta } from "../repositories/meta";
import type { Deps } from "./context";

export const health =
  ({ db }: Deps) =>
  () => {
    // Reads the schema version and the data revision: an unreadable file fails here (503).
    checkDatabase(db);
    return { ok: true as const };
  };

export const getMeta =
  ({ db }: Deps) =>
  () => ({ ...dataMeta(db), generatedAt: new Date().toISOString() });
