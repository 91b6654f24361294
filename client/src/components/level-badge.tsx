import type { AxisStatus } from "@shared/challenge";
import { useI18n } from "../i18n/use-i18n";
import { LEVEL_COLORS, LEVEL_TEXT_COLORS } from "./palette";

/** A level shown by its number and its name, never by colour alone. */
export function LevelBadge({ status }: { status: AxisStatus }) {
  const { l } = useI18n();
  const key = status === null ? "none" : status.level;
  return (
    <span
      className="level-badge"
      style={{ backgroundColor: LEVEL_COLORS[key], color: LEVEL_TEXT_COLORS[key] }}
    >
      {status === null ? l.NO_REPORT_LABEL : `${status.level} · ${l.LEVEL_LABELS[status.level]}`}
    </span>
  );
}
