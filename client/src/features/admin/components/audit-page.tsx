import Button from "@codegouvfr/react-dsfr/Button";
import Input from "@codegouvfr/react-dsfr/Input";
import Pagination from "@codegouvfr/react-dsfr/Pagination";
import Select from "@codegouvfr/react-dsfr/Select";
import { useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router";
import type { AuditEntry } from "@shared/audit";
import { isSignInMethod } from "@shared/sign-in-audit";
import { ErrorAlert, Loading } from "../../../components/query-state";
import { useI18n } from "../../../i18n/use-i18n";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { useAudit, type AuditFilters } from "../api/admin-queries";
import { DsfrTable } from "../../../components/dsfr-table";


const FILTER_KEYS = ["actor", "action", "from", "to"] as const;

export default function AuditPage() {
  const { t: { admin }, f } = useI18n();
  const t = admin.audit;
  const actionLabel = (action: string) => t.actions[action] ?? action;
  useDocumentTitle(admin.pageTitle(admin.sections.audit));
  const [params, setParams] = useSearchParams();
  const filters: AuditFilters = {
    ...Object.fromEntries(FILTER_KEYS.map((key) => [key, params.get(key) ?? undefined])),
    page: Number(params.get("page") ?? 1) || 1,
  };
  const audit = useAudit(filters);
  const [draft, setDraft] = useState(() => Object.fromEntries(FILTER_KEYS.map((key) => [key, params.get(key) ?? ""])));

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const key of FILTER_KEYS) if (draft[key]) next.set(key, draft[key]);
    setParams(next);
  };
  const pageCount = audit.data ? Math.max(1, Math.ceil(audit.data.total / audit.data.pageSize)) : 1;
  const pageLink = (page: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(page));
    return { to: `/admin/journal?${next}` };
  };

  return (
    <>
      <h1>{admin.sections.audit}</h1>
      <p>{t.intro}</p>
      <form onSubmit={apply} className="fr-grid-row fr-grid-row--gutters fr-mb-3w" aria-label={t.filter}>
        <div className="fr-col-12 fr-col-md-6">
          <Input
            label={t.person}
            hintText={t.personHint}
            nativeInputProps={{ value: draft.actor, onChange: (event) => setDraft({ ...draft, actor: event.target.value }) }}
          />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <Select
            label={t.action}
            nativeSelectProps={{ value: draft.action, onChange: (event) => setDraft({ ...draft, action: event.target.value }) }}
          >
            <option value="">{t.allActions}</option>
            {audit.data?.actions.map((action) => (
              <option key={action} value={action}>
                {actionLabel(action)}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-col-6 fr-col-md-3">
          <Input
            label={t.from}
            nativeInputProps={{ type: "date", value: draft.from, onChange: (event) => setDraft({ ...draft, from: event.target.value }) }}
          />
        </div>
        <div className="fr-col-6 fr-col-md-3">
          <Input
            label={t.to}
            nativeInputProps={{ type: "date", value: draft.to, onChange: (event) => setDraft({ ...draft, to: event.target.value }) }}
          />
        </div>
        <div className="fr-col-12 fr-col-md-6 audit-filters__submit">
          <Button type="submit">{t.submit}</Button>
        </div>
      </form>

      {audit.isPending && <Loading label={t.loading} />}
      {audit.isError && <ErrorAlert error={audit.error} />}
      {audit.data && (
        <>
          <p role="status">{f.count(audit.data.total, t.entry)}.</p>
          <DsfrTable caption={admin.sections.audit}>
            <thead>
              <tr>
                <th scope="col">{t.date}</th>
                <th scope="col">{t.person}</th>
                <th scope="col">{t.action}</th>
                <th scope="col">{t.target}</th>
                <th scope="col">{t.detail}</th>
              </tr>
            </thead>
            <tbody>
              {audit.data.items.map((entry) => (
                <AuditRow key={entry.id} entry={entry} />
              ))}
            </tbody>
          </DsfrTable>
          {pageCount > 1 && (
            <Pagination count={pageCount} defaultPage={filters.page} getPageLinkProps={pageLink} showFirstLast />
          )}
        </>
      )}
    </>
  );
}

/** The action's label; for a sign-in, with how the session was opened (password, code, ProConnect). */
function auditActionText(entry: AuditEntry, t: ReturnType<typeof useI18n>["t"]["admin"]["audit"]): string {
  const label = t.actions[entry.action] ?? entry.action;
  const method = entry.action === "login.succeeded" && entry.after && typeof entry.after === "object" ? (entry.after as { method?: unknown }).method : undefined;
  return isSignInMethod(method) ? t.signInWith(label, t.signInMethods[method]) : label;
}

/** Where a target is seen: a challenge (or what belongs to one) on its page, an account or an invitation on the accounts page. */
function targetPath(entry: AuditEntry): string | undefined {
  switch (entry.targetType) {
    case "user":
    case "invitation":
      return "/admin/comptes";
    case "campaign":
      return entry.targetId ? `/admin/campagnes/${encodeURIComponent(entry.targetId)}` : undefined;
    case "snapshot":
      return "/admin/instantanes";
    default:
      return undefined;
  }
}

function AuditTarget({ entry }: { entry: AuditEntry }) {
  const { t: { admin: { audit: t } } } = useI18n();
  if (!entry.targetType) return <>—</>;
  const label = `${t.targets[entry.targetType] ?? `${entry.targetType} `}${entry.targetId ?? ""}`;
  const challengeLink = entry.targetChallenge && <Link to={`/defis/${encodeURIComponent(entry.targetChallenge)}`}>{`${t.targets.challenge}${entry.targetChallenge}`}</Link>;
  if (entry.targetType === "challenge") return challengeLink || <>{label}</>;
  const path = targetPath(entry);
  return (
    <>
      {path ? <Link to={path}>{label}</Link> : label}
      {challengeLink && <div className="fr-text--xs fr-mb-0">{challengeLink}</div>}
    </>
  );
}

function AuditRow({ entry }: { entry: AuditEntry }) {
  const { t: { admin: { audit: t } }, f } = useI18n();
  const SYSTEM_ACTORS = t.systemActors;
  const hasDetail = entry.before !== null || entry.after !== null;
  return (
    <tr>
      <td>{f.instant(entry.at)}</td>
      <td>
        {entry.actorName ?? (entry.actorEmail && SYSTEM_ACTORS[entry.actorEmail]) ?? t.unknown}
        {entry.actorEmail && !SYSTEM_ACTORS[entry.actorEmail] && <div className="fr-text--xs fr-mb-0">{entry.actorEmail}</div>}
      </td>
      <td>{auditActionText(entry, t)}</td>
      <td>
        <AuditTarget entry={entry} />
      </td>
      <td>
        {hasDetail ? (
          <details>
            <summary>{t.beforeAfter}</summary>
            <div className="audit-detail">
              <p className="fr-text--xs fr-mb-0">{t.before}</p>
              <pre>{JSON.stringify(entry.before, null, 2)}</pre>
              <p className="fr-text--xs fr-mb-0">{t.after}</p>
              <pre>{JSON.stringify(entry.after, null, 2)}</pre>
            </div>
          </details>
        ) : (
          "—"
        )}
      </td>
    </tr>
  );
}
