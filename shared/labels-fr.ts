// French wording of the domain (docs/domain.md, docs/levels.md), shared by the interface
// and the exports.
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
  production: "Mise en production",
  transmission: "Transmission",
  reliability: "Fiabilisation",
};

export const LEVEL_LABELS: Record<Level, string> = {
  0: "Non démarré",
  1: "En cours",
  2: "Atteint",
  3: "Pérennisé",
};
export const NO_REPORT_LABEL: string = "Non renseigné";

export const LEVEL_DEFINITIONS: Record<Axis, Record<Level, string>> = {
  production: {
    0: "Rien n'est déployé hors de l'équipe du défi.",
    1: "Prototype ou bêta chez des utilisateurs pilotes ; déploiement engagé (nom de domaine, hébergement, homologation).",
    2: "Outil lancé officiellement et utilisé par ses utilisateurs cibles.",
    3: "En production dans un cycle de maintenance et d'évolution durable (équipe, budget, hébergement).",
  },
  transmission: {
    0: "Ni documentation ni passation.",
    1: "Documentation en cours, premiers échanges avec ceux qui reprendront.",
    2: "Passation faite : documentation complète, agents ou repreneurs formés.",
    3: "L'administration ou le repreneur maintient et fait évoluer l'outil seul.",
  },
  reliability: {
    0: "Aucune mesure de résilience.",
    1: "Code versionné et partagé, premiers tests, contacts identifiés.",
    2: "Hébergé par la DSI ou un prestataire, supervisé, procédure en cas de panne, mainteneurs désignés.",
    3: "Exploitation courante éprouvée ; méthodes de travail reprises par l'équipe.",
  },
};

export const OUTCOME_LABELS: Record<OutcomeCategory, string> = {
  maintained: "Livrables maintenus",
  evolving_in_production: "Outil en production qui continue d'évoluer",
  production_after_end: "Mise en production après la fin du défi",
  beyond_initial_scope: "Au-delà du défi initial (réutilisation, passage à l'échelle)",
  components_reused: "Briques réutilisées ailleurs",
  discontinued: "Arrêté",
};
export const NO_OUTCOME_LABEL: string = "Aucun résultat renseigné";

export const PATH_LABELS: Record<SustainabilityPath, string> = {
  internal_team: "Équipe interne",
  contractor: "Prestataire ou marché public",
  innovation_programme: "Autre programme d'innovation",
  other_administration: "Reprise par d'autres administrations",
};

export const ACTION_KIND_LABELS: Record<ActionKind, string> = {
  communication: "Communication",
  resources: "Ressources",
  coordination: "Coordination",
};

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  planned: "Prévue",
  in_progress: "En cours",
  done: "Faite",
  dropped: "Abandonnée",
};

export const ALLY_KIND_LABELS: Record<AllyKind, string> = {
  dsi: "DSI",
  business: "Direction métier",
  strategic: "Appui stratégique",
  programme: "Programme",
  other: "Autre",
};

export const SKILL_LABELS: Record<string, string> = {
  dev: "Développement",
  design: "Design",
  datascience: "Science des données",
  dataengineering: "Ingénierie des données",
  geomatique: "Géomatique",
};

export const CHECKLIST_GROUP_LABELS: Record<string, string> = {
  start: "Début du défi",
  tool: "Outil",
  next: "Suites",
  communication: "Communication",
  review: "Bilan",
};

export const CHECKLIST_ITEM_LABELS: Record<ChecklistItemKey, string> = {
  discovery_report: "Rapport d'étonnement",
  interview_notes: "Comptes rendus d'entretiens et d'ateliers",
  people_met: "Personnes rencontrées",
  needs_summary: "Synthèse des besoins",
  existing_landscape: "État des lieux (flux de données, architecture existante)",
  functional_description: "Description fonctionnelle",
  user_manual: "Manuel utilisateur",
  technical_docs: "Documentation technique",
  install_docs: "Documentation d'installation",
  architecture_diagram: "Schéma d'architecture",
  training_material: "Supports de formation",
  code_repository: "Dépôt de code",
  project_plan: "Planning",
  progress_minutes: "Comptes rendus d'avancement",
  follow_up_projects: "Autres projets possibles",
  roadmap: "Vision et feuille de route",
  workshop_material: "Supports d'ateliers",
  pitches: "Pitchs et démos",
  blog_posts: "Articles publiés",
  feedback_workshop: "Atelier de retour avec l'équipe et le mentor",
  achievements_shared: "Réalisations partagées (hiérarchie, service, externe)",
};

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Équipe du programme",
  mentor: "Mentor",
  evaluator: "Évaluateur",
};

export const ARRANGEMENT_LABELS: Record<ResourceArrangement, string> = {
  contract_extension: "Prolongation de contrat",
  new_post: "Création de poste",
  contractor: "Prestataire",
  other: "Autre",
};

export const TIME_SHARE_LABELS: Record<TimeShare, string> = {
  full_time: "Temps plein",
  part_time: "Temps partiel",
};

export const VALIDATION_STATE_LABELS: Record<ValidationState, string> = {
  declared: "Déclaré",
  validated: "Validé",
  sent_back: "Renvoyé",
};

/** What a chart or an export counts, named in its caption. */
export const DATA_VIEW_LABELS: Record<DataView, string> = {
  all: "Données : toutes (déclarées et validées)",
  validated: "Données : validées uniquement",
  declared: "Données : déclarées, en attente de validation, uniquement",
};
