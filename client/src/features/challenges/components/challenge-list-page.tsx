import Input from "@codegouvfr/react-dsfr/Input";
import Select from "@codegouvfr/react-dsfr/Select";
import { useEffect, useState } from "react";
import { useUrlFilters } from "../../../lib/use-url-filters";
import { usePromotions } from "../../../api/promotions";
import { ChallengeStatusTable } from "../../../components/challenge-status-table";
import { ErrorAlert, Loading } from "../../../components/query-state";
import { countOf } from "../../../lib/format";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { useChallenges } from "../../../api/challenges";

export default function ChallengeListPage() {
  useDocumentTitle("Défis");
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
      <h1>Défis</h1>
      <form className="fr-grid-row fr-grid-row--gutters fr-mb-2w" role="search" onSubmit={(event) => event.preventDefault()}>
        <div className="fr-col-12 fr-col-md-4">
          <Select
            label="Promotion"
            nativeSelectProps={{
              value: promotion ?? "",
              onChange: (event) => update({ promotion: event.target.value || undefined }),
            }}
          >
            <option value="">Toutes les promotions</option>
            {promotions.data?.map((p) => (
              <option key={p.key} value={p.key}>
                {p.label} ({p.year})
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-8">
          <Input
            label="Rechercher un défi"
            hintText="Par nom du défi ou administration d'accueil, sans tenir compte des accents"
            nativeInputProps={{
              type: "search",
              value: searchText,
              onChange: (event) => setSearchText(event.target.value),
            }}
          />
        </div>
      </form>

      {challenges.isPending && <Loading label="Chargement des défis…" />}
      {challenges.isError && <ErrorAlert error={challenges.error} />}
      {challenges.data && (
        <>
          <p role="status" aria-live="polite">
            {challenges.data.length === 0
              ? "Aucun défi ne correspond à ces critères."
              : `${countOf(challenges.data.length, "défi")} affiché${challenges.data.length > 1 ? "s" : ""}.`}
          </p>
          {challenges.data.length > 0 && (
            <ChallengeStatusTable
              challenges={challenges.data}
              caption="Liste des défis avec leur niveau actuel sur chaque axe"
            />
          )}
        </>
      )}
    </>
  );
}
