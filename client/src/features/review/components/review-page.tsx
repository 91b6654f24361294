import Alert from "@codegouvfr/react-dsfr/Alert";
import Button from "@codegouvfr/react-dsfr/Button";
import Pagination from "@codegouvfr/react-dsfr/Pagination";
import Tag from "@codegouvfr/react-dsfr/Tag";
import { useId, useRef, useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router";
import type { ReviewQueueItem } from "@shared/review";
import { ErrorAlert, Loading } from "../../../components/query-state";
import { ReviewBadge } from "../../../components/review-badge";
import { usePromotions } from "../../../api/promotions";
import { CountedTextArea } from "../../../components/counted-text-area";
import { NOTE_MAX } from "@shared/writes";
import { useI18n } from "../../../i18n/use-i18n";
import { ApiError } from "../../../lib/api-error";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { useDecide, useDismiss, useValidateChallenge, useReviewQueue, type QueueState } from "../api/review-queries";

interface Group {
  slug: string;
  title: string;
  promotion: string;
  items: ReviewQueueItem[];
}

/** "À valider": the mentors' declarations, oldest first; validate, or send back with a comment. */
export default function ReviewPage() {
  const { t: { review: t, admin }, f } = useI18n();
  useDocumentTitle(admin.pageTitle(t.title));
  const [params] = useSearchParams();
  const state: QueueState = params.get("etat") === "renvoyes" ? "sent_back" : "declared";
  const page = Number(params.get("page") ?? 1) || 1;
  const queue = useReviewQueue(state, page);
  // Confirmations stand where the reviewer acted: in the challenge's group, which stays in its
  // place (with its notice) even once its last declaration has left the queue.
  const [notices, setNotices] = useState<Record<string, string>>({});
  // The previous render's order, read and kept during render: it only keeps groups in place,
  // never decides what is drawn on its own, so a render that React drops loses nothing.
  const order = useRef<Group[]>([]);
  /* eslint-disable react-hooks/refs */
  const groups = groupByChallenge(queue.data?.items ?? [], order.current, notices);
  order.current = groups;
  /* eslint-enable react-hooks/refs */
  const noticeFor = (slug: string) => (message: string) => setNotices((current) => ({ ...current, [slug]: message }));
  const pageCount = queue.data ? Math.max(1, Math.ceil(queue.data.total / queue.data.pageSize)) : 1;
  const tabs: [QueueState, string][] = [
    ["declared", "/admin/a-valider"],
    ["sent_back", "/admin/a-valider?etat=renvoyes"],
  ];

  return (
    <>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <nav aria-label={t.tabsLabel} className="fr-mb-3w">
        <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
          {tabs.map(([key, to]) => (
            <li key={key}>
              <Button
                size="small"
                priority={key === state ? "primary" : "secondary"}
                linkProps={{ to, "aria-current": key === state ? "page" : undefined }}
              >
                {t.tabs[key]}
              </Button>
            </li>
          ))}
        </ul>
      </nav>
      {queue.isPending && <Loading label={t.loading} />}
      {queue.isError && <ErrorAlert error={queue.error} />}
      {queue.data && (
        <>
          <p role="status">
            {queue.data.total === 0
              ? state === "declared"
                ? t.noneDeclared
                : t.noneSentBack
              : state === "declared"
                ? t.count(f.count(queue.data.total, t.declaration))
                : t.sentBackCount(f.count(queue.data.total, t.sentBackNoun))}
          </p>
          <ul className="validation-queue" aria-label={t.tableCaption}>
            {groups.map((group) => (
              <li key={group.slug}>
                <ChallengeGroup group={group} notice={notices[group.slug]} onDone={noticeFor(group.slug)} />
              </li>
            ))}
          </ul>
          {pageCount > 1 && (
            <Pagination
              count={pageCount}
              defaultPage={page}
              getPageLinkProps={(n) => ({ to: `/admin/a-valider?${new URLSearchParams({ ...(state === "sent_back" ? { etat: "renvoyes" } : {}), page: String(n) })}` })}
              showFirstLast
            />
          )}
        </>
      )}
    </>
  );
}

/** The page's entries by challenge, keeping the groups already shown in their place. */
function groupByChallenge(items: ReviewQueueItem[], previous: Group[], notices: Record<string, string>): Group[] {
  const bySlug = new Map<string, Group>();
  for (const item of items) {
    const group = bySlug.get(item.challenge.slug) ?? { ...item.challenge, items: [] };
    group.items.push(item);
    bySlug.set(item.challenge.slug, group);
  }
  const kept = previous
    .filter((group) => bySlug.has(group.slug) || group.slug in notices)
    .map((group) => bySlug.get(group.slug) ?? { ...group, items: [] });
  const known = new Set(kept.map((group) => group.slug));
  return [...kept, ...[...bySlug.values()].filter((group) => !known.has(group.slug))];
}

type DecideThen = (decision: () => Promise<unknown>, confirmation: string, onRefusal?: () => void) => void;

/** One challenge's declarations, validated in one step, its superseded ones set aside together. */
function ChallengeGroup({ group, notice, onDone }: { group: Group; notice?: string; onDone: (message: string) => void }) {
  const { t: { review: t } } = useI18n();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const promotions = usePromotions();
  const promotion = promotions.data?.find((p) => p.key === group.promotion)?.label ?? group.promotion;
  const validateAll = useValidateChallenge();
  const dismiss = useDismiss();
  const inForce = group.items.filter((item) => !item.superseded);
  const superseded = group.items.filter((item) => item.superseded);
  const error = validateAll.error ?? dismiss.error;
  const busy = validateAll.isPending || dismiss.isPending;
  const label = t.groupLabel(group.title, promotion);
  // The buttons go away with the entries: focus goes to the group's heading, by its notice.
  const done = (message: string) => {
    onDone(message);
    requestAnimationFrame(() => headingRef.current?.focus());
  };
  // The group holds its place from the start of a decision (an empty notice): its entries leave
  // the page as soon as the queue is read again, before the mutation settles, and the
  // confirmation then shows where the reviewer acted. The promise, not a callback given to
  // `mutate`, says when: the decided card is gone by then. A refusal shows in the mutation's state.
  const decideThen: DecideThen = (decision, confirmation, onRefusal = () => {}) => {
    onDone("");
    decision().then(() => done(confirmation), onRefusal);
  };

  return (
    <section className="validation-group" aria-labelledby={`group-${group.slug}`}>
      <h2 id={`group-${group.slug}`} ref={headingRef} tabIndex={-1} className="fr-h5 fr-mb-1w">
        <Link to={`/defis/${group.slug}`}>{group.title}</Link> <span className="fr-text--md fr-text-mention--grey">({promotion})</span>
      </h2>
      <div aria-live="polite" className="live-notice">
        {notice && <Alert small severity="success" role={undefined} description={notice} className="fr-mb-2w" />}
      </div>
      {error && <Alert small severity="error" title={t.refused} description={error.message} className="fr-mb-2w" />}
      {(inForce.length > 1 || superseded.length > 0) && (
        <div className="button-row fr-mb-2w">
          {inForce.length > 1 && (
            <Button
              size="small"
              iconId="fr-icon-check-line"
              disabled={busy}
              onClick={() =>
                decideThen(() => validateAll.mutateAsync({ slug: group.slug, items: inForce }), t.allValidated(inForce.length, label))
              }
            >
              {t.validateAll(inForce.length)}
            </Button>
          )}
          {superseded.length > 0 && (
            <Button
              size="small"
              priority="secondary"
              iconId="fr-icon-delete-line"
              disabled={busy}
              onClick={() => decideThen(() => dismiss.mutateAsync(superseded), t.dismissed(superseded.length, label))}
            >
              {t.dismissAll(superseded.length)}
            </Button>
          )}
        </div>
      )}
      {group.items.length > 0 && (
        <ul className="validation-queue">
          {group.items.map((item) => (
            <li key={`${item.kind}-${item.id}`}>
              <DeclarationCard item={item} decideThen={decideThen} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** What was declared, in words: "Production : 2 · Atteint" or the outcome's categories. */
function useDescription(item: ReviewQueueItem): string {
  const { t: { review: t, common }, l } = useI18n();
  if (item.kind === "outcome") {
    return `${t.outcome}${common.colon}${(item.categories ?? []).map((category) => l.OUTCOME_LABELS[category]).join(common.listSeparator)}`;
  }
  return `${item.axis ? l.AXIS_LABELS[item.axis] : ""}${common.colon}${item.level} · ${item.level === null ? "" : l.LEVEL_LABELS[item.level]}`;
}

function DeclarationCard({ item, decideThen }: { item: ReviewQueueItem; decideThen: DecideThen }) {
  const { t: { review: t }, f, l } = useI18n();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const decide = useDecide();
  const [open, setOpen] = useState(false);
  const [comment, setComment] = useState("");
  const description = useDescription(item);
  const what = `${item.challenge.title} — ${description}`;
  const commentError = decide.error instanceof ApiError ? decide.error.fieldError("body.comment") : undefined;

  const validate = () => decideThen(() => decide.mutateAsync({ item, decision: "validated" }), t.validated(what));
  const sendBack = (event: FormEvent) => {
    event.preventDefault();
    decideThen(
      () => decide.mutateAsync({ item, decision: "sent_back", comment: comment.trim() }),
      t.sentBack(what),
      () => requestAnimationFrame(() => formRef.current?.querySelector("textarea")?.focus()),
    );
  };

  return (
    <article className="validation-card" aria-label={what}>
      <div className="validation-card__head">
        <div>
          <h3 id={`${id}-title`} className="fr-h6 fr-mb-1v">
            {description}
          </h3>
          <p className="fr-mb-1v">
            {item.confirmation && (
              <Tag small as="span">
                {t.stillAccurate}
              </Tag>
            )}{" "}
            {item.superseded && (
              <Tag small as="span" className="validation-card__superseded">
                {t.superseded}
              </Tag>
            )}
          </p>
          {item.kind === "status_update" && (
            <p className="fr-text--sm fr-mb-1v">
              {item.previousValidatedLevel === null
                ? t.noValidatedLevel
                : t.previousLevel(`${item.previousValidatedLevel} · ${l.LEVEL_LABELS[item.previousValidatedLevel]}`)}
            </p>
          )}
        </div>
        <ReviewBadge validation={item.validation} />
      </div>
      {item.note && !item.confirmation && <p className="fr-mb-1w validation-card__note">{item.note}</p>}
      <p className="fr-text--sm fr-mb-1w">
        {t.columns.author} {item.authorName} {t.recorded(f.instant(item.recordedAt))} · {t.asOf(f.date(item.asOf))}
      </p>
      {item.evidenceUrl && (
        <p className="fr-text--sm fr-mb-1w">
          <a href={item.evidenceUrl} target="_blank" rel="noopener noreferrer" className="fr-link">
            {t.evidence}
            <span className="fr-sr-only"> : {what}</span>
          </a>
        </p>
      )}
      {item.validation.comment && <p className="fr-text--sm fr-mb-1w validation-card__comment">{t.previousComment(item.validation.comment)}</p>}
      {decide.error && !commentError && (
        <Alert small severity="error" title={t.refused} description={decide.error.message} className="fr-mb-2w" />
      )}
      {open ? (
        <form ref={formRef} noValidate onSubmit={sendBack} aria-label={t.sendBackLabel(what)} className="validation-card__form">
          <CountedTextArea
            label={t.comment}
            hintText={t.commentHint}
            max={NOTE_MAX}
            value={comment}
            onChange={setComment}
            state={commentError ? "error" : undefined}
            stateRelatedMessage={commentError && (comment.trim() === "" ? t.commentRequired : commentError)}
          />
          <div className="button-row">
            <Button type="submit" size="small" disabled={decide.isPending}>
              {t.confirmSendBack}
            </Button>
            <Button
              type="button"
              size="small"
              priority="secondary"
              onClick={() => {
                setOpen(false);
                decide.reset();
              }}
            >
              {t.cancel}
            </Button>
          </div>
        </form>
      ) : (
        <div className="button-row">
          <Button size="small" iconId="fr-icon-check-line" disabled={decide.isPending} onClick={validate}>
            {t.validate}
            <span className="fr-sr-only"> : {what}</span>
          </Button>
          {item.validation.state !== "sent_back" && (
            <Button
              size="small"
              priority="secondary"
              iconId="fr-icon-arrow-go-back-line"
              onClick={() => {
                setOpen(true);
                requestAnimationFrame(() => formRef.current?.querySelector("textarea")?.focus());
              }}
            >
              {t.sendBack}
              <span className="fr-sr-only"> : {what}</span>
            </Button>
          )}
        </div>
      )}
    </article>
  );
}
