import type { Db } from "../db/database";
import { campaignEmailStats, deleteCampaignEmails } from "./campaign-emails";
import { entryStateSql } from "./entry-state";
import { currentAxisValidation } from "./review";
import { AXES, type Level } from "@shared/domain";
import type { AxesAnswered, CampaignChallenge, CampaignDetail, CampaignSummary, MyCampaign } from "@shared/campaign";
import type { AxesReview } from "@shared/review";

/**
 * THE definition of "answered", in one place. Given `scope` rows (campaign_id, challenge_id,
 * opened_at), an axis is answered when a status update of that axis — a new level or a
 * "Toujours exact" confirmation — was recorded since the campaign opened and has not been
 * retracted nor sent back by a reviewer (a sent-back answer is still to do); a challenge has answered when its three axes have. Set-based: one seek per
 * challenge on status_updates_recorded, reading only the updates recorded since the opening,
 * so a campaign over 10,000 challenges is one query whatever the length of their history.
 */
function progressCte(scope: string): string {
  return `progress AS (
    SELECT s.campaign_id, s.challenge_id,
           ${AXES.map((axis) => `coalesce(max(u.axis = '${axis}'), 0) AS ${axis}`).join(", ")}
    FROM (${scope}) s
    LEFT JOIN status_updates u ON u.challenge_id = s.challenge_id AND u.recorded_at >= s.opened_at
      AND NOT EXISTS (SELECT 1 FROM status_update_retractions r WHERE r.status_update_id = u.id)
      AND ${entryStateSql("status_update", "u")} <> 'sent_back'
    GROUP BY s.campaign_id, s.challenge_id
  ), answers AS (
    SELECT progress.*, (production AND transmission AND reliability) AS answered FROM progress
  )`;
}

const scopeOf = (campaignFilter: string) =>
  `SELECT cc.campaign_id, cc.challenge_id, k.opened_at
   FROM campaign_challenges cc JOIN campaigns k ON k.id = cc.campaign_id WHERE ${campaignFilter}`;

type SummaryRow = Omit<CampaignSummary, "challengeCount" | "answeredCount"> & { challengeCount: number; answeredCount: number };
const summaryColumns = `k.id, k.name, k.deadline, k.opened_at AS openedAt, k.opened_by_name AS openedByName, k.closed_at AS closedAt`;

export function findCampaign(db: Db, id: number): (SummaryRow & { closedByName: string | null }) | undefined {
  return db.get(
    `WITH ${progressCte(scopeOf("cc.campaign_id = @id"))}
     SELECT ${summaryColumns}, k.closed_by_name AS closedByName,
            (SELECT count(*) FROM answers) AS challengeCount,
            (SELECT coalesce(sum(answered), 0) FROM answers) AS answeredCount
     FROM campaigns k WHERE k.id = @id`,
    { id },
  );
}

/** Every campaign, newest first, with its completion. */
export function listCampaigns(db: Db): CampaignSummary[] {
  return db.all<CampaignSummary>(
    `WITH ${progressCte(scopeOf("1"))},
     totals AS (SELECT campaign_id, count(*) AS challengeCount, sum(answered) AS answeredCount FROM answers GROUP BY campaign_id)
     SELECT ${summaryColumns}, coalesce(t.challengeCount, 0) AS challengeCount, coalesce(t.answeredCount, 0) AS answeredCount
     FROM campaigns k LEFT JOIN totals t ON t.campaign_id = k.id
     ORDER BY k.closed_at IS NOT NULL, k.opened_at DESC, k.id DESC`,
  );
}

type AnswerRow = { slug: string; title: string; promotion: string; production: number; transmission: number; reliability: number; answered: number };
const axesOf = (row: AnswerRow): AxesAnswered => ({
  production: row.production === 1,
  transmission: row.transmission === 1,
  reliability: row.reliability === 1,
});

const byName = new Intl.Collator("fr");

/** The campaign page: completion per promotion and per challenge, whom to chase, emails. */
export function campaignDetail(db: Db, id: number, mailEnabled: boolean): CampaignDetail | undefined {
  const campaign = db.get<Omit<SummaryRow, "challengeCount" | "answeredCount"> & { closedByName: string | null }>(
    `SELECT ${summaryColumns}, k.closed_by_name AS closedByName FROM campaigns k WHERE k.id = ?`,
    [id],
  );
  if (!campaign) return undefined;
  // Progress is computed once here; the totals, promotions and people to chase derive from it.
  const rows = db.all<AnswerRow & { id: number; promotionLabel: string }>(
    `WITH ${progressCte(scopeOf("cc.campaign_id = ?"))}
     SELECT c.id, c.slug, c.title, c.promotion_key AS promotion, p.label AS promotionLabel,
            a.production, a.transmission, a.reliability, a.answered
     FROM answers a JOIN challenges c ON c.id = a.challenge_id JOIN promotions p ON p.key = c.promotion_key
     ORDER BY a.answered, p.position, c.title COLLATE NOCASE`,
    [id],
  );
  const mentorRows = db.all<{ challengeId: number; id: number; name: string; email: string }>(
    `SELECT m.challenge_id AS challengeId, u.id, u.name, u.email
     FROM campaign_challenges cc JOIN challenge_mentors m ON m.challenge_id = cc.challenge_id JOIN users u ON u.id = m.user_id
     WHERE cc.campaign_id = ? AND u.is_active = 1 ORDER BY u.name, u.id`,
    [id],
  );
  const mentorsOf = new Map<number, { id: number; name: string; email: string }[]>();
  for (const { challengeId, ...mentor } of mentorRows) {
    const list = mentorsOf.get(challengeId);
    if (list) list.push(mentor);
    else mentorsOf.set(challengeId, [mentor]);
  }
  const promotions = new Map<string, CampaignDetail["promotions"][number]>();
  const toChase = new Map<number, CampaignDetail["toChase"][number]>();
  const challenges: CampaignChallenge[] = rows.map((row) => {
    const answered = row.answered === 1;
    const mentors = mentorsOf.get(row.id) ?? [];
    const promotion = promotions.get(row.promotion) ?? { key: row.promotion, label: row.promotionLabel, challengeCount: 0, answeredCount: 0 };
    promotion.challengeCount += 1;
    if (answered) promotion.answeredCount += 1;
    promotions.set(row.promotion, promotion);
    if (!answered) {
      for (const mentor of mentors) {
        const chased = toChase.get(mentor.id) ?? { ...mentor, challenges: [] };
        chased.challenges.push({ slug: row.slug, title: row.title });
        toChase.set(mentor.id, chased);
      }
    }
    return { slug: row.slug, title: row.title, promotion: row.promotion, axes: axesOf(row), answered, mentors: mentors.map(({ id, name }) => ({ id, name })) };
  });
  // Rows come unanswered first: promotions and people to chase are put back in their own order.
  const promotionOrder = db.all<{ key: string }>("SELECT key FROM promotions ORDER BY position, key").map((p) => p.key);
  return {
    ...campaign,
    challengeCount: rows.length,
    answeredCount: challenges.filter((challenge) => challenge.answered).length,
    promotions: promotionOrder.flatMap((key) => {
      const promotion = promotions.get(key);
      return promotion ? [promotion] : [];
    }),
    challenges,
    toChase: [...toChase.values()].sort((a, b) => byName.compare(a.name, b.name) || a.id - b.id),
    emails: campaignEmailStats(db, id, mailEnabled),
    deletable: rows.every((row) => !row.production && !row.transmission && !row.reliability),
  };
}

/** Axes answered through the campaign so far, over all its challenges (same definition as above). */
export function campaignAnsweredAxes(db: Db, id: number): number {
  return db.get<{ n: number }>(
    `WITH ${progressCte(scopeOf("cc.campaign_id = ?"))}
     SELECT coalesce(sum(${AXES.join(" + ")}), 0) AS n FROM answers`,
    [id],
  )!.n;
}

/** Deletes a campaign, its challenges and its emails (those still queued are not sent). Returns the emails removed. */
export function deleteCampaign(db: Db, id: number): number {
  const emails = deleteCampaignEmails(db, id);
  db.run("DELETE FROM campaign_challenges WHERE campaign_id = ?", [id]);
  db.run("DELETE FROM campaigns WHERE id = ?", [id]);
  return emails;
}

export interface Recipient {
  userId: number;
  name: string;
  email: string;
  challenges: { slug: string; title: string; axes: AxesAnswered }[];
}

/** Active mentors of the campaign's unanswered challenges, each with those challenges. */
export function unansweredByMentor(db: Db, campaignId: number, { all = false } = {}): Recipient[] {
  const rows = db.all<AnswerRow & { userId: number; name: string; email: string }>(
    `WITH ${progressCte(scopeOf("cc.campaign_id = @campaignId"))}
     SELECT u.id AS userId, u.name, u.email, c.slug, c.title, c.promotion_key AS promotion,
            a.production, a.transmission, a.reliability, a.answered
     FROM answers a
     JOIN challenge_mentors m ON m.challenge_id = a.challenge_id
     JOIN users u ON u.id = m.user_id AND u.is_active = 1
     JOIN challenges c ON c.id = a.challenge_id JOIN promotions p ON p.key = c.promotion_key
     WHERE @all OR NOT a.answered
     ORDER BY u.name, u.id, p.position, c.title COLLATE NOCASE`,
    { campaignId, all: all ? 1 : 0 },
  );
  const byUser = new Map<number, Recipient>();
  for (const row of rows) {
    const recipient = byUser.get(row.userId) ?? { userId: row.userId, name: row.name, email: row.email, challenges: [] };
    recipient.challenges.push({ slug: row.slug, title: row.title, axes: axesOf(row) });
    byUser.set(row.userId, recipient);
  }
  return [...byUser.values()];
}

/** Open campaigns whose deadline falls between `fromDay` and `toDay` (Paris days, inclusive). */
export function openCampaignsDueBetween(db: Db, fromDay: string, toDay: string): { id: number; name: string; deadline: string }[] {
  return db.all(
    "SELECT id, name, deadline FROM campaigns WHERE closed_at IS NULL AND deadline BETWEEN ? AND ? ORDER BY deadline, id",
    [fromDay, toDay],
  );
}

/** "Mes défis": the user's challenges in every open campaign, with what each still needs. */
export function campaignsOfMentor(db: Db, userId: number): MyCampaign[] {
  type LevelColumns = { productionLevel: Level | null; transmissionLevel: Level | null; reliabilityLevel: Level | null };
  const rows = db.all<AnswerRow & LevelColumns & { campaignId: number; challengeId: number; name: string; deadline: string; openedAt: string }>(
    `WITH ${progressCte(
      `SELECT cc.campaign_id, cc.challenge_id, k.opened_at
       FROM challenge_mentors m JOIN campaign_challenges cc ON cc.challenge_id = m.challenge_id
       JOIN campaigns k ON k.id = cc.campaign_id AND k.closed_at IS NULL
       WHERE m.user_id = @userId`,
    )}
     SELECT k.id AS campaignId, c.id AS challengeId, k.name, k.deadline, k.opened_at AS openedAt,
            c.slug, c.title, c.promotion_key AS promotion, a.production, a.transmission, a.reliability, a.answered,
            c.production_level AS productionLevel, c.transmission_level AS transmissionLevel, c.reliability_level AS reliabilityLevel
     FROM answers a JOIN campaigns k ON k.id = a.campaign_id JOIN challenges c ON c.id = a.challenge_id
     JOIN promotions p ON p.key = c.promotion_key
     ORDER BY k.deadline, k.id, a.answered, p.position, c.title COLLATE NOCASE`,
    { userId },
  );
  const campaigns = new Map<number, MyCampaign>();
  const validations = new Map<number, AxesReview>();
  const validationOf = (challengeId: number) => {
    if (!validations.has(challengeId)) validations.set(challengeId, currentAxisValidation(db, challengeId));
    return validations.get(challengeId)!;
  };
  for (const row of rows) {
    const campaign = campaigns.get(row.campaignId) ?? { id: row.campaignId, name: row.name, deadline: row.deadline, openedAt: row.openedAt, challenges: [] };
    campaign.challenges.push({
      slug: row.slug,
      title: row.title,
      promotion: row.promotion,
      axes: axesOf(row),
      answered: row.answered === 1,
      levels: { production: row.productionLevel, transmission: row.transmissionLevel, reliability: row.reliabilityLevel },
      validation: validationOf(row.challengeId),
    });
    campaigns.set(row.campaignId, campaign);
  }
  return [...campaigns.values()];
}

// ---------------------------------------------------------------------------------------
// Writes

/** The challenges a campaign asks for: whole promotions plus hand-picked slugs, resolved. */
export function unknownPromotions(db: Db, keys: string[]): string[] {
  return keys.filter((key) => !db.get("SELECT 1 FROM promotions WHERE key = ?", [key]));
}

export function challengeIdsBySlug(db: Db, slugs: string[]): Map<string, number> {
  const found = new Map<string, number>();
  for (const slug of slugs) {
    const row = db.get<{ id: number }>("SELECT id FROM challenges WHERE slug = ?", [slug]);
    if (row) found.set(slug, row.id);
  }
  return found;
}

export function insertCampaign(
  db: Db,
  campaign: { name: string; deadline: string; openedById: number; openedByName: string; promotions: string[]; challengeIds: number[] },
): { id: number; challengeCount: number } {
  const id = Number(
    db.run("INSERT INTO campaigns (name, deadline, opened_by_id, opened_by_name) VALUES (?, ?, ?, ?)", [
      campaign.name,
      campaign.deadline,
      campaign.openedById,
      campaign.openedByName,
    ]).lastInsertRowid,
  );
  for (const key of campaign.promotions) {
    db.run(
      "INSERT OR IGNORE INTO campaign_challenges (campaign_id, challenge_id) SELECT ?, id FROM challenges WHERE promotion_key = ?",
      [id, key],
    );
  }
  for (const challengeId of campaign.challengeIds) {
    db.run("INSERT OR IGNORE INTO campaign_challenges (campaign_id, challenge_id) VALUES (?, ?)", [id, challengeId]);
  }
  const challengeCount = db.get<{ n: number }>("SELECT count(*) AS n FROM campaign_challenges WHERE campaign_id = ?", [id])!.n;
  return { id, challengeCount };
}

/** Renames the campaign and/or moves its deadline. */
export function updateCampaign(db: Db, id: number, change: { name?: string; deadline?: string }): void {
  db.run("UPDATE campaigns SET name = coalesce(@name, name), deadline = coalesce(@deadline, deadline) WHERE id = @id", {
    id,
    name: change.name ?? null,
    deadline: change.deadline ?? null,
  });
}

/**
 * Adds whole promotions and hand-picked challenges to a campaign; those already in it stay as
 * they are. Returns the challenges really added, with their slugs, for the audit and emails.
 */
export function addCampaignChallenges(db: Db, id: number, promotions: string[], challengeIds: number[]): { id: number; slug: string }[] {
  const added: { id: number; slug: string }[] = [];
  const add = (challenge: { id: number; slug: string }) => {
    if (db.run("INSERT OR IGNORE INTO campaign_challenges (campaign_id, challenge_id) VALUES (?, ?)", [id, challenge.id]).changes === 1) {
      added.push(challenge);
    }
  };
  for (const key of promotions) {
    for (const challenge of db.all<{ id: number; slug: string }>("SELECT id, slug FROM challenges WHERE promotion_key = ? ORDER BY id", [key])) add(challenge);
  }
  for (const challengeId of challengeIds) add(db.get<{ id: number; slug: string }>("SELECT id, slug FROM challenges WHERE id = ?", [challengeId])!);
  return added;
}

/** Active mentors of the given challenges (whom an addition concerns). */
export function activeMentorsOf(db: Db, challengeIds: number[]): Set<number> {
  const mentors = new Set<number>();
  for (const challengeId of challengeIds) {
    for (const { userId } of db.all<{ userId: number }>(
      "SELECT m.user_id AS userId FROM challenge_mentors m JOIN users u ON u.id = m.user_id AND u.is_active = 1 WHERE m.challenge_id = ?",
      [challengeId],
    )) {
      mentors.add(userId);
    }
  }
  return mentors;
}

export function closeCampaign(db: Db, id: number, closedByName: string): void {
  db.run("UPDATE campaigns SET closed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), closed_by_name = ? WHERE id = ?", [closedByName, id]);
}
