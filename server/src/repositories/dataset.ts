// The dataset evaluators export: challenge-level data only. No account emails, no author
// names, no audit log, no sessions: personal data stays with the programme team, and so do
// allies' names and action owners (free text that names people) unless `personNames`.
import type { Db } from "../db/database";
import { isStale } from "../lib/coherence";
import { AXES, type DataView } from "@shared/domain";
import type { StatsFilters } from "@shared/stats";
import { filteredChallenge, filterParams } from "./stats-filters";
import { LIVE, type DataSource } from "./data-source";
import { entryStateSql, validatedFlagColumn } from "./review";

export interface DatasetChallenge {
  slug: string;
  title: string;
  promotion: string;
  promotionLabel: string;
  administration: string;
  startsOn: string;
  endsOn: string;
  datesApproximate: boolean;
  durationMonths: number;
  skills: string[];
  website: string | null;
  sourceCode: string | null;
  predecessor: string | null;
  productionLevel: number | null;
  productionAsOf: string | null;
  transmissionLevel: number | null;
  transmissionAsOf: string | null;
  reliabilityLevel: number | null;
  reliabilityAsOf: string | null;
  outcomeCategories: string[];
  outcomePath: string | null;
  outcomeAsOf: string | null;
  lastReportAt: string | null;
  stale: boolean;
}

export interface Dataset {
  challenges: DatasetChallenge[];
  statusUpdates: Record<string, unknown>[];
  outcomes: Record<string, unknown>[];
  actions: Record<string, unknown>[];
  scenarios: Record<string, unknown>[];
  allies: Record<string, unknown>[];
  resources: Record<string, unknown>[];
}

type ChallengeRow = Omit<DatasetChallenge, "datesApproximate" | "skills" | "outcomeCategories" | "stale"> & {
  datesApproximate: number;
  skills: string | null;
  outcomeCategories: string | null;
};

const ALIASES = { production: "sp", transmission: "st", reliability: "sr" } as const;

/**
 * The joins that give, per axis (aliases sp, st, sr: level, as_of) and for the outcome (alias
 * o), the values a data view counts (docs/methodology.md): the current ones (`all`), the latest validated
 * ones (`validated`), or the current ones while they await validation (`declared`); live or
 * as of a snapshot.
 */
function valueJoins(data: DataView, source: DataSource): string {
  const t = source.table;
  const decisions = t("validation_decisions");
  const axisJoins = AXES.map((axis) => {
    const a = ALIASES[axis];
    if (data === "validated") {
      return `LEFT JOIN ${t("status_updates")} ${a} ON ${a}.id = (
        SELECT u.id FROM ${t("status_updates")} u
        WHERE u.challenge_id = c.id AND u.axis = '${axis}'
          AND NOT EXISTS (SELECT 1 FROM ${t("status_update_retractions")} r WHERE r.status_update_id = u.id)
          AND ${entryStateSql("status_update", "u", decisions)} = 'validated'
        ORDER BY u.as_of DESC, u.id DESC LIMIT 1)`;
    }
    const declaredOnly = data === "declared" ? ` AND c.${validatedFlagColumn(axis)} = 0` : "";
    return `LEFT JOIN ${t("current_status")} ${a} ON ${a}.challenge_id = c.id AND ${a}.axis = '${axis}'${declaredOnly}`;
  });
  const outcomeJoin =
    data === "validated"
      ? `LEFT JOIN ${t("outcomes")} o ON o.id = (
          SELECT vo.id FROM ${t("outcomes")} vo WHERE vo.challenge_id = c.id AND ${entryStateSql("outcome", "vo", decisions)} = 'validated'
          ORDER BY vo.as_of DESC, vo.id DESC LIMIT 1)`
      : `LEFT JOIN ${t("current_outcome")} co ON co.challenge_id = c.id${data === "declared" ? " AND c.outcome_validated = 0" : ""}
         LEFT JOIN ${t("outcomes")} o ON o.id = co.outcome_id`;
  return [...axisJoins, outcomeJoin].join("\n       ");
}

/** The dashboard's filters an export keeps (promotion, administration, skill): none, every challenge. */
export type DatasetFilters = Pick<StatsFilters, "promotion" | "administration" | "skill">;

export function datasetChallenges(db: Db, data: DataView = "all", source: DataSource = LIVE, filters: DatasetFilters = {}): DatasetChallenge[] {
  const t = source.table;
  return db
    .all<ChallengeRow>(
      `SELECT c.slug, c.title, c.promotion_key AS promotion, p.label AS promotionLabel, c.administration,
              c.starts_on AS startsOn, c.ends_on AS endsOn, c.dates_approximate AS datesApproximate,
              c.duration_months AS durationMonths,
              (SELECT group_concat(skill, ',') FROM (SELECT skill FROM ${t("challenge_skills")} WHERE challenge_id = c.id ORDER BY skill)) AS skills,
              c.website, c.source_code AS sourceCode, pred.slug AS predecessor,
              sp.level AS productionLevel, sp.as_of AS productionAsOf,
              st.level AS transmissionLevel, st.as_of AS transmissionAsOf,
              sr.level AS reliabilityLevel, sr.as_of AS reliabilityAsOf,
              o.categories AS outcomeCategories, o.path AS outcomePath, o.as_of AS outcomeAsOf,
              c.last_report_at AS lastReportAt
       FROM ${t("challenges")} c
       JOIN ${t("promotions")} p ON p.key = c.promotion_key
       LEFT JOIN ${t("challenges")} pred ON pred.id = c.predecessor_id
       ${valueJoins(data, source)}
       WHERE ${filteredChallenge(source)}
       ORDER BY p.position, c.title COLLATE NOCASE, c.id`,
      filterParams(filters, source),
    )
    .map((row) => ({
      ...row,
      datesApproximate: row.datesApproximate === 1,
      skills: row.skills ? row.skills.split(",") : [],
      outcomeCategories: row.outcomeCategories ? JSON.parse(row.outcomeCategories) : [],
      stale: isStale(row.lastReportAt, source.now()),
    }));
}

/**
 * The whole dataset, live or as of a snapshot (history up to its last ids, copies of the
 * rest). With a data view (docs/methodology.md), the challenges carry the values it counts and the
 * histories keep only the entries in it. Every entry says its validation state.
 * `personNames` (the programme team's exports only) adds allies' names and action owners;
 * without it those members are absent, not empty.
 */
export function readDataset(
  db: Db,
  data: DataView = "all",
  source: DataSource = LIVE,
  { personNames = false, filters = {} }: { personNames?: boolean; filters?: DatasetFilters } = {},
): Dataset {
  const t = source.table;
  // Every table joins its challenge as `c`: the same filters keep the same challenges' rows.
  const params = filterParams(filters, source);
  const kept = filteredChallenge(source);
  const decisions = t("validation_decisions");
  // An entry's state for a data view: validated ones, or those not (yet) validated.
  const stateCondition = (kind: "status_update" | "outcome", alias: string) =>
    data === "all" ? "1" : `${entryStateSql(kind, alias, decisions)} ${data === "validated" ? "=" : "!="} 'validated'`;
  return {
    challenges: datasetChallenges(db, data, source, filters),
    statusUpdates: db
      .all<Record<string, unknown> & { retracted: number }>(
        `SELECT u.id, c.slug AS challenge, u.axis, u.level, u.kind, u.as_of AS asOf, u.recorded_at AS recordedAt,
                u.note, u.evidence_url AS evidenceUrl, r.status_update_id IS NOT NULL AS retracted,
                r.reason AS retractionReason, r.retracted_at AS retractedAt,
                ${entryStateSql("status_update", "u", decisions)} AS validation
         FROM ${t("status_updates")} u JOIN ${t("challenges")} c ON c.id = u.challenge_id
         LEFT JOIN ${t("status_update_retractions")} r ON r.status_update_id = u.id
         WHERE ${stateCondition("status_update", "u")} AND ${kept}
         ORDER BY c.slug, u.as_of, u.id`,
        params,
      )
      .map((row) => ({ ...row, retracted: row.retracted === 1 })),
    outcomes: db
      .all<Record<string, unknown> & { categories: string; inForce: number }>(
        `SELECT o.id, c.slug AS challenge, o.categories, o.path, o.note, o.as_of AS asOf, o.recorded_at AS recordedAt,
                EXISTS (SELECT 1 FROM ${t("current_outcome")} co WHERE co.outcome_id = o.id) AS inForce,
                ${entryStateSql("outcome", "o", decisions)} AS validation
         FROM ${t("outcomes")} o JOIN ${t("challenges")} c ON c.id = o.challenge_id
         WHERE ${stateCondition("outcome", "o")} AND ${kept}
         ORDER BY c.slug, o.as_of, o.id`,
        params,
      )
      .map((row) => ({ ...row, categories: JSON.parse(row.categories), inForce: row.inForce === 1 })),
    actions: db.all(
      `SELECT a.id, c.slug AS challenge, a.kind, a.title, a.status, a.due_on AS dueOn,${personNames ? " a.owner," : ""} a.scenario_id AS scenarioId,
              a.as_of AS asOf
       FROM ${t("actions")} a JOIN ${t("challenges")} c ON c.id = a.challenge_id WHERE ${kept} ORDER BY c.slug, a.id`,
      params,
    ),
    scenarios: db
      .all<Record<string, unknown> & { preferred: number; isStop: number }>(
        `SELECT s.id, c.slug AS challenge, s.title, s.needs, s.resources_needed AS resourcesNeeded, s.governance,
                s.calendar, s.preferred, s.is_stop AS isStop
         FROM ${t("scenarios")} s JOIN ${t("challenges")} c ON c.id = s.challenge_id WHERE ${kept} ORDER BY c.slug, s.id`,
        params,
      )
      .map((row) => ({ ...row, preferred: row.preferred === 1, isStop: row.isStop === 1 })),
    allies: db.all(
      `SELECT a.id, c.slug AS challenge,${personNames ? " a.name," : ""} a.kind, a.role, a.as_of AS asOf
       FROM ${t("allies")} a JOIN ${t("challenges")} c ON c.id = a.challenge_id WHERE ${kept} ORDER BY c.slug, a.id`,
      params,
    ),
    resources: db
      .all<Record<string, unknown> & { budgetSecured: number }>(
        `SELECT r.id, c.slug AS challenge, r.people_kept AS peopleKept, r.arrangement, r.time_share AS timeShare,
                r.budget_secured AS budgetSecured, r.hosting, r.note
         FROM ${t("resources")} r JOIN ${t("challenges")} c ON c.id = r.challenge_id WHERE ${kept} ORDER BY c.slug, r.id`,
        params,
      )
      .map((row) => ({ ...row, budgetSecured: row.budgetSecured === 1 })),
  };
}
