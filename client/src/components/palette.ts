import type { Level, OutcomeCategory } from "@shared/domain";

// Colours of the DSFR palette. Levels are ordinal, so they run from light to dark in one hue
// (readable whatever the colour vision); "no report" is a neutral grey apart from that scale.
export const LEVEL_COLORS: Record<Level | "none", string> = {
  none: "#d5d5d5", // grey-850
  0: "#e3e3fd", // blue-france-925
  1: "#8585f6", // blue-france-625
  2: "#3a3ad6", // on the blue-france scale, between 525 and 113
  3: "#000091", // blue-france-sun-113
};

/** Text drawn over a level's colour keeps a 4.5:1 contrast. */
export const LEVEL_TEXT_COLORS: Record<Level | "none", string> = {
  none: "#161616",
  0: "#161616",
  1: "#161616",
  2: "#ffffff",
  3: "#ffffff",
};

// Outcome categories are nominal: distinct DSFR illustration colours, also told apart by
// their order in the stack, the legend and the table transcription.
export const OUTCOME_COLORS: Record<OutcomeCategory | "none", string> = {
  maintained: "#00a95f", // green-emeraude
  evolving_in_production: "#465f9d", // blue-ecume
  production_after_end: "#c3992a", // yellow-tournesol (sun)
  beyond_initial_scope: "#a558a0", // purple-glycine
  components_reused: "#e4794a", // orange-terre-battue
  discontinued: "#3a3a3a", // grey-200
  none: "#d5d5d5", // grey-850
};
