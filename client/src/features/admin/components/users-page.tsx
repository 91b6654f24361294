import Alert from "@codegouvfr/react-dsfr/Alert";
import Badge from "@codegouvfr/react-dsfr/Badge";
import Button from "@codegouvfr/react-dsfr/Button";
import Input from "@codegouvfr/react-dsfr/Input";
import Select from "@codegouvfr/react-dsfr/Select";
import PasswordInput from "@codegouvfr/react-dsfr/blocks/PasswordInput";
import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { MIN_PASSWORD_LENGTH } from "@shared/auth";
import { ROLES, type Role } from "@shared/domain";
import { useI18n } from "../../../i18n/use-i18n";
import type { User } from "@shared/user";
import { useCurrentUser } from "../../../api/session";
import { ErrorAlert, Loading } from "../../../components/query-state";
import { ApiError } from "../../../lib/api-client";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { useCreateUser, useResetPassword, useUpdateUser, useUsers } from "../api/admin-queries";
import { DsfrTable } from "../../../components/dsfr-table";

type Notice = { severity: "success" | "error"; title: string; description?: string };

export default function UsersPage() {
  const t = useI18n().t.admin;
  useDocumentTitle(t.pageTitle(t.sections.users));
  const users = useUsers();
  const [notice, setNotice] = useState<Notice>();

  return (
    <>
      <h1>{t.sections.users}</h1>
      <div aria-live="polite">
        {notice && (
          <Alert
            severity={notice.severity}
            title={notice.title}
            description={notice.description}
            closable
            onClose={() => setNotice(undefined)}
            className="fr-mb-3w"
          />
        )}
      </div>
      {users.isPending && <Loading label={t.users.loading} />}
      {users.isError && <ErrorAlert error={users.error} />}
      {users.data && <UsersTable users={users.data} onNotice={setNotice} />}
      <CreateUserForm onNotice={setNotice} />
    </>
  );
}

function UsersTable({ users, onNotice }: { users: User[]; onNotice: (notice: Notice) => void }) {
  const { t: { admin: { users: t, sections } }, l } = useI18n();
  const currentUser = useCurrentUser();
  const updateUser = useUpdateUser();
  const resetPassword = useResetPassword();
  const failed = (error: unknown) =>
    onNotice({ severity: "error", title: t.refused, description: error instanceof Error ? error.message : undefined });

  return (
    <DsfrTable caption={sections.users}>
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
            <th scope="row">
              {user.name}
              {user.id === currentUser.data?.id && t.you}
            </th>
            <td>{user.email}</td>
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
            <td>
              {user.challenges.length === 0
                ? "—"
                : user.challenges.map((challenge, index) => (
                    <span key={challenge.slug}>
                      {index > 0 && ", "}
                      <Link to={`/defis/${challenge.slug}`}>{challenge.title}</Link>
                    </span>
                  ))}
            </td>
            <td>
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
                      onSuccess: ({ password }) =>
                        onNotice({
                          severity: "success",
                          title: t.newPassword(user.name, password),
                          description: t.newPasswordHelp,
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

const emptyForm = { name: "", email: "", role: "mentor" as Role, password: "" };

function CreateUserForm({ onNotice }: { onNotice: (notice: Notice) => void }) {
  const { t: { admin: { users: t } }, l } = useI18n();
  const createUser = useCreateUser();
  const [form, setForm] = useState(emptyForm);
  const problem = createUser.error instanceof ApiError ? createUser.error : undefined;
  const fieldState = (field: keyof typeof emptyForm) => {
    const message = problem?.fieldError(`body.${field}`);
    return message ? { state: "error" as const, stateRelatedMessage: message } : {};
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    createUser.mutate(form, {
      onSuccess: (user) => {
        setForm(emptyForm);
        onNotice({ severity: "success", title: t.created(user.name, l.ROLE_LABELS[user.role]) });
      },
    });
  };

  return (
    <section className="fr-mt-6w" aria-labelledby="create-user-title">
      <h2 id="create-user-title">{t.create}</h2>
      {problem && !problem.problem.errors && (
        <Alert severity="error" small description={problem.message} className="fr-mb-2w" />
      )}
      <form onSubmit={submit} noValidate className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-6">
          <Input
            label={t.fullName}
            {...fieldState("name")}
            nativeInputProps={{ value: form.name, onChange: (event) => setForm({ ...form, name: event.target.value }), autoComplete: "off" }}
          />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <Input
            label={t.email}
            {...fieldState("email")}
            nativeInputProps={{
              type: "email",
              value: form.email,
              onChange: (event) => setForm({ ...form, email: event.target.value }),
              autoComplete: "off",
            }}
          />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <Select
            label={t.role}
            {...fieldState("role")}
            nativeSelectProps={{ value: form.role, onChange: (event) => setForm({ ...form, role: event.target.value as Role }) }}
          >
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {l.ROLE_LABELS[role]}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <PasswordInput
            label={t.password}
            hintText={t.passwordHint(MIN_PASSWORD_LENGTH)}
            messages={
              problem?.fieldError("body.password")
                ? [{ severity: "error", message: problem.fieldError("body.password") }]
                : []
            }
            nativeInputProps={{
              value: form.password,
              onChange: (event) => setForm({ ...form, password: event.target.value }),
              autoComplete: "new-password",
            }}
          />
        </div>
        <div className="fr-col-12">
          <Button type="submit" disabled={createUser.isPending}>
            {t.submit}
          </Button>
        </div>
      </form>
    </section>
  );
}
