import Alert from "@codegouvfr/react-dsfr/Alert";
import Badge from "@codegouvfr/react-dsfr/Badge";
import Breadcrumb from "@codegouvfr/react-dsfr/Breadcrumb";
import Button from "@codegouvfr/react-dsfr/Button";
import Tag from "@codegouvfr/react-dsfr/Tag";
import { lazy, Suspense, useState } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import type { ChallengeDetail } from "@shared/challenge";
import { AXES, type Axis } from "@shared/domain";
import { useI18n } from "../../../i18n/use-i18n";
import { useChallenge } from "../../../api/challenges";
import { usePromotions } from "../../../api/promotions";
import { useCurrentUser } from "../../../api/session";
import { LevelBadge } from "../../../components/level-badge";
import { AxisReview } from "../../../components/review-badge";
import { ErrorAlert, Loading } from "../../../components/query-state";
import { StalenessBadge } from "../../../components/staleness";
import { WarningAlerts } from "../../../components/warning-alerts";
import { ApiError } from "../../../lib/api-error";
import { canEditChallenge } from "../../../lib/permissions";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { HistoryTimeline } from "./history-timeline";
import { PlanSections } from "./plan-sections";

// Editors only: readers never download the forms (nor the schemas they check with).
const EditMode = lazy(() => import("./edit/edit-mode"));

/** The edit mode lives in the URL (?edition), so that "Back" leaves it and a reload keeps it. */
const EDIT_PARAM = "edition";
const EDIT_BUTTON_ID = "bouton-mise-a-jour";

export default function ChallengePage() {
  const { slug = "" } = useParams();
  const challenge = useChallenge(slug);
  const t = useI18n().t.challenge;
  useDocumentTitle(challenge.data?.title ?? (challenge.isError ? t.notFound : t.fallbackTitle));

  return (
    <>
      <Breadcrumb
        currentPageLabel={challenge.data?.title ?? t.fallbackTitle}
        homeLinkProps={{ to: "/" }}
        segments={[{ label: t.list.title, linkProps: { to: "/defis" } }]}
      />
      {challenge.isPending && <Loading label={t.loading} />}
      {challenge.isError &&
        (challenge.error instanceof ApiError && challenge.error.status === 404 ? (
          <>
            <h1>{t.notFound}</h1>
            <p>
              {t.noSuchSlug(slug)}
              <Link to="/defis">{t.seeList}</Link>.
            </p>
          </>
        ) : (
          <ErrorAlert error={challenge.error} title={t.loadFailed} />
        ))}
      {challenge.data && <ChallengeView challenge={challenge.data} />}
    </>
  );
}

function ChallengeView({ challenge }: { challenge: ChallengeDetail }) {
  const { t: { challenge: t, common }, l, f } = useI18n();
  const promotions = usePromotions();
  const user = useCurrentUser().data;
  const followsIt = user?.role === "mentor" && challenge.mentors.some((mentor) => mentor.id === user.id);
  const canEdit = canEditChallenge(user, challenge);
  const [params, setParams] = useSearchParams();
  const editing = canEdit && params.has(EDIT_PARAM);
  // Focus goes to the edit mode when a click opened it, not when a reload did.
  const [openedByClick, setOpenedByClick] = useState(false);
  const setEditing = (open: boolean) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (open) next.set(EDIT_PARAM, "1");
        else next.delete(EDIT_PARAM);
        return next;
      },
      { preventScrollReset: true },
    );
  const promotionLabel = promotions.data?.find((p) => p.key === challenge.promotion)?.label ?? challenge.promotion;

  return (
    <>
      <h1 className="fr-mb-2w">{challenge.title}</h1>
      <p className="fr-mb-1w">
        <Badge severity="info" noIcon className="fr-mr-1w">
          {promotionLabel}
        </Badge>
        {challenge.administrationWebsite ? (
          <a href={challenge.administrationWebsite} target="_blank" rel="noopener noreferrer">
            {challenge.administration}
            <span className="fr-sr-only">{common.newWindow}</span>
          </a>
        ) : (
          challenge.administration
        )}
        {challenge.city && <> · {challenge.city}</>}
      </p>

      <div className="fr-grid-row fr-grid-row--gutters fr-mb-3w">
        <div className="fr-col-12 fr-col-md-7">
          <dl className="challenge-facts">
            <dt>{t.period}</dt>
            <dd>
              {f.month(challenge.startsOn)} – {f.month(challenge.endsOn)} ({f.count(challenge.durationMonths, common.month)})
              {challenge.datesApproximate && (
                <>
                  {" "}
                  <Badge small severity="warning" noIcon>
                    {t.approximateDates}
                  </Badge>
                </>
              )}
              {user?.role === "admin" && (
                <>
                  {" · "}
                  <Link to={`/admin/catalogue/defis/${encodeURIComponent(challenge.slug)}`}>{t.editRecord}</Link>
                </>
              )}
            </dd>
            <dt>{t.team}</dt>
            <dd>
              {challenge.eigCount === null ? "—" : f.count(challenge.eigCount, common.entrepreneur)}
              {challenge.mentorCount !== null && <>, {f.count(challenge.mentorCount, common.mentor)}</>}
            </dd>
            <dt>{t.skills}</dt>
            <dd>
              {challenge.skills.length === 0
                ? "—"
                : challenge.skills.map((skill) => (
                    <Tag key={skill} small className="fr-mr-1w">
                      {l.SKILL_LABELS[skill] ?? skill}
                    </Tag>
                  ))}
            </dd>
            <dt>{t.followedBy}</dt>
            <dd>
              {challenge.mentors.length === 0
                ? t.noMentor
                : challenge.mentors.map((mentor) => mentor.name).join(", ")}
              {followsIt && (
                <>
                  {" "}
                  <Badge small severity="success" noIcon>
                    {t.youFollow}
                  </Badge>
                </>
              )}
              {user?.role === "admin" && (
                <>
                  {" · "}
                  <Link to={`/admin/mentors?promotion=${encodeURIComponent(challenge.promotion)}`}>{t.manageMentors}</Link>
                </>
              )}
            </dd>
            <dt>{t.links}</dt>
            <dd>
              <ExternalLink href={challenge.website} label={t.website} />
              {" · "}
              <ExternalLink href={challenge.sourceCode} label={t.sourceCode} />
            </dd>
            {challenge.predecessor && (
              <>
                <dt>{t.predecessor}</dt>
                <dd>
                  <Link to={`/defis/${challenge.predecessor.slug}`}>{challenge.predecessor.title}</Link>
                </dd>
              </>
            )}
            {challenge.successors.length > 0 && (
              <>
                <dt>{t.successors}</dt>
                <dd>
                  {challenge.successors.map((successor, index) => (
                    <span key={successor.slug}>
                      {index > 0 && ", "}
                      <Link to={`/defis/${successor.slug}`}>{successor.title}</Link>
                    </span>
                  ))}
                </dd>
              </>
            )}
          </dl>
        </div>
        {challenge.datesApproximate && (
          <div className="fr-col-12 fr-col-md-5">
            <Alert
              small
              severity="info"
              description={t.approximateNotice}
            />
          </div>
        )}
      </div>

      {canEdit && <WarningAlerts warnings={challenge.warnings} className="fr-mb-3w" />}

      <div className="section-header">
        <h2 className="fr-mb-1w">{t.sustainability}</h2>
        {canEdit && (
          <Button
            id={EDIT_BUTTON_ID}
            iconId="fr-icon-edit-line"
            priority={editing ? "secondary" : "primary"}
            nativeButtonProps={{ "aria-expanded": editing, ...(editing ? { "aria-controls": "mise-a-jour" } : {}) }}
            onClick={() => {
              setOpenedByClick(!editing);
              setEditing(!editing);
            }}
          >
            {t.update}
          </Button>
        )}
      </div>
      <p className="fr-text--sm">
        <StalenessBadge stale={challenge.stale} lastReportAt={challenge.lastReportAt} />
      </p>
      <div className="fr-grid-row fr-grid-row--gutters fr-mb-3w">
        {AXES.map((axis) => {
          const status = challenge.status[axis];
          return (
            <section key={axis} className="fr-col-12 fr-col-md-4" aria-labelledby={`axis-${axis}`}>
              <div className="axis-card">
                <h3 id={`axis-${axis}`} className="fr-h6 fr-mb-1w">
                  {l.AXIS_LABELS[axis]}
                </h3>
                <p className="axis-card__state fr-mb-0">
                  <LevelBadge status={status} />
                  <AxisReview validation={status && currentEntry(challenge, axis)?.validation} />
                </p>
                <p className="fr-text--sm fr-mt-1w fr-mb-0">
                  {status === null
                    ? t.noAxisUpdate
                    : t.asOf(l.LEVEL_DEFINITIONS[axis][status.level], f.date(status.asOf))}
                </p>
              </div>
            </section>
          );
        })}
      </div>

      {editing ? (
        <Suspense fallback={<Loading label={t.loadingForms} />}>
          <EditMode
            challenge={challenge}
            focusOnOpen={openedByClick}
            onClose={() => {
              setEditing(false);
              requestAnimationFrame(() => document.getElementById(EDIT_BUTTON_ID)?.focus());
            }}
          />
        </Suspense>
      ) : (
        <PlanSections challenge={challenge} />
      )}

      <HistoryTimeline challenge={challenge} canEdit={canEdit} />
    </>
  );
}

/** The entry whose level is in force on `axis`: the latest by date, then by recording, not retracted. */
function currentEntry(challenge: ChallengeDetail, axis: Axis) {
  return challenge.history
    .filter((entry) => entry.axis === axis && entry.retraction === null)
    .reduce<ChallengeDetail["history"][number] | undefined>(
      (best, entry) => (!best || entry.asOf > best.asOf || (entry.asOf === best.asOf && entry.id > best.id) ? entry : best),
      undefined,
    );
}

function ExternalLink({ href, label }: { href: string | null; label: string }) {
  const { t } = useI18n();
  if (!href) return <span>{t.challenge.notGiven(label)}</span>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {label}
      <span className="fr-sr-only">{t.common.newWindow}</span>
    </a>
  );
}
