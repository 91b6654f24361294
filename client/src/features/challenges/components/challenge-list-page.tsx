import Input from "@codegouvfr/react-dsfr/Input";
import Select from "@codegouvfr/react-dsfr/Select";
import { useEffect, useState } from "react";
import { useUrlFilters } from "../../../lib/use-url-filters";
import { usePromotions } from "../../../api/promotions";
import { ChallengeStatusTable } from "../../../components/challenge-status-table";
import { ErrorAlert, Loading } from "../../../components/query-state";
import { useI18n } from "../../../i18n/use-i18n";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { useChallenges } from "../../../api/challenges";

export default function ChallengeListPage() {
  const { t: { challenge: { list: t }, common }, f } = useI18n();
  useDocumentTitle(t.title);
  const [{ promotion, q }, update] = useUrlFilters(["promotion", "q"] as const);
  const [searchText, setSearchText] = useState(q ?? "");
  const promotions = usePromotions();
  const challenges = useChallenges({ promotion, q });

  // Search as the user types, without a request per keystroke.
  useEffect(() => {
    const timer = setTimeout(() => update({ q: searchText.trim() || undefined }), 250);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [searchText]);


  return (
    <>
      <h1>{t.title}</h1>
      <form className="fr-grid-row fr-grid-row--gutters fr-mb-2w" role="search" onSubmit={(event) => event.preventDefault()}>
        <div className="fr-col-12 fr-col-md-4">
          <Select
            label={common.promotion}
            nativeSelectProps={{
              value: promotion ?? "",
              onChange: (event) => update({ promotion: event.target.value || undefined }),
            }}
          >
            <option value="">{common.allPromotions}</option>
            {promotions.data?.map((p) => (
              <option key={p.key} value={p.key}>
                {p.label} ({p.year})
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-8">
          <Input
            label={t.search}
            hintText={t.searchHint}
            nativeInputProps={{
              type: "search",
              value: searchText,
              onChange: (event) => setSearchText(event.target.value),
            }}
          />
        </div>
      </form>

      {challenges.isPending && <Loading label={t.loading} />}
      {challenges.isError && <ErrorAlert error={challenges.error} />}
      {challenges.data && (
        <>
          <p role="status" aria-live="polite">
            {challenges.data.length === 0
              ? t.none
              : t.shown(f.count(challenges.data.length, common.challenge), challenges.data.length)}
          </p>
          {challenges.data.length > 0 && (
            <ChallengeStatusTable
              challenges={challenges.data}
              caption={t.caption}
            />
          )}
        </>
      )}
    </>
  );
}
