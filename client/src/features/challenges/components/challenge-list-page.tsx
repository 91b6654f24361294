import Input from "@codegouvfr/react-dsfr/Input";
import Select from "@codegouvfr/react-dsfr/Select";
import { useEffect, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { AXES } from "@shared/domain";
import { AXIS_LABELS, OUTCOME_LABELS } from "@shared/labels-fr";
import { usePromotions } from "../../../api/promotions";
import { LevelBadge } from "../../../components/level-badge";
import { ErrorAlert, Loading } from "../../../components/query-state";
import { countOf } from "../../../lib/format";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { useChallenges } from "../../../api/challenges";

/** The filters live in the URL, so that a filtered list can be shared as a link. */
function useFilters() {
  const [params, setParams] = useSearchParams();
  const promotion = params.get("promotion") ?? undefined;
  const q = params.get("q") ?? undefined;
  const update = (changes: Record<string, string | undefined>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );
  return { promotion, q, update };
}

export default function ChallengeListPage() {
  useDocumentTitle("Défis");
  const { promotion, q, update } = useFilters();
  const [searchText, setSearchText] = useState(q ?? "");
  const promotions = usePromotions();
  const challenges = useChallenges({ promotion, q });

  // Search as the user types, without a request per keystroke.
  useEffect(() => {
    const timer = setTimeout(() => update({ q: searchText.trim() || undefined }), 250);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [searchText]);

  const labelOf = new Map(promotions.data?.map((p) => [p.key, p.label]));

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
            <div className="fr-table fr-table--no-caption">
              <div className="fr-table__wrapper">
                <div className="fr-table__container">
                  <div className="fr-table__content">
                    <table>
                      <caption>Liste des défis avec leur niveau actuel sur chaque axe</caption>
                      <thead>
                        <tr>
                          <th scope="col">Défi</th>
                          <th scope="col">Promotion</th>
                          <th scope="col">Administration d'accueil</th>
                          {AXES.map((axis) => (
                            <th key={axis} scope="col">
                              {AXIS_LABELS[axis]}
                            </th>
                          ))}
                          <th scope="col">Résultat</th>
                        </tr>
                      </thead>
                      <tbody>
                        {challenges.data.map((challenge) => (
                          <tr key={challenge.slug}>
                            <th scope="row">
                              <Link to={`/defis/${challenge.slug}`}>{challenge.title}</Link>
                            </th>
                            <td>{labelOf.get(challenge.promotion) ?? challenge.promotion}</td>
                            <td>{challenge.administration}</td>
                            {AXES.map((axis) => (
                              <td key={axis}>
                                <LevelBadge status={challenge.status[axis]} />
                              </td>
                            ))}
                            <td>
                              {challenge.outcome
                                ? challenge.outcome.categories.map((category) => OUTCOME_LABELS[category]).join(" ; ")
                                : "Non renseigné"}
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                </div>
              </div>
            </div>
          )}
        </>
      )}
    </>
  );
}
