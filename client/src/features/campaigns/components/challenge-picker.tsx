import Button from "@codegouvfr/react-dsfr/Button";
import { useId, useState } from "react";
import { useChallenges } from "../../../api/challenges";
import { usePromotions } from "../../../api/promotions";
import { useI18n } from "../../../i18n/use-i18n";

/**
 * Hand-picked challenges of a campaign form (opening or edit): a select grouped by promotion,
 * an "Ajouter" button and the picked ones as dismissible tags. `exclude` hides challenges
 * that are already in the campaign.
 */
export function ChallengePicker({
  picked,
  onChange,
  hint,
  error,
  exclude,
}: {
  picked: string[];
  onChange: (picked: string[]) => void;
  hint: string;
  error?: string;
  exclude?: ReadonlySet<string>;
}) {
  const { t: { campaigns: { create: t } } } = useI18n();
  const promotions = usePromotions();
  const challenges = useChallenges({});
  const [toAdd, setToAdd] = useState("");
  const id = useId();
  const titleOf = new Map(challenges.data?.map((c) => [c.slug, c.title]));
  return (
    <fieldset className="fr-fieldset" aria-labelledby={`${id}-legend`}>
      <legend className="fr-fieldset__legend" id={`${id}-legend`}>
        {t.pick}
        <span className="fr-hint-text">{hint}</span>
      </legend>
      <div className="fr-fieldset__element campaign-form__pick">
        <div className={`fr-select-group ${error ? "fr-select-group--error" : ""}`}>
          <label className="fr-label" htmlFor={`${id}-select`}>
            {t.pickLabel}
          </label>
          <select
            id={`${id}-select`}
            className="fr-select"
            value={toAdd}
            onChange={(e) => setToAdd(e.target.value)}
            aria-describedby={error ? `${id}-error` : undefined}
          >
            <option value="">{t.pickPlaceholder}</option>
            {promotions.data?.map((promotion) => (
              <optgroup key={promotion.key} label={promotion.label}>
                {challenges.data
                  ?.filter((c) => c.promotion === promotion.key && !picked.includes(c.slug) && !exclude?.has(c.slug))
                  .map((c) => (
                    <option key={c.slug} value={c.slug}>
                      {c.title}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
          {error && (
            <p className="fr-error-text" id={`${id}-error`}>
              {error}
            </p>
          )}
        </div>
        <Button
          type="button"
          priority="secondary"
          iconId="fr-icon-add-line"
          disabled={!toAdd}
          onClick={() => {
            onChange([...picked, toAdd]);
            setToAdd("");
          }}
        >
          {t.add}
        </Button>
      </div>
      {picked.length > 0 && (
        <div className="fr-fieldset__element">
          <p className="fr-text--sm fr-mb-1v">{t.picked}</p>
          <ul className="fr-tags-group" aria-label={t.picked}>
            {picked.map((slug) => (
              <li key={slug}>
                <button
                  type="button"
                  className="fr-tag fr-tag--dismiss"
                  aria-label={`${t.remove} ${titleOf.get(slug) ?? slug}`}
                  onClick={() => onChange(picked.filter((s) => s !== slug))}
                >
                  {titleOf.get(slug) ?? slug}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </fieldset>
  );
}
