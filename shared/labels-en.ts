// English wording of the domain (docs/domain.md, docs/levels.md), mirroring labels-fr.ts.
// shared/labels.ts checks that every French label has its English twin.
import type {
  ActionKind,
  ActionStatus,
  AllyKind,
  Axis,
  ChecklistItemKey,
  DataView,
  Level,
  OutcomeCategory,
  ResourceArrangement,
  Role,
  SustainabilityPath,
  TimeShare,
  ValidationState,
} from "./domain";

export const AXIS_LABELS: Record<Axis, string> = {
  production: "Production",
  transmission: "Knowledge transfer",
  reliability: "Reliability",
};

export const LEVEL_LABELS: Record<Level, string> = {
  0: "Not started",
  1: "In progress",
  2: "Achieved",
  3: "Secured",
};
export const NO_REPORT_LABEL: string = "Not reported";

export const LEVEL_DEFINITIONS: Record<Axis, Record<Level, string>> = {
  production: {
    0: "Nothing deployed beyond the challenge team.",
    1: "Prototype or beta with pilot users; deployment under way (domain, hosting, security approval).",
    2: "Officially launched and used by its target users.",
    3: "In production within a lasting maintenance cycle (team, budget, hosting).",
  },
  transmission: {
    0: "No documentation, no handover.",
    1: "Documentation under way, first exchanges with whoever takes over.",
    2: "Handover done: complete documentation, staff or successors trained.",
    3: "The administration or successor maintains and evolves it on its own.",
  },
  reliability: {
    0: "No resilience measures.",
    1: "Code versioned and shared, first tests, contacts identified.",
    2: "Hosted by the IT department or a contractor, monitored, incident procedure, named maintainers.",
    3: "Proven routine operation; working methods carried on by the team.",
  },
};

export const OUTCOME_LABELS: Record<OutcomeCategory, string> = {
  maintained: "Deliverables maintained",
  evolving_in_production: "Tool in production, still evolving",
  production_after_end: "In production after the challenge ended",
  beyond_initial_scope: "Beyond the initial challenge (reuse, scaling up)",
  components_reused: "Components reused elsewhere",
  discontinued: "Discontinued",
};
export const NO_OUTCOME_LABEL: string = "No outcome reported";

export const PATH_LABELS: Record<SustainabilityPath, string> = {
  internal_team: "In-house team",
  contractor: "Contractor or public contract",
  innovation_programme: "Another innovation programme",
  other_administration: "Taken up by other administrations",
};

export const ACTION_KIND_LABELS: Record<ActionKind, string> = {
  communication: "Communication",
  resources: "Resources",
  coordination: "Coordination",
};

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  planned: "Planned",
  in_progress: "In progress",
  done: "Done",
  dropped: "Dropped",
};

export const ALLY_KIND_LABELS: Record<AllyKind, string> = {
  dsi: "IT department (DSI)",
  business: "Business directorate",
  strategic: "Strategic support",
  programme: "Programme",
  other: "Other",
};

export const SKILL_LABELS: Record<string, string> = {
  dev: "Development",
  design: "Design",
  datascience: "Data science",
  dataengineering: "Data engineering",
  geomatique: "Geomatics",
};

export const CHECKLIST_GROUP_LABELS: Record<string, string> = {
  start: "Start",
  tool: "Tool",
  next: "What next",
  communication: "Communication",
  review: "Review",
};

export const CHECKLIST_ITEM_LABELS: Record<ChecklistItemKey, string> = {
  discovery_report: "First-impressions report",
  interview_notes: "Interview and workshop notes",
  people_met: "People met",
  needs_summary: "Summary of needs",
  existing_landscape: "Existing landscape (data flows, current architecture)",
  functional_description: "Functional description",
  user_manual: "User manual",
  technical_docs: "Technical documentation",
  install_docs: "Installation documentation",
  architecture_diagram: "Architecture diagram",
  training_material: "Training material",
  code_repository: "Code repository",
  project_plan: "Project plan",
  progress_minutes: "Progress minutes",
  follow_up_projects: "Possible follow-up projects",
  roadmap: "Vision and roadmap",
  workshop_material: "Workshop material",
  pitches: "Pitches and demos",
  blog_posts: "Published articles",
  feedback_workshop: "Feedback workshop with the team and the mentor",
  achievements_shared: "Achievements shared (management, department, outside)",
};

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Programme team",
  mentor: "Mentor",
  evaluator: "Evaluator",
};

export const ARRANGEMENT_LABELS: Record<ResourceArrangement, string> = {
  contract_extension: "Contract extension",
  new_post: "New post",
  contractor: "Contractor",
  other: "Other",
};

export const TIME_SHARE_LABELS: Record<TimeShare, string> = {
  full_time: "Full time",
  part_time: "Part time",
};

export const VALIDATION_STATE_LABELS: Record<ValidationState, string> = {
  declared: "Declared",
  validated: "Validated",
  sent_back: "Sent back",
};

/** What a chart or an export counts, named in its caption. */
export const DATA_VIEW_LABELS: Record<DataView, string> = {
  all: "Data: all (declared and validated)",
  validated: "Data: validated only",
  declared: "Data: declared, awaiting validation, only",
};
