import Alert from "@codegouvfr/react-dsfr/Alert";
import Button from "@codegouvfr/react-dsfr/Button";
import Checkbox from "@codegouvfr/react-dsfr/Checkbox";
import Select from "@codegouvfr/react-dsfr/Select";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import type { ChallengeSummary } from "@shared/challenge";
import type { User } from "@shared/user";
import { useChallenges } from "../../../api/challenges";
import { usePromotions } from "../../../api/promotions";
import { ErrorAlert, Loading } from "../../../components/query-state";
import { useI18n } from "../../../i18n/use-i18n";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { useAssignMentors, useUsers } from "../api/admin-queries";

export default function MentorsPage() {
  const { t: { admin: t, common } } = useI18n();
  useDocumentTitle(t.pageTitle(t.sections.mentors));
  const [params, setParams] = useSearchParams();
  const promotion = params.get("promotion") ?? undefined;
  const promotions = usePromotions();
  const challenges = useChallenges({ promotion });
  const users = useUsers();
  const [editing, setEditing] = useState<string>();
  const [saved, setSaved] = useState<string>();

  const mentors = users.data?.filter((user) => user.role === "mentor" && user.isActive) ?? [];

  return (
    <>
      <h1>{t.sections.mentors}</h1>
      <p>{t.mentors.intro}</p>
      <Select
        label={common.promotion}
        className="fr-mb-3w"
        nativeSelectProps={{
          value: promotion ?? "",
          onChange: (event) => setParams(event.target.value ? { promotion: event.target.value } : {}, { replace: true }),
        }}
      >
        <option value="">{common.allPromotions}</option>
        {promotions.data?.map((p) => (
          <option key={p.key} value={p.key}>
            {p.label}
          </option>
        ))}
      </Select>
      <div aria-live="polite">{saved && <Alert severity="success" small description={saved} className="fr-mb-2w" />}</div>
      {(challenges.isPending || users.isPending) && <Loading />}
      {challenges.isError && <ErrorAlert error={challenges.error} />}
      {users.isError && <ErrorAlert error={users.error} />}
      {challenges.data && users.data && mentors.length === 0 && (
        <Alert
          severity="info"
          small
          description={t.mentors.noMentor}
          className="fr-mb-2w"
        />
      )}
      {challenges.data && users.data && (
        <ul className="mentor-assignments">
          {challenges.data.map((challenge) => (
            <li key={challenge.slug} className="fr-py-2w">
              <ChallengeMentors
                challenge={challenge}
                users={users.data}
                mentors={mentors}
                isEditing={editing === challenge.slug}
                onEdit={() => {
                  setSaved(undefined);
                  setEditing(challenge.slug);
                }}
                onDone={(message) => {
                  setEditing(undefined);
                  if (message) setSaved(message);
                }}
              />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

interface ChallengeMentorsProps {
  challenge: ChallengeSummary;
  users: User[];
  mentors: User[];
  isEditing: boolean;
  onEdit: () => void;
  onDone: (message?: string) => void;
}

function ChallengeMentors({ challenge, users, mentors, isEditing, onEdit, onDone }: ChallengeMentorsProps) {
  const { t: { admin: { mentors: t }, edit: { form } } } = useI18n();
  const assigned = users.filter((user) => user.challenges.some((c) => c.slug === challenge.slug));
  const [selected, setSelected] = useState<number[]>([]);
  const assign = useAssignMentors();

  return (
    <div>
      <div className="mentor-assignments__row">
        <div>
          <Link to={`/defis/${challenge.slug}`}>
            <strong>{challenge.title}</strong>
          </Link>
          <span className="fr-text--sm"> — {challenge.administration}</span>
          <p className="fr-text--sm fr-mb-0">
            {assigned.length === 0 ? t.none : t.list(assigned.map((user) => user.name).join(", "))}
          </p>
        </div>
        {!isEditing && (
          <Button
            size="small"
            priority="secondary"
            onClick={() => {
              setSelected(assigned.map((user) => user.id));
              onEdit();
            }}
          >
            {t.modify}<span className="fr-sr-only">{t.mentorsOf(challenge.title)}</span>
          </Button>
        )}
      </div>
      {isEditing && (
        <form
          className="fr-mt-2w"
          onSubmit={(event) => {
            event.preventDefault();
            assign.mutate(
              { slug: challenge.slug, userIds: selected },
              { onSuccess: () => onDone(t.saved(challenge.title)) },
            );
          }}
        >
          {assign.isError && <ErrorAlert error={assign.error} title={t.refused} />}
          <Checkbox
            legend={t.legend(challenge.title)}
            small
            options={mentors.map((mentor) => ({
              label: `${mentor.name} (${mentor.email})`,
              nativeInputProps: {
                checked: selected.includes(mentor.id),
                onChange: (event) =>
                  setSelected((current) =>
                    event.target.checked ? [...current, mentor.id] : current.filter((id) => id !== mentor.id),
                  ),
              },
            }))}
          />
          <div className="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
            <Button type="submit" size="small" disabled={assign.isPending}>
              {form.save}
            </Button>
            <Button type="button" size="small" priority="secondary" onClick={() => onDone()}>
              {form.cancel}
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
