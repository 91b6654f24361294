import Badge from "@codegouvfr/react-dsfr/Badge";
import Button from "@codegouvfr/react-dsfr/Button";
import { useState } from "react";
import { Link } from "react-router";
import { ROLES, type Role } from "@shared/domain";
import { useI18n } from "../../../i18n/use-i18n";
import type { User } from "@shared/user";
import { useCurrentUser } from "../../../api/session";
import { ErrorAlert, Loading } from "../../../components/query-state";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { useResetPassword, useUpdateUser, useUsers } from "../api/admin-queries";
import { InvitationsSection } from "./invitations-section";
import { DsfrTable } from "../../../components/dsfr-table";
import { ActionNoticeArea, type ActionNotice } from "../../../components/action-notice";


export default function UsersPage() {
  const t = useI18n().t.admin;
  useDocumentTitle(t.pageTitle(t.sections.users));
  const users = useUsers();
  const [notice, setNotice] = useState<ActionNotice>();

  return (
    <>
      <h1>{t.sections.users}</h1>
      <ActionNoticeArea notice={notice} onClose={() => setNotice(undefined)} />
      {users.isPending && <Loading label={t.users.loading} />}
      {users.isError && <ErrorAlert error={users.error} />}
      {users.data && <UsersTable users={users.data} onNotice={setNotice} />}
      <InvitationsSection onNotice={setNotice} />
    </>
  );
}

function UsersTable({ users, onNotice }: { users: User[]; onNotice: (notice: ActionNotice) => void }) {
  const { t: { admin: { users: t, sections } }, l } = useI18n();
  const currentUser = useCurrentUser();
  const updateUser = useUpdateUser();
  const resetPassword = useResetPassword();
  const ta = useI18n().t.account;
  const failed = (error: unknown) =>
    onNotice({ severity: "error", title: t.refused, description: error instanceof Error ? error.message : undefined });

  return (
    <DsfrTable caption={sections.users} scrollLabel={sections.users}>
      <thead>
        <tr>
          <th scope="col">{t.name}</th>
          <th scope="col">{t.email}</th>
          <th scope="col">{t.role}</th>
          <th scope="col">{t.status}</th>
          <th scope="col">{t.followed}</th>
          <th scope="col">{t.actions}</th>
        </tr>
      </thead>
      <tbody>
        {users.map((user) => (
          <tr key={user.id}>
            <th scope="row" className="fr-cell--multiline">
              {user.name}
              {user.id === currentUser.data?.id && t.you}
            </th>
            <td className="fr-cell--multiline table-cell--email">{user.email}</td>
            <td>
              <select
                className="fr-select users-role-select"
                aria-label={t.roleOf(user.name)}
                value={user.role}
                disabled={updateUser.isPending}
                onChange={(event) =>
                  updateUser.mutate(
                    { id: user.id, changes: { role: event.target.value as Role } },
                    {
                      onSuccess: (updated) =>
                        onNotice({ severity: "success", title: t.roleChanged(updated.name, l.ROLE_LABELS[updated.role]) }),
                      onError: failed,
                    },
                  )
                }
              >
                {ROLES.map((role) => (
                  <option key={role} value={role}>
                    {l.ROLE_LABELS[role]}
                  </option>
                ))}
              </select>
            </td>
            <td>
              {user.isActive ? (
                <Badge severity="success" small>
                  {t.active}
                </Badge>
              ) : (
                <Badge small>{t.disabled}</Badge>
              )}
            </td>
            <td className="fr-cell--multiline">
              {user.challenges.length === 0
                ? "—"
                : user.challenges.map((challenge, index) => (
                    <span key={challenge.slug}>
                      {index > 0 && ", "}
                      <Link to={`/defis/${challenge.slug}`}>{challenge.title}</Link>
                    </span>
                  ))}
            </td>
            <td className="fr-cell--multiline">
              <div className="fr-btns-group fr-btns-group--sm fr-btns-group--inline-lg">
                <Button
                  size="small"
                  priority="secondary"
                  onClick={() =>
                    updateUser.mutate(
                      { id: user.id, changes: { isActive: !user.isActive } },
                      {
                        onSuccess: (updated) =>
                          onNotice({
                            severity: "success",
                            title: updated.isActive ? t.reactivated(updated.name) : t.deactivated(updated.name),
                            description: updated.isActive ? undefined : t.sessionsClosed,
                          }),
                        onError: failed,
                      },
                    )
                  }
                >
                  {user.isActive ? t.deactivate : t.reactivate}
                  <span className="fr-sr-only">{t.accountOf(user.name)}</span>
                </Button>
                <Button
                  size="small"
                  priority="tertiary"
                  onClick={() =>
                    resetPassword.mutate(user.id, {
                      // The admin never sees a password: a reset link goes by email (or, without SMTP, is shown once).
                      onSuccess: ({ emailSent, link }) =>
                        onNotice({
                          severity: "success",
                          title: emailSent ? ta.resetSent(user.name) : ta.resetLink(user.name),
                          description: emailSent ? undefined : `${link} — ${ta.linkOnce}`,
                        }),
                      onError: failed,
                    })
                  }
                >
                  {t.resetPassword}<span className="fr-sr-only">{t.ofName(user.name)}</span>
                </Button>
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </DsfrTable>
  );
}
