import { LEVELS, OUTCOME_CATEGORIES } from "@shared/domain";
import type { DomainLabels } from "@shared/labels";
import { LEVEL_COLORS, OUTCOME_COLORS } from "../../../components/palette";
import type { Series } from "../../../components/stacked-bar-chart";

export const outcomeSeries = (l: DomainLabels): Series[] => [
  ...OUTCOME_CATEGORIES.map((category) => ({ key: category, label: l.OUTCOME_LABELS[category], color: OUTCOME_COLORS[category] })),
  { key: "none", label: l.NO_OUTCOME_LABEL, color: OUTCOME_COLORS.none },
];

export const levelSeries = (l: DomainLabels): Series[] => [
  ...LEVELS.map((level) => ({ key: String(level), label: `${level} · ${l.LEVEL_LABELS[level]}`, color: LEVEL_COLORS[level] })),
  { key: "none", label: l.NO_REPORT_LABEL, color: LEVEL_COLORS.none },
];

/** One colour and one dash pattern per promotion: lines stay apart without colour. */
const PROMOTION_STYLES = [
  { color: "#000091", dash: "" },
  { color: "#e4794a", dash: "8 4" },
  { color: "#00a95f", dash: "2 3" },
  { color: "#a558a0", dash: "12 4 2 4" },
  { color: "#3a3a3a", dash: "4 4" },
  { color: "#c3992a", dash: "1 6" },
];
export const promotionStyle = (index: number) => PROMOTION_STYLES[index % PROMOTION_STYLES.length];
