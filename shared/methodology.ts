// The methodology a figure was computed with: the level definitions, the outcome
// categories and the at-risk rule in force. Snapshots store it and captions cite it, so that a reader can tell
// whether two figures were measured with the same yardstick.
import { AXES, LEVELS, OUTCOME_CATEGORIES } from "./domain";
import { LEVEL_DEFINITIONS, LEVEL_LABELS, OUTCOME_LABELS } from "./labels-fr";
import { AT_RISK_RULE } from "./stats";

/**
 * Bump when the meaning of a level, a category or the at-risk rule changes on purpose (not a
 * typo fix). 2: "at risk" needs a programme ended and at least one report; a challenge that
 * never reported is counted apart; stale means 6 months without a report, no longer 90 days.
 */
const METHODOLOGY_EDITION = 2;

/** FNV-1a (32 bits): a short, stable fingerprint, the same in the browser and on the server. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

/** The definitions a snapshot's figures depend on, in a fixed order. */
const METHODOLOGY_CONTENT = JSON.stringify({
  axes: AXES,
  levels: LEVELS.map((level) => [level, LEVEL_LABELS[level]]),
  definitions: AXES.map((axis) => LEVELS.map((level) => LEVEL_DEFINITIONS[axis][level])),
  outcomeCategories: OUTCOME_CATEGORIES.map((category) => [category, OUTCOME_LABELS[category]]),
  atRisk: AT_RISK_RULE,
});

/** e.g. "1.3f2a9c1e": the edition, then a fingerprint of the definitions themselves. */
export const METHODOLOGY_VERSION = `${METHODOLOGY_EDITION}.${fingerprint(METHODOLOGY_CONTENT)}`;
