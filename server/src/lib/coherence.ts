// What a challenge's record says that does not hang together. Shown to mentors and the
// programme team as warnings; never blocking.
import type { ChallengeStatus, ChecklistItem, MyChallenge, OutcomeEntry, Resource } from "@shared/challenge";
import { AXES } from "@shared/domain";
import { daysBetween, parisDate, STALE_AFTER_DAYS } from "@shared/dates";
import type { Warning } from "@shared/writes";

export function isStale(lastReportAt: string | null, now = new Date()): boolean {
  if (lastReportAt === null) return true;
  return daysBetween(parisDate(new Date(lastReportAt)), parisDate(now)) > STALE_AFTER_DAYS;
}

export function coherenceWarnings(record: {
  status: ChallengeStatus;
  outcome: Pick<OutcomeEntry, "categories"> | null;
  resources: Pick<Resource, "budgetSecured" | "hosting">[];
  checklist: Pick<ChecklistItem, "done">[];
}): Warning[] {
  const warnings: Warning[] = [];
  const hasMeans = record.resources.some((resource) => resource.budgetSecured || (resource.hosting ?? "") !== "");
  if (record.status.production?.level === 3 && !hasMeans) {
    warnings.push({
      code: "production_secured_without_means",
      message: "Mise en production « Pérennisée » sans hébergement ni budget enregistrés dans les ressources après le programme.",
    });
  }
  if (record.outcome?.categories.includes("discontinued") && AXES.some((axis) => record.status[axis]?.level === 3)) {
    warnings.push({
      code: "discontinued_but_secured",
      message: "Le défi est déclaré « Arrêté » alors qu'un axe est au niveau 3 « Pérennisé ».",
    });
  }
  if ((record.status.transmission?.level ?? 0) >= 2 && !record.checklist.some((item) => item.done)) {
    warnings.push({
      code: "transmission_without_handover",
      message: "Transmission au niveau 2 ou plus, mais aucun élément de la liste de passation n'est coché.",
    });
  }
  return warnings;
}

/** What "Mes défis" lists as missing: unreported axes, no outcome, an empty handover checklist. */
export function missingItems(record: {
  status: ChallengeStatus;
  outcome: unknown;
  checklist: Pick<ChecklistItem, "done">[];
}): MyChallenge["missing"] {
  const missing: MyChallenge["missing"] = AXES.filter((axis) => record.status[axis] === null);
  if (record.outcome === null) missing.push("outcome");
  if (!record.checklist.some((item) => item.done)) missing.push("checklist");
  return missing;
}
