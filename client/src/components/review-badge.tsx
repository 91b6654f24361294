import Badge from "@codegouvfr/react-dsfr/Badge";
import type { EntryReview } from "@shared/review";
import { useI18n } from "../i18n/use-i18n";

const SEVERITY = { declared: "info", validated: "success", sent_back: "warning" } as const;

/** "Déclaré", "Validé" or "Renvoyé" (docs/levels.md, « Review »): where a mentor's declaration stands. */
export function ReviewBadge({ validation }: { validation: EntryReview }) {
  const { l } = useI18n();
  const label = l.VALIDATION_STATE_LABELS[validation.state];
  return (
    <Badge
      as="span"
      small
      severity={SEVERITY[validation.state]}
      className="validation-badge"
    >
      {label}
    </Badge>
  );
}

/** The admin's comment on a declaration sent back, for the mentor to read. */
export function ReviewComment({ validation }: { validation: EntryReview }) {
  const { t: { review: t }, f } = useI18n();
  if (!validation.comment || validation.state !== "sent_back") return null;
  return (
    <div className="fr-callout fr-callout--orange-terre-battue fr-py-2w fr-px-3w fr-mb-1w validation-comment">
      <p className="fr-text--sm fr-text--bold fr-mb-1v">
        {t.commentOf(validation.decidedBy ?? "", validation.decidedAt ? f.instant(validation.decidedAt) : "")}
      </p>
      <p className="fr-text--sm fr-mb-0">{validation.comment}</p>
    </div>
  );
}

/**
 * Where the level in force of an axis stands (declared, validated, sent back), and, when it was
 * sent back, the reviewer's reason underneath: the mentor sees it wherever the level shows.
 */
export function AxisReview({ validation }: { validation: EntryReview | null | undefined }) {
  const { t: { review: t } } = useI18n();
  if (!validation) return null;
  return (
    <>
      <ReviewBadge validation={validation} />
      {validation.state === "sent_back" && validation.comment && (
        <span className="fr-text--xs validation-reason">{t.sentBackReason(validation.comment)}</span>
      )}
    </>
  );
}
