import Checkbox from "@codegouvfr/react-dsfr/Checkbox";
import Input from "@codegouvfr/react-dsfr/Input";
import Select from "@codegouvfr/react-dsfr/Select";
import Tag from "@codegouvfr/react-dsfr/Tag";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Link } from "react-router";
import type { ChallengeSummary } from "@shared/challenge";
import { CHALLENGE_SORTS, type ChallengeFilters, type ChallengeSort } from "@shared/challenge-filters";
import { AXES, LEVELS } from "@shared/domain";
import type { User } from "@shared/user";
import { useUrlFilters } from "../../../lib/use-url-filters";
import { usePromotions } from "../../../api/promotions";
import { useCurrentUser } from "../../../api/session";
import { DsfrTable } from "../../../components/dsfr-table";
import { LevelBadge } from "../../../components/level-badge";
import { ErrorAlert, Loading } from "../../../components/query-state";
import { useI18n } from "../../../i18n/use-i18n";
import { apiGet } from "../../../api/http";
import { queryKeys } from "../../../api/query-keys";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { useChallenges } from "../../../api/challenges";
import "./challenge-list.css";

const KEYS = ["promotion", "q", "sort", "order", "production", "transmission", "reliability", "toUpdate", "atRisk", "mentor"] as const;

/** The list of challenges: sorted and filtered by the server, every choice kept in the address. */
export default function ChallengeListPage() {
  const { t: { challenge: { list: t }, common }, f, l } = useI18n();
  useDocumentTitle(t.title);
  const [values, update] = useUrlFilters(KEYS);
  const [searchText, setSearchText] = useState(values.q ?? "");
  const promotions = usePromotions();
  const me = useCurrentUser();
  const isAdmin = me.data?.role === "admin";
  const mentors = useQuery({
    queryKey: queryKeys.users.forListFilter,
    queryFn: () => apiGet<User[]>("/users"),
    enabled: isAdmin,
    select: (users) => users.filter((user) => user.role === "mentor"),
  });
  const sort = CHALLENGE_SORTS.includes(values.sort as ChallengeSort) ? (values.sort as ChallengeSort) : undefined;
  const order = values.order === "desc" ? "desc" : "asc";
  const filters = Object.fromEntries(Object.entries({ ...values, mentor: isAdmin ? values.mentor : undefined }).filter(([, value]) => value)) as ChallengeFilters;
  const challenges = useChallenges(filters);
  const labelOf = new Map(promotions.data?.map((p) => [p.key, p.label]));

  // Search as the user types, without a request per keystroke.
  useEffect(() => {
    const timer = setTimeout(() => update({ q: searchText.trim() || undefined }), 250);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [searchText]);

  const levelOptions = (
    <>
      <option value="">{t.anyLevel}</option>
      {LEVELS.map((level) => (
        <option key={level} value={String(level)}>
          {level} · {l.LEVEL_LABELS[level]}
        </option>
      ))}
      <option value="none">{t.notReported}</option>
    </>
  );

  /**
   * A column header that sorts by it: ascending first, then descending. A plain function, not a
   * component declared in render, so its button is not remounted (and focus lost) on each render.
   */
  const sortHeader = (column: ChallengeSort, label: string) => {
    const active = sort === column;
    const next = active && order === "asc" ? "desc" : "asc";
    return (
      <th key={column} scope="col" aria-sort={active ? (order === "asc" ? "ascending" : "descending") : "none"}>
        <button type="button" className="sort-button" title={t.sortBy(label, next)} onClick={() => update({ sort: column, order: next === "desc" ? "desc" : undefined })}>
          {label}
          <span aria-hidden="true" className="sort-button__icon">
            {active ? (order === "asc" ? "▲" : "▼") : "↕"}
          </span>
        </button>
      </th>
    );
  };

  return (
    <>
      <h1>{t.title}</h1>
      <form className="fr-grid-row fr-grid-row--gutters fr-mb-2w" role="search" onSubmit={(event) => event.preventDefault()}>
        <div className="fr-col-12 fr-col-md-4">
          <Select
            label={common.promotion}
            nativeSelectProps={{ value: values.promotion ?? "", onChange: (event) => update({ promotion: event.target.value || undefined }) }}
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
            nativeInputProps={{ type: "search", value: searchText, onChange: (event) => setSearchText(event.target.value) }}
          />
        </div>
        {AXES.map((axis) => (
          <div key={axis} className="fr-col-12 fr-col-sm-4 fr-col-md-3">
            <Select label={l.AXIS_LABELS[axis]} nativeSelectProps={{ value: values[axis] ?? "", onChange: (event) => update({ [axis]: event.target.value || undefined }) }}>
              {levelOptions}
            </Select>
          </div>
        ))}
        {isAdmin && (
          <div className="fr-col-12 fr-col-md-3">
            <Select label={t.mentor} nativeSelectProps={{ value: values.mentor ?? "", onChange: (event) => update({ mentor: event.target.value || undefined }) }}>
              <option value="">{t.anyMentor}</option>
              {mentors.data?.map((mentor) => (
                <option key={mentor.id} value={String(mentor.id)}>
                  {mentor.name}
                </option>
              ))}
            </Select>
          </div>
        )}
        <div className="fr-col-12">
          <Checkbox
            legend={t.only}
            orientation="horizontal"
            small
            options={[
              {
                label: t.toUpdate,
                hintText: t.toUpdateHint,
                nativeInputProps: { checked: values.toUpdate === "true", onChange: (event) => update({ toUpdate: event.target.checked ? "true" : undefined }) },
              },
              {
                label: t.atRisk,
                hintText: t.atRiskHint,
                nativeInputProps: { checked: values.atRisk === "true", onChange: (event) => update({ atRisk: event.target.checked ? "true" : undefined }) },
              },
            ]}
          />
        </div>
      </form>

      {challenges.isPending && <Loading label={t.loading} />}
      {challenges.isError && <ErrorAlert error={challenges.error} />}
      {challenges.data && (
        <>
          <p role="status" aria-live="polite">
            {challenges.data.length === 0 ? t.none : t.shown(f.count(challenges.data.length, common.challenge), challenges.data.length)}
          </p>
          {challenges.data.length > 0 && (
            <DsfrTable caption={t.caption} scrollLabel={t.caption} className="challenge-list">
              <thead>
                <tr>
                  {sortHeader("name", common.challengeHeader)}
                  {sortHeader("promotion", common.promotion)}
                  {AXES.map((axis) => sortHeader(axis, l.AXIS_LABELS[axis]))}
                  {sortHeader("lastReport", t.lastReport)}
                  <th scope="col">{common.outcome}</th>
                </tr>
              </thead>
              <tbody>
                {challenges.data.map((challenge) => (
                  <Row key={challenge.slug} challenge={challenge} promotion={labelOf.get(challenge.promotion) ?? challenge.promotion} />
                ))}
              </tbody>
            </DsfrTable>
          )}
        </>
      )}
    </>
  );
}

function Row({ challenge, promotion }: { challenge: ChallengeSummary; promotion: string }) {
  const { t: { challenge: { list: t }, common }, f, l } = useI18n();
  return (
    <tr>
      <th scope="row">
        <Link to={`/defis/${challenge.slug}`}>{challenge.title}</Link>
        <span className="challenge-list__administration">{challenge.administration}</span>
      </th>
      <td>{promotion}</td>
      {AXES.map((axis) => (
        <td key={axis}>
          <LevelBadge status={challenge.status[axis]} />
        </td>
      ))}
      <td>
        {challenge.lastReportAt ? f.date(challenge.lastReportAt.slice(0, 10)) : t.never}
        {challenge.stale && (
          <>
            {" "}
            <Tag small as="span">
              {t.toUpdate}
            </Tag>
          </>
        )}
      </td>
      <td>{challenge.outcome ? challenge.outcome.categories.map((category) => l.OUTCOME_LABELS[category]).join(" ; ") : common.notReported}</td>
    </tr>
  );
}
