import { useState } from "react";
import { Link, useParams } from "react-router";
import type { ChallengeDetail } from "@shared/challenge";
import { useChallenge } from "../../../api/challenges";
import { ActionNoticeArea, type ActionNotice } from "../../../components/action-notice";
import { ErrorAlert, Loading } from "../../../components/query-state";
import { useI18n } from "../../../i18n/use-i18n";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { useUpdateChallenge } from "../api/catalogue-writes";
import { challengeBody, ChallengeForm } from "./catalogue-forms";

/** Admin: a challenge's public record and dates, reached from the catalogue page and the challenge page. */
export default function ChallengeEditPage() {
  const { slug = "" } = useParams();
  const { t } = useI18n();
  const challenge = useChallenge(slug);
  // Kept here: the form starts afresh from the saved record (its version), the notice stays.
  const [notice, setNotice] = useState<ActionNotice>();
  useDocumentTitle(t.admin.pageTitle(challenge.data ? t.catalogue.challengeEditTitle(challenge.data.title) : t.catalogue.title));
  return (
    <>
      <p className="fr-mb-2w">
        <Link className="fr-link fr-icon-arrow-left-line fr-link--icon-left" to="/admin/catalogue">
          {t.catalogue.backToCatalogue}
        </Link>
      </p>
      {challenge.isPending && <Loading label={t.catalogue.loading} />}
      {challenge.isError && <ErrorAlert error={challenge.error} />}
      {challenge.data && <EditChallenge key={challenge.data.version} challenge={challenge.data} notice={notice} onNotice={setNotice} />}
    </>
  );
}

function EditChallenge({
  challenge,
  notice,
  onNotice: setNotice,
}: {
  challenge: ChallengeDetail;
  notice: ActionNotice | undefined;
  onNotice: (notice: ActionNotice | undefined) => void;
}) {
  const t = useI18n().t.catalogue;
  const update = useUpdateChallenge();
  return (
    <>
      <h1>{t.challengeEditTitle(challenge.title)}</h1>
      <p>
        <Link to={`/defis/${challenge.slug}`}>{t.backToChallenge}</Link>
      </p>
      <ActionNoticeArea notice={notice} onClose={() => setNotice(undefined)} />
      <ChallengeForm
        heading={(text) => <h2 className="fr-h5 fr-mt-3w">{text}</h2>}
        initial={{
          title: challenge.title,
          administration: challenge.administration,
          administrationWebsite: challenge.administrationWebsite ?? "",
          website: challenge.website ?? "",
          sourceCode: challenge.sourceCode ?? "",
          city: challenge.city ?? "",
          startsOn: challenge.startsOn,
          endsOn: challenge.endsOn,
          datesApproximate: challenge.datesApproximate,
        }}
        submit={t.save}
        pending={update.isPending}
        error={update.error}
        onSubmit={(value) =>
          update.mutate(
            { slug: challenge.slug, changes: challengeBody(value) },
            { onSuccess: () => setNotice({ severity: "success", title: t.challengeSaved }) },
          )
        }
      />
    </>
  );
}
