import type { Db } from "../db/database";
import type { Promotion } from "@shared/promotion";

interface PromotionRow {
  key: string;
  label: string;
  year: number;
  startsOn: string;
  endsOn: string;
  datesApproximate: number;
  challengeCount: number;
}

const toPromotion = (row: PromotionRow): Promotion => ({ ...row, datesApproximate: row.datesApproximate === 1 });

export function listPromotions(db: Db): Promotion[] {
  return db
    .all<PromotionRow>(
      `SELECT p.key, p.label, p.year, p.starts_on AS startsOn, p.ends_on AS endsOn,
              p.dates_approximate AS datesApproximate,
              (SELECT count(*) FROM challenges c WHERE c.promotion_key = p.key) AS challengeCount
       FROM promotions p
       ORDER BY p.position, p.starts_on, p.key`,
    )
    .map(toPromotion);
}

export function promotionExists(db: Db, key: string): boolean {
  return db.get("SELECT 1 FROM promotions WHERE key = ?", [key]) !== undefined;
}
