import type { Db } from "../db/database";
import { containsPattern } from "../lib/search-text";
import type { ChallengeFilters } from "@shared/challenge-filters";
import type { ChallengeDetail, ChallengeStatus, ChallengeSummary, MyChallenge } from "@shared/challenge";
import { AXES, type Axis } from "@shared/domain";
import { coherenceWarnings, isStale, missingItems } from "../lib/coherence";
import { filterParams, filteredChallenge } from "./stats-filters";
import { atRiskChallenges } from "./stats";
import { LIVE, type DataSource } from "./data-source";
import { listChecklist } from "./checklist";
import { listItems } from "./challenge-items";
import { currentOutcome, listOutcomes } from "./outcomes";
import { listStatusUpdates } from "./status-updates";
import { challengeMentors } from "./users";
import { currentAxisValidation } from "./review";

// Rows are aliased to camelCase in SQL and leave through the mappers below, never raw.

const summaryColumns = `
  c.id, c.slug, c.title, c.promotion_key AS promotion, c.administration, c.updated_at AS updatedAt, c.version,
  c.last_report_at AS lastReportAt,
  sp.level AS productionLevel, sp.as_of AS productionAsOf,
  st.level AS transmissionLevel, st.as_of AS transmissionAsOf,
  sr.level AS reliabilityLevel, sr.as_of AS reliabilityAsOf,
  o.categories AS outcomeCategories, o.as_of AS outcomeAsOf`;

const joinsIn = (t: DataSource["table"]) => `
  JOIN ${t("promotions")} pr ON pr.key = c.promotion_key
  LEFT JOIN ${t("current_status")} sp ON sp.challenge_id = c.id AND sp.axis = 'production'
  LEFT JOIN ${t("current_status")} st ON st.challenge_id = c.id AND st.axis = 'transmission'
  LEFT JOIN ${t("current_status")} sr ON sr.challenge_id = c.id AND sr.axis = 'reliability'
  LEFT JOIN ${t("current_outcome")} co ON co.challenge_id = c.id
  LEFT JOIN ${t("outcomes")} o ON o.id = co.outcome_id`;
const summaryJoins = joinsIn(LIVE.table);

type SummaryRow = {
  id: number;
  slug: string;
  title: string;
  promotion: string;
  administration: string;
  updatedAt: string;
  version: number;
  lastReportAt: string | null;
  outcomeCategories: string | null;
  outcomeAsOf: string | null;
} & { [K in `${Axis}Level`]: number | null } & { [K in `${Axis}AsOf`]: string | null };

function toStatus(row: SummaryRow): ChallengeStatus {
  const status = {} as Record<Axis, ChallengeStatus[Axis]>;
  for (const axis of AXES) {
    const level = row[`${axis}Level`];
    const asOf = row[`${axis}AsOf`];
    status[axis] = level === null || asOf === null ? null : { level: level as 0 | 1 | 2 | 3, asOf };
  }
  return status;
}

function toSummary(row: SummaryRow, now = new Date()): ChallengeSummary {
  return {
    slug: row.slug,
    title: row.title,
    promotion: row.promotion,
    administration: row.administration,
    status: toStatus(row),
    outcome:
      row.outcomeCategories === null || row.outcomeAsOf === null
        ? null
        : { categories: JSON.parse(row.outcomeCategories), asOf: row.outcomeAsOf },
    updatedAt: row.updatedAt,
    version: row.version,
    lastReportAt: row.lastReportAt,
    stale: isStale(row.lastReportAt, now),
  };
}

const AXIS_ALIAS: Record<Axis, string> = { production: "sp", transmission: "st", reliability: "sr" };

/** ORDER BY of the list: the column asked for (values before blanks either way), then promotion and name. */
function orderBy(filters: ChallengeFilters): string {
  const direction = filters.order === "desc" ? "DESC" : "ASC";
  const then = "pr.position, c.title COLLATE NOCASE, c.id";
  switch (filters.sort) {
    case "name":
      return `c.title COLLATE NOCASE ${direction}, pr.position, c.id`;
    case "promotion":
      return `pr.position ${direction}, c.title COLLATE NOCASE, c.id`;
    case "lastReport":
      return `c.last_report_at IS NULL, c.last_report_at ${direction}, ${then}`;
    case "production":
    case "transmission":
    case "reliability":
      return `${AXIS_ALIAS[filters.sort]}.level IS NULL, ${AXIS_ALIAS[filters.sort]}.level ${direction}, ${then}`;
    default:
      return then;
  }
}

/** The challenges the filters keep, in the order asked for, live or as of a snapshot. */
export function listChallenges(db: Db, filters: ChallengeFilters, source: DataSource = LIVE): ChallengeSummary[] {
  const now = source.now();
  const levelConditions = AXES.filter((axis) => filters[axis] !== undefined).map((axis) =>
    filters[axis] === "none" ? `${AXIS_ALIAS[axis]}.level IS NULL` : `${AXIS_ALIAS[axis]}.level = ${Number(filters[axis])}`,
  );
  const rows = db
    .all<SummaryRow>(
      `SELECT ${summaryColumns}
       FROM ${source.table("challenges")} c ${joinsIn(source.table)}
       WHERE ${filteredChallenge(source)}
         AND (@pattern IS NULL OR c.search_text LIKE @pattern ESCAPE '\\')
         ${levelConditions.map((condition) => `AND ${condition}`).join(" ")}
         AND (@mentor IS NULL OR EXISTS (SELECT 1 FROM challenge_mentors m WHERE m.challenge_id = c.id AND m.user_id = @mentor))
       ORDER BY ${orderBy(filters)}`,
      { ...filterParams(filters, source), pattern: filters.q ? containsPattern(filters.q) : null, mentor: filters.mentor ?? null },
    )
    .map((row) => toSummary(row, now));
  // The same rules as the dashboard's, not a copy: « à mettre à jour » is the list's `stale`,
  // « à risque » the at-risk list (stats.ts).
  const atRisk = filters.atRisk ? new Set(atRiskChallenges(db, filters, null, source).atRisk.map((challenge) => challenge.slug)) : null;
  return rows.filter((row) => (!filters.toUpdate || row.stale) && (!atRisk || atRisk.has(row.slug)));
}

interface DetailRow extends SummaryRow {
  startsOn: string;
  endsOn: string;
  datesApproximate: number;
  durationMonths: number;
  year: number;
  administrationWebsite: string | null;
  website: string | null;
  sourceCode: string | null;
  city: string | null;
  eigCount: number | null;
  mentorCount: number | null;
  predecessorSlug: string | null;
  predecessorTitle: string | null;
}

export function findChallenge(db: Db, slug: string): ChallengeDetail | undefined {
  const row = db.get<DetailRow>(
    `SELECT ${summaryColumns},
       c.starts_on AS startsOn, c.ends_on AS endsOn, c.dates_approximate AS datesApproximate,
       c.duration_months AS durationMonths, c.year, c.administration_website AS administrationWebsite,
       c.website, c.source_code AS sourceCode, c.city, c.eig_count AS eigCount, c.mentor_count AS mentorCount,
       pred.slug AS predecessorSlug, pred.title AS predecessorTitle
     FROM challenges c ${summaryJoins}
     LEFT JOIN challenges pred ON pred.id = c.predecessor_id
     WHERE c.slug = ?`,
    [slug],
  );
  if (!row) return undefined;
  const id = row.id;

  const outcomeHistory = listOutcomes(db, id);
  const outcomeDetail = currentOutcome(db, id);
  const resources = listItems(db, "resource", id);
  const checklist = listChecklist(db, id);
  const summary = toSummary(row);
  const successors = db.all<{ slug: string; title: string }>(
    "SELECT slug, title FROM challenges WHERE predecessor_id = ? ORDER BY starts_on, slug",
    [id],
  );

  return {
    ...summary,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    datesApproximate: row.datesApproximate === 1,
    durationMonths: row.durationMonths,
    year: row.year,
    administrationWebsite: row.administrationWebsite,
    website: row.website,
    sourceCode: row.sourceCode,
    city: row.city,
    skills: db
      .all<{ skill: string }>("SELECT skill FROM challenge_skills WHERE challenge_id = ? ORDER BY skill", [id])
      .map(({ skill }) => skill),
    eigCount: row.eigCount,
    mentorCount: row.mentorCount,
    predecessor:
      row.predecessorSlug === null || row.predecessorTitle === null
        ? null
        : { slug: row.predecessorSlug, title: row.predecessorTitle },
    successors,
    outcomeDetail,
    outcomeHistory,
    history: listStatusUpdates(db, id),
    scenarios: listItems(db, "scenario", id),
    actions: listItems(db, "action", id),
    allies: listItems(db, "ally", id),
    resources,
    checklist,
    mentors: challengeMentors(db, id),
    warnings: coherenceWarnings({ status: summary.status, outcome: outcomeDetail, resources, checklist }),
  };
}

/** "Mes défis": the challenges assigned to a user, with what is missing and what does not add up. */
export function listAssignedChallenges(db: Db, userId: number): MyChallenge[] {
  return db
    .all<SummaryRow>(
      `SELECT ${summaryColumns}
       FROM challenge_mentors m JOIN challenges c ON c.id = m.challenge_id ${summaryJoins}
       WHERE m.user_id = ?
       ORDER BY pr.position, c.title COLLATE NOCASE`,
      [userId],
    )
    .map((row) => {
      const summary = toSummary(row);
      const checklist = listChecklist(db, row.id);
      const resources = listItems(db, "resource", row.id);
      return {
        ...summary,
        missing: missingItems({ status: summary.status, outcome: summary.outcome, checklist }),
        validation: currentAxisValidation(db, row.id),
        warnings: coherenceWarnings({ status: summary.status, outcome: summary.outcome, resources, checklist }),
      };
    });
}
