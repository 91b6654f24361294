// A deterministic synthetic dataset, for benchmarks and demonstrations at a size the real
// catalogue (71 challenges) never reaches. Everything is drawn from one seeded PRNG, so the
// same options give the same rows, byte for byte.
import type { Db } from "../db/database";
import { rebuildDerivedState } from "../repositories/derived-state";
import { toSearchText } from "../lib/search-text";
import {
  finishSyntheticDataset,
  insertSyntheticAction,
  insertSyntheticChallenge,
  insertSyntheticOutcome,
  insertSyntheticPromotion,
  insertSyntheticResource,
  insertSyntheticStatusUpdate,
} from "../repositories/synthetic-rows";
import { ACTION_KINDS, AXES, SUSTAINABILITY_PATHS, type ActionKind, type OutcomeCategory } from "@shared/domain";

export interface SyntheticOptions {
  challenges: number;
  updates: number;
  promotions: number;
  seed: number;
  /** The last day data may be dated (YYYY-MM-DD): updates are spread up to it. */
  until: string;
}

export interface SyntheticCounts {
  promotions: number;
  challenges: number;
  skills: number;
  statusUpdates: number;
  outcomes: number;
  actions: number;
  resources: number;
}

/** Shown as author of every generated entry, and what `dataset_info.source` starts with. */
const SYNTHETIC_AUTHOR = "Données synthétiques";

/** Promotions start between these years (inclusive), as the programme's did and may still. */
const FIRST_YEAR = 2016;
const LAST_YEAR = 2025;

/** mulberry32: tiny, fast, and good enough to make data look varied; not for secrets. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOOLS = [
  "Cartographie",
  "Détection",
  "Observatoire",
  "Simulateur",
  "Tableau de bord",
  "Plateforme",
  "Assistant",
  "Analyse",
  "Suivi",
  "Prévision",
  "Moteur de recherche",
  "Référentiel",
];
const SUBJECTS = [
  "des risques d'inondation",
  "de la qualité de l'eau",
  "du transport maritime",
  "des marchés publics",
  "de l'emploi local",
  "des aides agricoles",
  "des décisions de justice",
  "des fraudes sociales",
  "des établissements scolaires",
  "du patrimoine culturel",
  "des accidents de la route",
  "de la consommation d'énergie",
  "des données de santé",
  "des collections numériques",
  "des feux de forêt",
  "du logement social",
  "des entreprises en difficulté",
  "des sauvetages en mer",
  "de la biodiversité",
  "des archives publiques",
  "de la qualité de l'air",
  "des déchets ménagers",
  "des subventions associatives",
  "de la fiscalité locale",
];
const REGIONS = [
  "Bretagne",
  "Occitanie",
  "Hauts-de-France",
  "Île-de-France",
  "Grand Est",
  "Normandie",
  "Nouvelle-Aquitaine",
  "Auvergne-Rhône-Alpes",
  "Provence-Alpes-Côte d'Azur",
  "Outre-mer",
];
const ADMINISTRATIONS = [
  "Ministère de l'Intérieur",
  "Ministère de la Culture",
  "Ministère de la Justice",
  "Ministère des Armées",
  "Ministère de l'Éducation nationale",
  "Ministère de la Transition écologique",
  "Ministère de l'Agriculture et de la Souveraineté alimentaire",
  "Direction générale des Finances publiques",
  "Direction interministérielle du numérique",
  "Agence nationale de la cohésion des territoires",
  "Caisse nationale d'assurance maladie",
  "Cour des comptes",
  "Météo-France",
  "Institut national de l'information géographique et forestière",
  "Office français de la biodiversité",
  "Santé publique France",
  "Bibliothèque nationale de France",
  "France Travail",
  "Direction générale de la Gendarmerie nationale",
  "Agence nationale de sécurité du médicament et des produits de santé",
];
const CITIES = ["Paris", "Lyon", "Marseille", "Toulouse", "Nantes", "Lille", "Rennes", "Bordeaux", "Strasbourg", "Montpellier"];
const SKILLS = ["dev", "design", "datascience", "dataengineering", "geomatique"];
const NOTES = [
  "Point d'étape avec l'administration.",
  "Mise en production d'une nouvelle version.",
  "Documentation mise à jour après l'atelier de passation.",
  "Hébergement repris par la DSI.",
  "Recrutement d'un développeur pour la suite.",
  "Marché de maintenance notifié.",
  "Tests utilisateurs avec les agents de terrain.",
  "Supervision et alertes mises en place.",
  "Budget de fonctionnement confirmé pour l'année.",
  "Présentation au comité de direction.",
  "Retard dû à l'homologation de sécurité.",
  "Équipe réduite depuis le départ d'un EIG.",
];
const ACTION_TITLES: Record<ActionKind, string[]> = {
  communication: [
    "Démonstration aux directions métier",
    "Article sur le blog du programme",
    "Présentation lors d'un meetup",
    "Tests utilisateurs en région",
  ],
  resources: [
    "Identifier un prestataire pour reprendre les API",
    "Documenter les ressources techniques nécessaires",
    "Constituer une instance de gouvernance",
  ],
  coordination: [
    "Prolonger le contrat d'un développeur",
    "Préparer un partenariat avec une autre administration",
    "Lancer le recrutement d'un data scientist",
  ],
};
const HOSTING = ["DSI du ministère", "Prestataire d'hébergement", "Cloud interministériel", null];

/**
 * What becomes of a challenge: drives its levels (where each axis tends to end) and its
 * outcome. Proportions loosely follow what the programme reported in 2019.
 */
type Fate = "thriving" | "achieved" | "stalled" | "discontinued";
const FATES: [Fate, number][] = [
  ["thriving", 0.3],
  ["achieved", 0.35],
  ["stalled", 0.2],
  ["discontinued", 0.15],
];
const FATE_TARGET: Record<Fate, number> = { thriving: 3, achieved: 2, stalled: 1, discontinued: 1 };
const FATE_OUTCOMES: Record<Fate, OutcomeCategory[][]> = {
  thriving: [["evolving_in_production"], ["maintained", "beyond_initial_scope"], ["evolving_in_production", "beyond_initial_scope"]],
  achieved: [["maintained"], ["production_after_end"], ["maintained", "components_reused"]],
  stalled: [["components_reused"], ["production_after_end"]],
  discontinued: [["discontinued"], ["discontinued", "components_reused"]],
};

const DAY_MS = 86_400_000;
const dayOf = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);

interface PlannedChallenge {
  slug: string;
  title: string;
  promotion: number;
  administration: string;
  city: string | null;
  skills: string[];
  durationMonths: number;
  startDay: number;
  endDay: number;
  eigCount: number;
  mentorCount: number;
  fate: Fate;
  weight: number;
}

/**
 * Writes the dataset into a migrated, empty database. Returns the counts written and how long
 * the inserts and the rebuild of the derived tables took.
 * The caller has checked that the database is new.
 */
export function generateSyntheticDataset(
  db: Db,
  options: SyntheticOptions,
): { counts: SyntheticCounts; timings: { insertMs: number; derivedMs: number } } {
  const random = mulberry32(options.seed);
  const integer = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const chance = (p: number) => random() < p;

  const untilDay = dayOf(options.until);
  // Dates are formatted through a table: a million Date objects would cost more than the inserts.
  const firstDay = dayOf(`${FIRST_YEAR}-01-01`);
  const isoDays: string[] = [];
  for (let day = firstDay; day <= untilDay + 800; day += 1) isoDays.push(new Date(day * DAY_MS).toISOString().slice(0, 10));
  const iso = (day: number) => isoDays[day - firstDay];
  const addMonthsDay = (day: number, months: number) => {
    const date = new Date(day * DAY_MS);
    const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
    const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
    target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
    return Math.round(target.getTime() / DAY_MS);
  };
  const instant = (day: number) =>
    `${iso(day)}T${String(integer(6, 17)).padStart(2, "0")}:${String(integer(0, 59)).padStart(2, "0")}:${String(integer(0, 59)).padStart(2, "0")}.000Z`;

  // Promotions: spread over the years, several a year when there are many.
  const years = LAST_YEAR - FIRST_YEAR + 1;
  const promotions = Array.from({ length: options.promotions }, (_, index) => {
    const year = FIRST_YEAR + Math.floor((index * years) / options.promotions);
    const firstOfYear = Math.ceil(((year - FIRST_YEAR) * options.promotions) / years);
    const inYear = Math.ceil(((year - FIRST_YEAR + 1) * options.promotions) / years) - firstOfYear;
    const rank = index - firstOfYear;
    const month = 1 + Math.floor((rank * 12) / inYear);
    const startDay = dayOf(`${year}-${String(month).padStart(2, "0")}-01`) + integer(0, 20);
    return { key: `${year}-${rank + 1}`, label: `Promotion ${year}-${rank + 1}`, year, startDay, endDay: startDay };
  });

  const digits = Math.max(5, String(options.challenges).length);
  const challenges: PlannedChallenge[] = Array.from({ length: options.challenges }, (_, index) => {
    const promotion = Math.floor((index * options.promotions) / options.challenges);
    const startDay = promotions[promotion].startDay;
    const durationMonths = integer(6, 12);
    const endDay = addMonthsDay(startDay, durationMonths) - 1;
    promotions[promotion].endDay = Math.max(promotions[promotion].endDay, endDay);
    let draw = random();
    const fate = FATES.find(([, share]) => (draw -= share) < 0)?.[0] ?? "achieved";
    const skills = SKILLS.filter(() => chance(0.35));
    if (skills.length === 0) skills.push(pick(SKILLS));
    const yearsOfHistory = Math.max(0, untilDay - startDay) / 365;
    return {
      slug: `synth-${String(index + 1).padStart(digits, "0")}`,
      title: `${pick(TOOLS)} ${pick(SUBJECTS)}${chance(0.5) ? ` en ${pick(REGIONS)}` : ""}`,
      promotion,
      administration: pick(ADMINISTRATIONS),
      city: chance(0.8) ? pick(CITIES) : null,
      skills,
      durationMonths,
      startDay,
      endDay,
      eigCount: integer(1, 3),
      mentorCount: integer(1, 2),
      fate,
      // A few challenges never report (the dashboard's "non renseigné"); older ones have a
      // longer history. The first always reports, so that any update count can be placed.
      weight: startDay >= untilDay || (index > 0 && chance(0.04)) ? 0 : (0.5 + random()) * (1 + yearsOfHistory / 3),
    };
  });

  // Exactly `updates` rows: proportional shares, then the largest remainders get one more.
  const totalWeight = challenges.reduce((sum, challenge) => sum + challenge.weight, 0);
  if (options.updates > 0 && totalWeight === 0) {
    throw new Error("Aucun défi n'a commencé avant la date de fin : impossible d'y placer des mises à jour.");
  }
  const quotas = challenges.map((challenge) => (totalWeight === 0 ? 0 : (options.updates * challenge.weight) / totalWeight));
  const updateCounts = quotas.map(Math.floor);
  let missing = options.updates - updateCounts.reduce((sum, count) => sum + count, 0);
  const byRemainder = quotas.map((quota, index) => ({ index, rest: quota - Math.floor(quota) })).filter(({ index }) => challenges[index].weight > 0);
  byRemainder.sort((a, b) => b.rest - a.rest || a.index - b.index);
  for (let i = 0; missing > 0; i = (i + 1) % byRemainder.length, missing -= 1) updateCounts[byRemainder[i].index] += 1;

  const timings = { insertMs: 0, derivedMs: 0 };
  const counts: SyntheticCounts = { promotions: 0, challenges: 0, skills: 0, statusUpdates: 0, outcomes: 0, actions: 0, resources: 0 };

  const started = performance.now();
  // One transaction for everything, derived tables included: a failure leaves nothing half done.
  db.transaction(() => {
    // Each insert also runs its table's revision trigger (one UPDATE of data_revision per
    // row). Measured at 10k × 1M: 9.0 s of inserts with them, 7.6 s without; not worth
    // touching the schema for, so they run and the revision counts every row written.
    promotions.forEach((promotion, position) => {
      insertSyntheticPromotion(db, {
        key: promotion.key,
        label: promotion.label,
        year: promotion.year,
        startsOn: iso(promotion.startDay),
        endsOn: iso(promotion.endDay),
        position,
      });
      counts.promotions += 1;
    });

    challenges.forEach((challenge, index) => {
      const id = index + 1;
      const promotion = promotions[challenge.promotion];
      insertSyntheticChallenge(
        db,
        {
          id,
          slug: challenge.slug,
          title: challenge.title,
          promotionKey: promotion.key,
          administration: challenge.administration,
          city: challenge.city,
          year: promotion.year,
          durationMonths: challenge.durationMonths,
          startsOn: iso(challenge.startDay),
          endsOn: iso(challenge.endDay),
          eigCount: challenge.eigCount,
          mentorCount: challenge.mentorCount,
          searchText: toSearchText(`${challenge.title} ${challenge.administration}`),
          // Not the default (now): the same options must give the same rows.
          updatedAt: instant(challenge.startDay),
        },
        challenge.skills,
      );
      counts.challenges += 1;
      counts.skills += challenge.skills.length;

      // Status history: half the updates while the challenge runs, half spread over the years
      // after; each axis drifts towards the level its fate allows, mostly upwards.
      const count = updateCounts[index];
      const runEnd = Math.min(challenge.endDay, untilDay);
      const days = new Array<number>(count);
      for (let i = 0; i < count; i += 1) {
        days[i] = chance(0.5)
          ? challenge.startDay + Math.floor(random() * (runEnd - challenge.startDay + 1))
          : challenge.startDay + Math.floor(random() * (untilDay - challenge.startDay + 1));
      }
      days.sort((a, b) => a - b);
      const targets = AXES.map(() => Math.max(0, Math.min(3, FATE_TARGET[challenge.fate] + (chance(0.25) ? (chance(0.5) ? 1 : -1) : 0))));
      const current = [-1, -1, -1];
      // Horizon over which a level reaches its target: the run and up to two years after.
      const span = Math.max(1, challenge.endDay - challenge.startDay + integer(0, 730));
      const stopDay = challenge.fate === "discontinued" ? challenge.endDay + integer(60, 540) : Infinity;
      for (const day of days) {
        const axis = integer(0, 2);
        const progress = Math.min(1, (day - challenge.startDay) / span);
        let level = Math.round(targets[axis] * progress + (random() - 0.5));
        if (day > stopDay) level = Math.min(level, chance(0.7) ? 0 : 1);
        else if (level < current[axis] && chance(0.85)) level = current[axis];
        level = Math.max(0, Math.min(3, level));
        current[axis] = level;
        insertSyntheticStatusUpdate(db, {
          challengeId: id,
          axis: AXES[axis],
          level,
          note: chance(0.15) ? pick(NOTES) : null,
          asOf: iso(day),
          recordedAt: instant(day),
          authorName: SYNTHETIC_AUTHOR,
        });
      }
      counts.statusUpdates += count;

      // Outcomes: for most challenges that have ended, one to three statements after the end.
      if (challenge.endDay < untilDay && chance(0.7)) {
        let day = challenge.endDay + integer(0, 180);
        const statements = integer(1, 3);
        for (let i = 0; i < statements && day <= untilDay; i += 1, day += integer(90, 400)) {
          const categories = i + 1 < statements && challenge.fate !== "discontinued" ? ["production_after_end"] : pick(FATE_OUTCOMES[challenge.fate]);
          const path = challenge.fate === "discontinued" || chance(0.4) ? null : pick(SUSTAINABILITY_PATHS);
          insertSyntheticOutcome(db, {
            challengeId: id,
            categories: JSON.stringify(categories),
            path,
            note: chance(0.3) ? pick(NOTES) : null,
            asOf: iso(day),
            recordedAt: instant(day),
            authorName: SYNTHETIC_AUTHOR,
          });
          counts.outcomes += 1;
        }
      }

      // Sustainability actions planned during the run; done or dropped once it is over.
      const actions = integer(0, 4);
      for (let i = 0; i < actions; i += 1) {
        const kind = pick(ACTION_KINDS);
        const asOfDay = Math.min(untilDay, challenge.startDay + integer(15, 150));
        const dueDay = challenge.startDay + integer(60, 420);
        const over = challenge.endDay < untilDay;
        const status = over ? (chance(0.75) ? "done" : "dropped") : pick(["planned", "in_progress"]);
        const at = instant(asOfDay);
        insertSyntheticAction(db, {
          challengeId: id,
          kind,
          title: pick(ACTION_TITLES[kind]),
          status,
          dueOn: iso(dueDay),
          asOf: iso(asOfDay),
          authorName: SYNTHETIC_AUTHOR,
          at,
        });
        counts.actions += 1;
      }

      // People kept on the deliverables after the programme, for some of those that live on.
      if (challenge.endDay < untilDay && (challenge.fate === "thriving" || challenge.fate === "achieved") && chance(0.45)) {
        const at = instant(Math.min(untilDay, challenge.endDay + integer(0, 120)));
        insertSyntheticResource(db, {
          challengeId: id,
          peopleKept: integer(1, 3),
          arrangement: pick(["contract_extension", "new_post", "contractor", "other"]),
          timeShare: pick(["full_time", "part_time"]),
          budgetSecured: chance(0.6),
          hosting: pick(HOSTING),
          at,
        });
        counts.resources += 1;
      }
    });

    timings.insertMs = performance.now() - started;
    rebuildDerivedState(db);
    finishSyntheticDataset(db, describeSource(options));
    timings.derivedMs = performance.now() - started - timings.insertMs;
  });
  return { counts, timings };
}

/** What `dataset_info.source` says: enough to generate the same data again. */
export function describeSource(options: SyntheticOptions): string {
  return (
    `${SYNTHETIC_AUTHOR} : graine ${options.seed}, ${options.promotions} promotions, ${options.challenges} défis, ` +
    `${options.updates} mises à jour de statut, jusqu'au ${options.until}`
  );
}
