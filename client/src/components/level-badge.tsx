import type { AxisStatus } from "@shared/challenge";
import { LEVEL_LABELS, NO_REPORT_LABEL } from "@shared/labels-fr";
import { LEVEL_COLORS, LEVEL_TEXT_COLORS } from "./palette";

/** A level shown by its number and its name, never by colour alone. */
export function LevelBadge({ status }: { status: AxisStatus }) {
  const key = status === null ? "none" : status.level;
  return (
    <span
      className="level-badge"
      style={{ backgroundColor: LEVEL_COLORS[key], color: LEVEL_TEXT_COLORS[key] }}
    >
      {status === null ? NO_REPORT_LABEL : `${status.level} · ${LEVEL_LABELS[status.level]}`}
    </span>
  );
}
