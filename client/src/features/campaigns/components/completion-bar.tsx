import { useI18n } from "../../../i18n/use-i18n";

/** "3 sur 16 (19 %)" with a bar: the figures are the information, the bar only shows it at a glance. */
export function CompletionBar({ answered, total }: { answered: number; total: number }) {
  const { t: { campaigns: tc }, f } = useI18n();
  const share = total === 0 ? 0 : answered / total;
  return (
    <span className="completion">
      <span className="completion__bar" aria-hidden="true">
        <span className="completion__fill" style={{ width: `${Math.round(share * 100)}%` }} />
      </span>
      <span className="completion__text">{tc.answeredOf(f.integer(answered), f.integer(total), f.percent(share))}</span>
    </span>
  );
}
