import Select from "@codegouvfr/react-dsfr/Select";
import { useUrlFilters } from "../../../lib/use-url-filters";
import type { StatsFilters } from "@shared/stats";
import { useI18n } from "../../../i18n/use-i18n";
import { usePromotions } from "../../../api/promotions";
import { useFacets } from "../api/cohort-queries";
import { DATA_VIEWS } from "@shared/domain";

const FILTER_KEYS = ["promotion", "administration", "skill", "data", "snapshot"] as const;

/** The dashboard's filters live in the URL: a filtered view is a permalink. */
export function useDashboardFilters(): [StatsFilters, (changes: StatsFilters) => void] {
  const [filters, update] = useUrlFilters(FILTER_KEYS);
  // Issue 9: an unknown value in the address counts all data, as the default does.
  const { data: asked, ...others } = filters;
  const data = DATA_VIEWS.find((view) => view === asked && view !== "all");
  return [(data ? { ...others, data } : others) as StatsFilters, update];
}

/** The filters in words, for captions: "Promotion : EIG 2 ; compétence : Design". */
export function useFiltersDescription(filters: StatsFilters): string {
  const { t, l } = useI18n();
  const promotions = usePromotions();
  const parts: string[] = [];
  if (filters.promotion) parts.push(t.dashboard.filters.promotion(promotions.data?.find((p) => p.key === filters.promotion)?.label ?? filters.promotion));
  if (filters.administration) parts.push(t.dashboard.filters.administration(filters.administration));
  if (filters.skill) parts.push(t.dashboard.filters.skillPart(l.SKILL_LABELS[filters.skill] ?? filters.skill));
  return parts.length === 0 ? t.dashboard.filters.none : t.dashboard.filters.some(parts);
}

export function DashboardFilters({ filters, onChange }: { filters: StatsFilters; onChange: (changes: StatsFilters) => void }) {
  const { t, l } = useI18n();
  const promotions = usePromotions();
  const facets = useFacets(filters.snapshot);
  return (
    <form className="fr-grid-row fr-grid-row--gutters fr-mb-2w dashboard-filters" aria-label={t.dashboard.filters.form} onSubmit={(e) => e.preventDefault()}>
      <div className="fr-col-12 fr-col-md-3">
        <Select
          label={t.common.promotion}
          nativeSelectProps={{ value: filters.promotion ?? "", onChange: (event) => onChange({ promotion: event.target.value || undefined }) }}
        >
          <option value="">{t.common.allPromotions}</option>
          {promotions.data?.map((promotion) => (
            <option key={promotion.key} value={promotion.key}>
              {promotion.label}
            </option>
          ))}
        </Select>
      </div>
      <div className="fr-col-12 fr-col-md-6">
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
      <div className="fr-col-12 fr-col-md-3">
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
      <div className="fr-col-12 fr-col-md-6">
        <Select
          label={t.validation.dataSelect}
          hint={t.validation.dataHint}
          nativeSelectProps={{
            value: filters.data ?? "all",
            onChange: (event) => onChange({ data: event.target.value === "all" ? undefined : (event.target.value as StatsFilters["data"]) }),
          }}
        >
          {DATA_VIEWS.map((view) => (
            <option key={view} value={view}>
              {t.validation.dataOptions[view]}
            </option>
          ))}
        </Select>
      </div>
    </form>
  );
}
