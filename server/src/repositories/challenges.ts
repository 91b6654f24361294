import type { Db } from "../db/database";
import { containsPattern } from "../lib/search-text";
import type { ChallengeFilters } from "@shared/challenge-filters";
import type {
  Action,
  Ally,
  ChallengeDetail,
  ChallengeStatus,
  ChallengeSummary,
  ChecklistItem,
  OutcomeEntry,
  Resource,
  Scenario,
  StatusUpdate,
} from "@shared/challenge";
import { AXES, CHECKLIST_ITEMS, type Axis } from "@shared/domain";

// Rows are aliased to camelCase in SQL and leave through the mappers below, never raw.

const summaryColumns = `
  c.id, c.slug, c.title, c.promotion_key AS promotion, c.administration, c.updated_at AS updatedAt, c.version,
  sp.level AS productionLevel, sp.as_of AS productionAsOf,
  st.level AS transmissionLevel, st.as_of AS transmissionAsOf,
  sr.level AS reliabilityLevel, sr.as_of AS reliabilityAsOf,
  o.categories AS outcomeCategories, o.as_of AS outcomeAsOf`;

const summaryJoins = `
  JOIN promotions pr ON pr.key = c.promotion_key
  LEFT JOIN current_status sp ON sp.challenge_id = c.id AND sp.axis = 'production'
  LEFT JOIN current_status st ON st.challenge_id = c.id AND st.axis = 'transmission'
  LEFT JOIN current_status sr ON sr.challenge_id = c.id AND sr.axis = 'reliability'
  LEFT JOIN current_outcome co ON co.challenge_id = c.id
  LEFT JOIN outcomes o ON o.id = co.outcome_id`;

type SummaryRow = {
  id: number;
  slug: string;
  title: string;
  promotion: string;
  administration: string;
  updatedAt: string;
  version: number;
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

function toSummary(row: SummaryRow): ChallengeSummary {
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
  };
}

export function listChallenges(db: Db, filters: ChallengeFilters): ChallengeSummary[] {
  return db
    .all<SummaryRow>(
      `SELECT ${summaryColumns}
       FROM challenges c ${summaryJoins}
       WHERE (@promotion IS NULL OR c.promotion_key = @promotion)
         AND (@pattern IS NULL OR c.search_text LIKE @pattern ESCAPE '\\')
       ORDER BY pr.position, c.title COLLATE NOCASE`,
      { promotion: filters.promotion ?? null, pattern: filters.q ? containsPattern(filters.q) : null },
    )
    .map(toSummary);
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

interface OutcomeRow {
  id: number;
  categories: string;
  path: OutcomeEntry["path"];
  note: string | null;
  asOf: string;
  recordedAt: string;
  authorName: string;
}
const toOutcome = (row: OutcomeRow): OutcomeEntry => ({ ...row, categories: JSON.parse(row.categories) });

interface StatusUpdateRow extends Omit<StatusUpdate, "retraction" | "level"> {
  level: number;
  retractionReason: string | null;
  retractedAt: string | null;
  retractionAuthorName: string | null;
}
const toStatusUpdate = ({ retractionReason, retractedAt, retractionAuthorName, ...row }: StatusUpdateRow): StatusUpdate => ({
  ...row,
  level: row.level as StatusUpdate["level"],
  retraction:
    retractionReason === null || retractedAt === null || retractionAuthorName === null
      ? null
      : { reason: retractionReason, retractedAt, authorName: retractionAuthorName },
});

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

  const currentOutcomeId = db.get<{ outcomeId: number }>(
    "SELECT outcome_id AS outcomeId FROM current_outcome WHERE challenge_id = ?",
    [id],
  )?.outcomeId;
  const outcomeHistory = db
    .all<OutcomeRow>(
      `SELECT id, categories, path, note, as_of AS asOf, recorded_at AS recordedAt, author_name AS authorName
       FROM outcomes WHERE challenge_id = ? ORDER BY as_of DESC, id DESC`,
      [id],
    )
    .map(toOutcome);

  const history = db
    .all<StatusUpdateRow>(
      `SELECT u.id, u.axis, u.level, u.note, u.evidence_url AS evidenceUrl, u.as_of AS asOf,
              u.recorded_at AS recordedAt, u.author_name AS authorName,
              r.reason AS retractionReason, r.retracted_at AS retractedAt, r.author_name AS retractionAuthorName
       FROM status_updates u
       LEFT JOIN status_update_retractions r ON r.status_update_id = u.id
       WHERE u.challenge_id = ?
       ORDER BY u.as_of DESC, u.id DESC`,
      [id],
    )
    .map(toStatusUpdate);

  const scenarios = db
    .all<Omit<Scenario, "preferred" | "isStop"> & { preferred: number; isStop: number }>(
      `SELECT id, title, needs, resources_needed AS resourcesNeeded, governance, calendar, preferred, is_stop AS isStop
       FROM scenarios WHERE challenge_id = ? ORDER BY preferred DESC, is_stop, id`,
      [id],
    )
    .map((scenario) => ({ ...scenario, preferred: scenario.preferred === 1, isStop: scenario.isStop === 1 }));

  const actions = db.all<Action>(
    `SELECT id, kind, title, status, due_on AS dueOn, owner, scenario_id AS scenarioId, as_of AS asOf,
            author_name AS authorName
     FROM actions WHERE challenge_id = ? ORDER BY id`,
    [id],
  );

  const allies = db.all<Ally>(
    `SELECT id, name, kind, role, as_of AS asOf, author_name AS authorName
     FROM allies WHERE challenge_id = ? ORDER BY id`,
    [id],
  );

  const resources = db
    .all<Omit<Resource, "budgetSecured"> & { budgetSecured: number }>(
      `SELECT id, people_kept AS peopleKept, arrangement, time_share AS timeShare, budget_secured AS budgetSecured,
              hosting, note
       FROM resources WHERE challenge_id = ? ORDER BY id`,
      [id],
    )
    .map((resource) => ({ ...resource, budgetSecured: resource.budgetSecured === 1 }));

  const checklistRows = new Map(
    db
      .all<{ key: string; done: number; link: string | null }>(
        "SELECT item_key AS key, done, link FROM checklist_items WHERE challenge_id = ?",
        [id],
      )
      .map((item) => [item.key, item]),
  );
  const checklist: ChecklistItem[] = CHECKLIST_ITEMS.map((key) => {
    const item = checklistRows.get(key);
    return { key, done: item?.done === 1, link: item?.link ?? null };
  });

  const mentors = db.all<{ id: number; name: string }>(
    `SELECT u.id, u.name FROM challenge_mentors m JOIN users u ON u.id = m.user_id
     WHERE m.challenge_id = ? AND u.is_active = 1 ORDER BY u.name`,
    [id],
  );

  const successors = db.all<{ slug: string; title: string }>(
    "SELECT slug, title FROM challenges WHERE predecessor_id = ? ORDER BY starts_on, slug",
    [id],
  );

  return {
    ...toSummary(row),
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
    outcomeDetail: outcomeHistory.find((outcome) => outcome.id === currentOutcomeId) ?? null,
    outcomeHistory,
    history,
    scenarios,
    actions,
    allies,
    resources,
    checklist,
    mentors,
  };
}
