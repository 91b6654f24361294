import type { Db } from "../db/database";
import type { ChecklistItem } from "@shared/challenge";
import { CHECKLIST_ITEMS } from "@shared/domain";

/** The whole handover checklist, in the programme's order; an item never touched is not done. */
export function listChecklist(db: Db, challengeId: number): ChecklistItem[] {
  const rows = new Map(
    db
      .all<{ key: string; done: number; link: string | null }>(
        "SELECT item_key AS key, done, link FROM checklist_items WHERE challenge_id = ?",
        [challengeId],
      )
      .map((item) => [item.key, item]),
  );
  return CHECKLIST_ITEMS.map((key) => {
    const item = rows.get(key);
    return { key, done: item?.done === 1, link: item?.link ?? null };
  });
}

export function setChecklistItem(db: Db, challengeId: number, item: { key: string; done: boolean; link: string | null }): void {
  db.run(
    `INSERT INTO checklist_items (challenge_id, item_key, done, link) VALUES (?, ?, ?, ?)
     ON CONFLICT (challenge_id, item_key) DO UPDATE
       SET done = excluded.done, link = excluded.link, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
    [challengeId, item.key, item.done ? 1 : 0, item.link],
  );
}
