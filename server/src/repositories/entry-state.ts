// An entry's review state in SQL (docs/levels.md, « Review »), on its own so that the repositories kept on
// write (trajectory-steps.ts) can read it without importing validation.ts, which calls them.

export type EntryKind = "status_update" | "outcome";

/**
 * SQL: the state ('declared' | 'validated' | 'sent_back') of the entry under `alias`, from the
 * decisions in `decisions` (a snapshot's decisions as of when it was taken: see data-source.ts).
 */
export const entryStateSql = (kind: EntryKind, alias: string, decisions = "validation_decisions") =>
  `coalesce((SELECT d.decision FROM ${decisions} d WHERE d.entry_kind = '${kind}' AND d.entry_id = ${alias}.id ORDER BY d.id DESC LIMIT 1),
            CASE WHEN ${alias}.author_id IS NULL THEN 'validated' ELSE 'declared' END)`;
