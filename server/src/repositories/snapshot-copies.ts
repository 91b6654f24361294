// What a snapshot copies: for each live table, the columns kept in `snapshot_<table>`
// (migration 0008). This list is the one place to extend when a reader starts using a new
// column (e.g. validated levels): add it here and, in a migration, to the snapshot table.
// Status updates, outcomes and validation decisions are not copied: they are append-only,
// and a snapshot keeps the last id of each (see data-source.ts).
export const SNAPSHOT_COPIES = {
  promotions: ["key", "label", "year", "starts_on", "ends_on", "dates_approximate", "position"],
  challenges: [
    "id",
    "slug",
    "title",
    "promotion_key",
    "administration",
    "website",
    "source_code",
    "year",
    "duration_months",
    "starts_on",
    "ends_on",
    "dates_approximate",
    "predecessor_id",
    "last_report_at",
    // Current values per challenge (migration 0004), read by the cohort statistics.
    "production_level",
    "transmission_level",
    "reliability_level",
    "outcome_mask",
    // The same for the "validated" and "declared" data views (migration 0007).
    "validated_production_level",
    "validated_transmission_level",
    "validated_reliability_level",
    "validated_outcome_mask",
    "production_validated",
    "transmission_validated",
    "reliability_validated",
    "outcome_validated",
    // The challenge list (the dashboard's matrix): search, and what each row says of itself.
    "search_text",
    "version",
    "updated_at",
  ],
  challenge_skills: ["challenge_id", "skill"],
  current_status: ["challenge_id", "axis", "status_update_id", "level", "as_of"],
  current_outcome: ["challenge_id", "outcome_id"],
  challenge_month_levels: ["challenge_id", "axis", "month", "level"],
  trajectory_steps: ["promotion_key", "axis", "month", "level_delta", "count_delta", "reporters"],
  // The same for the "validated" and "declared" data views (migration 0010).
  challenge_month_levels_by_view: ["challenge_id", "view", "axis", "month", "level"],
  trajectory_steps_by_view: ["view", "promotion_key", "axis", "month", "level_delta", "count_delta", "reporters"],
  status_update_retractions: ["status_update_id", "reason", "retracted_at"],
  actions: ["id", "challenge_id", "scenario_id", "kind", "title", "status", "due_on", "owner", "as_of"],
  scenarios: ["id", "challenge_id", "title", "needs", "resources_needed", "governance", "calendar", "preferred", "is_stop"],
  allies: ["id", "challenge_id", "name", "kind", "role", "as_of"],
  resources: ["id", "challenge_id", "people_kept", "arrangement", "time_share", "budget_secured", "hosting", "note"],
} as const satisfies Record<string, readonly string[]>;

export type CopiedTable = keyof typeof SNAPSHOT_COPIES;
export const COPIED_TABLES = Object.keys(SNAPSHOT_COPIES) as CopiedTable[];
