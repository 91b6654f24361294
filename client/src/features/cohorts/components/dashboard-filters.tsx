import Checkbox from "@codegouvfr/react-dsfr/Checkbox";
import Select from "@codegouvfr/react-dsfr/Select";
import { useSearchParams } from "react-router";
import { useUrlFilters } from "../../../lib/use-url-filters";
import { promotionKeys, type StatsFilters } from "@shared/stats";
import { useI18n } from "../../../i18n/use-i18n";
import { usePromotions } from "../../../api/promotions";
import { useFacets } from "../api/cohort-queries";
import { DATA_VIEWS } from "@shared/domain";

const FILTER_KEYS = ["promotion", "administration", "skill", "data", "snapshot"] as const;

/** The promotions followed the longest: shown when the address chooses none. */
const DEFAULT_PROMOTIONS = ["1", "2", "3"];
/** `?promotion=all`: every promotion, chosen on purpose. */
const ALL_PROMOTIONS = "all";

/**
 * The dashboard's filters live in the URL: a filtered view is a permalink. Several promotions
 * read as `?promotion=1,2` or `?promotion=1&promotion=2`; none means EIG 1–3 (`preselected`),
 * `all` means every promotion. The filters returned are those the API takes.
 */
export function useDashboardFilters(): [StatsFilters, (changes: StatsFilters) => void, { preselected: boolean }] {
  const [filters, update] = useUrlFilters(FILTER_KEYS);
  const [params] = useSearchParams();
  const promotions = usePromotions();
  // An unknown data view in the address counts all data, as the default does (docs/methodology.md).
  const { data: asked, promotion: _first, ...others } = filters;
  const data = DATA_VIEWS.find((view) => view === asked && view !== "all");
  const chosen = params.getAll("promotion").join(",");
  const preselected = chosen === "";
  let promotion: string | undefined;
  if (preselected) {
    // Only those the database has (a synthetic one names its promotions otherwise): none, all.
    const known = DEFAULT_PROMOTIONS.filter((key) => promotions.data?.some((p) => p.key === key) ?? true);
    promotion = known.length > 0 ? known.join(",") : undefined;
  } else if (chosen !== ALL_PROMOTIONS) {
    promotion = promotionKeys(chosen)?.join(",");
  }
  const result = { ...others, ...(promotion ? { promotion } : {}), ...(data ? { data } : {}) } as StatsFilters;
  return [result, update, { preselected }];
}

/** The filters in words, for captions: "Promotion : EIG 2 ; compétence : Design". */
export function useFiltersDescription(filters: StatsFilters): string {
  const { t, l } = useI18n();
  const promotions = usePromotions();
  const parts: string[] = [];
  const keys = promotionKeys(filters.promotion);
  if (keys) parts.push(t.dashboard.filters.promotion(keys.map((key) => promotions.data?.find((p) => p.key === key)?.label ?? key).join(", ")));
  if (filters.administration) parts.push(t.dashboard.filters.administration(filters.administration));
  if (filters.skill) parts.push(t.dashboard.filters.skillPart(l.SKILL_LABELS[filters.skill] ?? filters.skill));
  return parts.length === 0 ? t.dashboard.filters.none : t.dashboard.filters.some(parts);
}

export function DashboardFilters({ filters, onChange }: { filters: StatsFilters; onChange: (changes: StatsFilters) => void }) {
  const { t, l } = useI18n();
  const facets = useFacets(filters.snapshot);
  return (
    <form className="fr-grid-row fr-grid-row--gutters fr-mb-2w dashboard-filters" aria-label={t.dashboard.filters.form} onSubmit={(e) => e.preventDefault()}>
      <div className="fr-col-12 fr-col-md-4">
        <Select
          label={t.common.hostAdministration}
          nativeSelectProps={{
            value: filters.administration ?? "",
            onChange: (event) => onChange({ administration: event.target.value || undefined }),
          }}
        >
          <option value="">{t.dashboard.filters.allAdministrations}</option>
          {facets.data?.administrations.map((administration) => (
            <option key={administration.name} value={administration.name}>
              {administration.name} ({administration.count})
            </option>
          ))}
        </Select>
      </div>
      <div className="fr-col-12 fr-col-md-4">
        <Select
          label={t.dashboard.filters.skill}
          nativeSelectProps={{ value: filters.skill ?? "", onChange: (event) => onChange({ skill: event.target.value || undefined }) }}
        >
          <option value="">{t.dashboard.filters.allSkills}</option>
          {facets.data?.skills.map((skill) => (
            <option key={skill.key} value={skill.key}>
              {l.SKILL_LABELS[skill.key] ?? skill.key} ({skill.count})
            </option>
          ))}
        </Select>
      </div>
      <div className="fr-col-12 fr-col-md-4">
        <Select
          label={t.review.dataSelect}
          hint={t.review.dataHint}
          nativeSelectProps={{
            value: filters.data ?? "all",
            onChange: (event) => onChange({ data: event.target.value === "all" ? undefined : (event.target.value as StatsFilters["data"]) }),
          }}
        >
          {DATA_VIEWS.map((view) => (
            <option key={view} value={view}>
              {t.review.dataOptions[view]}
            </option>
          ))}
        </Select>
      </div>
    </form>
  );
}

/**
 * The promotions to compare, as checkboxes: one click per promotion, the choice kept in the
 * address as a comma list. Unticking the last one comes back to every promotion.
 */
export function PromotionPicker({ filters, onChange }: { filters: StatsFilters; onChange: (changes: StatsFilters) => void }) {
  const { t } = useI18n();
  const promotions = usePromotions();
  const selected = promotionKeys(filters.promotion) ?? promotions.data?.map((p) => p.key) ?? [];
  const toggle = (key: string, checked: boolean) => {
    const order = promotions.data?.map((p) => p.key) ?? [];
    const next = order.filter((k) => (k === key ? checked : selected.includes(k)));
    onChange({ promotion: next.length === 0 || next.length === order.length ? ALL_PROMOTIONS : next.join(",") });
  };
  return (
    <Checkbox
      className="headline-promotions"
      legend={t.dashboard.headline.promotions}
      hintText={t.dashboard.headline.promotionsHint}
      orientation="horizontal"
      small
      options={(promotions.data ?? []).map((promotion) => ({
        label: promotion.label,
        nativeInputProps: {
          name: "promotion",
          value: promotion.key,
          checked: selected.includes(promotion.key),
          onChange: (event) => toggle(promotion.key, event.target.checked),
        },
      }))}
    />
  );
}
