import type { Db } from "../db/database";
import { LIVE, snapshotSource, type DataSource } from "../repositories/data-source";
import { findSnapshot } from "../repositories/snapshots";
import { NotFoundError } from "./errors";
import { t } from "../i18n/messages";

/**
 * The data a read is computed from: the snapshot named by the validated `?snapshot=ID`
 * (404 if there is none by that id), or the live data. Resolved once per request.
 */
export function requestSource(db: Db, locals: Record<string, unknown>): DataSource {
  if (locals.source) return locals.source as DataSource;
  const asked = (locals.query as { snapshot?: string } | undefined)?.snapshot;
  let source = LIVE;
  if (asked !== undefined) {
    const snapshot = findSnapshot(db, Number(asked));
    if (!snapshot) throw new NotFoundError(t("source.unknownSnapshot", { id: asked }));
    source = snapshotSource(snapshot);
  }
  locals.source = source;
  return source;
}
