import Button from "@codegouvfr/react-dsfr/Button";
import { useId, useState } from "react";
import type { ChallengeSummary } from "@shared/challenge";
import { useChallenges } from "../api/challenges";
import { usePromotions } from "../api/promotions";
import { useI18n } from "../i18n/use-i18n";
import "./challenge-picker.css";

/**
 * Names challenges by slug: the title, with its promotion when another challenge has the same
 * title (each promotion has its own "EIG Link").
 */
export function useChallengeNames(): (slug: string) => string {
  const challenges = useChallenges({});
  const promotions = usePromotions();
  const list = challenges.data ?? [];
  const bySlug = new Map(list.map((challenge) => [challenge.slug, challenge]));
  const titleCount = new Map<string, number>();
  for (const challenge of list) titleCount.set(challenge.title, (titleCount.get(challenge.title) ?? 0) + 1);
  const promotionLabel = new Map(promotions.data?.map((promotion) => [promotion.key, promotion.label]));
  return (slug) => {
    const challenge = bySlug.get(slug);
    if (!challenge) return slug;
    return (titleCount.get(challenge.title) ?? 0) > 1 ? `${challenge.title} (${promotionLabel.get(challenge.promotion) ?? challenge.promotion})` : challenge.title;
  };
}

/**
 * Picks challenges by name: a promotion narrows the list, a challenge is added, the picked
 * ones are shown as removable DSFR tags. `value` holds slugs, in the order they were picked.
 */
export function ChallengePicker({
  legend,
  hint,
  value,
  onChange,
  error,
  exclude,
}: {
  legend: string;
  hint?: string;
  value: string[];
  onChange: (slugs: string[]) => void;
  /** The server's refusal for this field, shown under the challenge select. */
  error?: string;
  /** Challenges not to offer (those already in a campaign being edited). */
  exclude?: ReadonlySet<string>;
}) {
  const t = useI18n().t.challengePicker;
  const id = useId();
  const promotions = usePromotions();
  const challenges = useChallenges({});
  const [promotion, setPromotion] = useState("");
  const [toAdd, setToAdd] = useState("");
  const nameOf = useChallengeNames();
  const available = (key: string) =>
    (challenges.data ?? []).filter((challenge) => challenge.promotion === key && !value.includes(challenge.slug) && !exclude?.has(challenge.slug));
  const promotionLabel = new Map(promotions.data?.map((item) => [item.key, item.label]));
  // The promotion beside every name: a closed select shows the option alone, without its
  // group, and several promotions have a challenge of the same name ("EIG Link").
  const option = (challenge: ChallengeSummary) => (
    <option key={challenge.slug} value={challenge.slug}>
      {challenge.title} ({promotionLabel.get(challenge.promotion) ?? challenge.promotion})
    </option>
  );
  const add = () => {
    if (toAdd && !value.includes(toAdd)) onChange([...value, toAdd]);
    setToAdd("");
  };

  return (
    <fieldset className={`fr-fieldset ${error ? "fr-fieldset--error" : ""}`} aria-labelledby={`${id}-legend`}>
      <legend className="fr-fieldset__legend" id={`${id}-legend`}>
        {legend}
        {hint && <span className="fr-hint-text">{hint}</span>}
      </legend>
      <div className="fr-fieldset__element challenge-picker__row">
        <div className="fr-select-group challenge-picker__promotion">
          <label className="fr-label" htmlFor={`${id}-promotion`}>
            {t.promotion}
          </label>
          <select
            id={`${id}-promotion`}
            className="fr-select"
            value={promotion}
            onChange={(event) => {
              setPromotion(event.target.value);
              setToAdd("");
            }}
          >
            <option value="">{t.allPromotions}</option>
            {promotions.data?.map((item) => (
              <option key={item.key} value={item.key}>
                {item.label}
              </option>
            ))}
          </select>
        </div>
        <div className={`fr-select-group challenge-picker__challenge ${error ? "fr-select-group--error" : ""}`}>
          <label className="fr-label" htmlFor={`${id}-challenge`}>
            {t.challenge}
          </label>
          <select
            id={`${id}-challenge`}
            className={`fr-select ${error ? "fr-select--error" : ""}`}
            value={toAdd}
            onChange={(event) => setToAdd(event.target.value)}
            aria-describedby={error ? `${id}-error` : undefined}
          >
            <option value="">{t.placeholder}</option>
            {promotion
              ? available(promotion).map(option)
              : promotions.data?.map((item) => (
                  <optgroup key={item.key} label={item.label}>
                    {available(item.key).map(option)}
                  </optgroup>
                ))}
          </select>
          {error && (
            <p className="fr-error-text" id={`${id}-error`}>
              {error}
            </p>
          )}
        </div>
        <Button type="button" priority="secondary" iconId="fr-icon-add-line" disabled={!toAdd} onClick={add}>
          {t.add}
        </Button>
      </div>
      {value.length > 0 && (
        <div className="fr-fieldset__element">
          <p className="fr-text--sm fr-mb-1v">{t.picked}</p>
          <ul className="fr-tags-group" aria-label={t.picked}>
            {value.map((slug) => (
              <li key={slug}>
                <button
                  type="button"
                  className="fr-tag fr-tag--dismiss"
                  aria-label={`${t.remove} ${nameOf(slug)}`}
                  onClick={() => onChange(value.filter((picked) => picked !== slug))}
                >
                  {nameOf(slug)}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </fieldset>
  );
}
