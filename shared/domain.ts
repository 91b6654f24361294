// The domain's vocabulary (docs/domain.md), free of any library so that the client can import
// it without pulling zod into its bundle.

export const AXES = ["production", "transmission", "reliability"] as const;
export type Axis = (typeof AXES)[number];

export const LEVELS = [0, 1, 2, 3] as const;
export type Level = (typeof LEVELS)[number];

export const OUTCOME_CATEGORIES = [
  "maintained",
  "evolving_in_production",
  "production_after_end",
  "beyond_initial_scope",
  "components_reused",
  "discontinued",
] as const;
export type OutcomeCategory = (typeof OUTCOME_CATEGORIES)[number];

export const SUSTAINABILITY_PATHS = [
  "internal_team",
  "contractor",
  "innovation_programme",
  "other_administration",
] as const;
export type SustainabilityPath = (typeof SUSTAINABILITY_PATHS)[number];

export const ACTION_KINDS = ["communication", "resources", "coordination"] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

export const ACTION_STATUSES = ["planned", "in_progress", "done", "dropped"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const ALLY_KINDS = ["dsi", "business", "strategic", "programme", "other"] as const;
export type AllyKind = (typeof ALLY_KINDS)[number];

export const RESOURCE_ARRANGEMENTS = ["contract_extension", "new_post", "contractor", "other"] as const;
export type ResourceArrangement = (typeof RESOURCE_ARRANGEMENTS)[number];

export const TIME_SHARES = ["full_time", "part_time"] as const;
export type TimeShare = (typeof TIME_SHARES)[number];

export const ROLES = ["admin", "mentor", "evaluator"] as const;
export type Role = (typeof ROLES)[number];

export const CHECKLIST_GROUPS = [
  {
    key: "start",
    items: ["discovery_report", "interview_notes", "people_met", "needs_summary", "existing_landscape"],
  },
  {
    key: "tool",
    items: [
      "functional_description",
      "user_manual",
      "technical_docs",
      "install_docs",
      "architecture_diagram",
      "training_material",
      "code_repository",
      "project_plan",
      "progress_minutes",
    ],
  },
  { key: "next", items: ["follow_up_projects", "roadmap"] },
  { key: "communication", items: ["workshop_material", "pitches", "blog_posts"] },
  { key: "review", items: ["feedback_workshop", "achievements_shared"] },
] as const;
export type ChecklistItemKey = (typeof CHECKLIST_GROUPS)[number]["items"][number];
export const CHECKLIST_ITEMS: readonly ChecklistItemKey[] = CHECKLIST_GROUPS.flatMap((group) => group.items);

/** Author shown on entries restated from the programme's public sources. */
export const PUBLIC_SOURCE_AUTHOR = "Programme EIG — source publique";

/** Review of mentors' declarations: an entry's state, and the views of the data (docs/levels.md). */
export const VALIDATION_STATES = ["declared", "validated", "sent_back"] as const;
export type ValidationState = (typeof VALIDATION_STATES)[number];
export const VALIDATION_DECISIONS = ["validated", "sent_back"] as const;
export type ValidationDecision = (typeof VALIDATION_DECISIONS)[number];
export const DATA_VIEWS = ["all", "validated", "declared"] as const;
export type DataView = (typeof DATA_VIEWS)[number];
