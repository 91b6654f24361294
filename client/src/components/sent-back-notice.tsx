import Alert from "@codegouvfr/react-dsfr/Alert";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { Link } from "react-router";
import { queryKeys } from "../api/query-keys";
import { useMySentBack } from "../api/review";
import { useI18n } from "../i18n/use-i18n";

/** "Mes défis": the declarations the programme team sent back, with its comment (docs/levels.md, « Review »). */
export function SentBackNotice() {
  const { t: { review: t, common }, l, f } = useI18n();
  const sentBack = useMySentBack();
  const queryClient = useQueryClient();
  // A challenge page read before the decision would show the entry as still declared: the
  // notice knows better, so those pages are read again when opened.
  useEffect(() => {
    for (const entry of sentBack.data ?? []) {
      void queryClient.invalidateQueries({ queryKey: queryKeys.challenges.detail(entry.challenge.slug) });
    }
  }, [sentBack.data, queryClient]);
  if (!sentBack.data || sentBack.data.length === 0) return null;
  return (
    <Alert
      severity="warning"
      title={t.noticeTitle(sentBack.data.length)}
      className="fr-mb-4w sent-back-notice"
      description={
        <>
          <p>{t.noticeIntro}</p>
          <ul className="fr-mb-0">
            {sentBack.data.map((entry) => {
              const what =
                entry.kind === "outcome"
                  ? `${t.outcome}${common.colon}${(entry.categories ?? []).map((category) => l.OUTCOME_LABELS[category]).join(common.listSeparator)}`
                  : `${entry.axis ? l.AXIS_LABELS[entry.axis] : ""}${common.colon}${entry.level} · ${entry.level === null ? "" : l.LEVEL_LABELS[entry.level]}`;
              return (
                <li key={`${entry.kind}-${entry.id}`}>
                  <Link to={`/defis/${entry.challenge.slug}${entry.kind === "status_update" ? `#mise-a-jour-${entry.id}` : ""}`}>
                    {t.noticeItem(entry.challenge.title, what)}
                  </Link>{" "}
                  ({f.date(entry.asOf)})
                  {entry.validation.comment && (
                    <p className="fr-text--sm fr-mb-1w">
                      {t.commentOf(entry.validation.decidedBy ?? "", entry.validation.decidedAt ? f.instant(entry.validation.decidedAt) : "")}
                      {common.colon}
                      {entry.validation.comment}
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      }
    />
  );
}
