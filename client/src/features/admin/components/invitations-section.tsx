import Alert from "@codegouvfr/react-dsfr/Alert";
import Button from "@codegouvfr/react-dsfr/Button";
import Input from "@codegouvfr/react-dsfr/Input";
import Select from "@codegouvfr/react-dsfr/Select";
import { queryOptions, useMutation, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { ROLES, type Role } from "@shared/domain";
import type { AuthProviders, CreateInvitation, Invitation, InvitationCreated } from "@shared/identity";
import { ChallengePicker, useChallengeNames } from "../../../components/challenge-picker";
import { DsfrTable } from "../../../components/dsfr-table";
import { useI18n } from "../../../i18n/use-i18n";
import { ApiError } from "../../../lib/api-error";
import { apiGet, apiSend } from "../../../api/http";
import { queryKeys } from "../../../api/query-keys";
import { idempotencyHeader, useIdempotentMutation } from "../../../lib/idempotency";
import type { ActionNotice } from "../../../components/action-notice";
import { CopyableText } from "../../../components/copy-button";


const invitationQueries = {
  list: () => queryOptions({ queryKey: queryKeys.invitations, queryFn: () => apiGet<Invitation[]>("/invitations") }),
  providers: () => queryOptions({ queryKey: queryKeys.authProviders, queryFn: () => apiGet<AuthProviders>("/auth/providers"), staleTime: Infinity }),
};

function useInvitationWrites() {
  const meta = { invalidates: "invitation" } as const;
  return {
    create: useIdempotentMutation({
      mutationFn: (body: CreateInvitation, key) => apiSend<InvitationCreated>("POST", "/invitations", body, idempotencyHeader(key)),
      meta,
    }),
    resend: useMutation({ mutationFn: (id: number) => apiSend<InvitationCreated>("POST", `/invitations/${id}/resend`, {}), meta }),
    revoke: useMutation({ mutationFn: (id: number) => apiSend<void>("DELETE", `/invitations/${id}`), meta }),
  };
}

const emptyForm = { email: "", name: "", role: "mentor" as Role, challenges: [] as string[] };

/** Invite by email (the admin never sees nor chooses a password); pending invitations. */
export function InvitationsSection({ onNotice }: { onNotice: (notice: ActionNotice) => void }) {
  const { t, l, f } = useI18n();
  const ta = t.account;
  const invitations = useQuery(invitationQueries.list());
  const providers = useQuery(invitationQueries.providers());
  const writes = useInvitationWrites();
  const [form, setForm] = useState(emptyForm);
  const problem = writes.create.error instanceof ApiError ? writes.create.error : undefined;
  const fieldState = (field: string) => {
    const message = problem?.fieldError(`body.${field}`);
    return message ? { state: "error" as const, stateRelatedMessage: message } : {};
  };
  // The server names each unknown challenge (`body.challenges`) or a bad item (`body.challenges.0`).
  const challengesError = problem?.problem.errors
    ?.filter((error) => error.path === "body.challenges" || error.path.startsWith("body.challenges."))
    .map((error) => error.message)
    .join(" ");
  const nameOf = useChallengeNames();
  const delivered = (answer: InvitationCreated) =>
    onNotice(
      answer.emailSent
        ? { severity: "success", title: ta.invited(answer.invitation.email) }
        : {
            severity: "success",
            title: ta.inviteLink(answer.invitation.email),
            description: (
              <>
                <CopyableText text={answer.link ?? ""} label={ta.copyLink} />
                <span className="fr-mt-1w" style={{ display: "block" }}>
                  {ta.linkOnce}
                </span>
              </>
            ),
          },
    );
  const failed = (error: unknown) => onNotice({ severity: "error", title: ta.failed, description: error instanceof Error ? error.message : undefined });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const challenges = form.role === "mentor" ? form.challenges : [];
    writes.create.mutate(
      { email: form.email, name: form.name, role: form.role, challenges },
      {
        onSuccess: (answer) => {
          setForm(emptyForm);
          delivered(answer);
        },
      },
    );
  };
  const date = f.instant;

  return (
    <>
      <section className="fr-mt-6w" aria-labelledby="invite-title">
        <h2 id="invite-title">{ta.invitationsTitle}</h2>
        <p>{ta.invitationsIntro(providers.data?.proConnect === true)}</p>
        {providers.data && !providers.data.emailEnabled && <Alert severity="info" small description={ta.smtpOff} className="fr-mb-3w" />}
        {problem && !problem.problem.errors?.length && <Alert severity="error" title={ta.failed} description={problem.message} className="fr-mb-3w" />}
        <form onSubmit={submit} noValidate aria-labelledby="invite-title">
          <div className="fr-grid-row fr-grid-row--gutters">
            <div className="fr-col-12 fr-col-md-6">
              <Input label={ta.name} {...fieldState("name")} nativeInputProps={{ name: "name", value: form.name, onChange: (e) => setForm({ ...form, name: e.target.value }) }} />
            </div>
            <div className="fr-col-12 fr-col-md-6">
              <Input
                label={t.login.email}
                {...fieldState("email")}
                nativeInputProps={{ type: "email", name: "email", value: form.email, onChange: (e) => setForm({ ...form, email: e.target.value }) }}
              />
            </div>
            <div className="fr-col-12 fr-col-md-6">
              <Select label={ta.role} nativeSelectProps={{ name: "role", value: form.role, onChange: (e) => setForm({ ...form, role: e.target.value as Role }) }}>
                {ROLES.map((role) => (
                  <option key={role} value={role}>
                    {l.ROLE_LABELS[role]}
                  </option>
                ))}
              </Select>
            </div>
            {form.role === "mentor" && (
              <div className="fr-col-12">
                <ChallengePicker
                  legend={ta.challenges}
                  hint={ta.challengesHint}
                  value={form.challenges}
                  onChange={(challenges) => setForm({ ...form, challenges })}
                  error={challengesError}
                />
              </div>
            )}
          </div>
          <Button type="submit" disabled={writes.create.isPending}>
            {writes.create.isPending ? t.common.sending : ta.invite}
          </Button>
        </form>
      </section>
      <section className="fr-mt-6w" aria-labelledby="pending-title">
        <h2 id="pending-title">{ta.pendingTitle}</h2>
        {invitations.data && invitations.data.length === 0 && <p>{ta.noPending}</p>}
        {invitations.data && invitations.data.length > 0 && (
          <DsfrTable caption={ta.pendingTitle} scrollLabel={ta.pendingTitle}>
            <thead>
              <tr>
                <th scope="col">{ta.name}</th>
                <th scope="col">{t.login.email}</th>
                <th scope="col">{ta.roleAndChallenges}</th>
                <th scope="col">{ta.sentAt}</th>
                <th scope="col">{ta.expires}</th>
                <th scope="col">{ta.actions}</th>
              </tr>
            </thead>
            <tbody>
              {invitations.data.map((invitation) => (
                <tr key={invitation.id}>
                  <td className="fr-cell--multiline">{invitation.name}</td>
                  <td className="fr-cell--multiline table-cell--email">{invitation.email}</td>
                  <td className="fr-cell--multiline">
                    {l.ROLE_LABELS[invitation.role]}
                    {invitation.challenges.length > 0 && (
                      <ul className="fr-text--sm fr-m-0 fr-pl-2w" aria-label={ta.invitedChallenges(invitation.name)}>
                        {invitation.challenges.map((slug) => (
                          <li key={slug} className="fr-p-0">
                            {nameOf(slug)}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td className="fr-cell--multiline">{date(invitation.sentAt)}</td>
                  <td className="fr-cell--multiline">{invitation.expired ? ta.expired : date(invitation.expiresAt)}</td>
                  <td className="fr-cell--multiline">
                    <Button size="small" priority="secondary" onClick={() => writes.resend.mutate(invitation.id, { onSuccess: delivered, onError: failed })}>
                      {ta.resend}
                      <span className="fr-sr-only"> {invitation.email}</span>
                    </Button>{" "}
                    <Button
                      size="small"
                      priority="tertiary"
                      onClick={() =>
                        writes.revoke.mutate(invitation.id, { onSuccess: () => onNotice({ severity: "success", title: ta.revoked(invitation.email) }), onError: failed })
                      }
                    >
                      {ta.revoke}
                      <span className="fr-sr-only"> {invitation.email}</span>
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </DsfrTable>
        )}
      </section>
    </>
  );
}
