// Invitations over HTTP: the rules and the transaction are the use cases' (domain/invitations.ts); here,
// the link's delivery after the write, and the session an accepted invitation opens.
import { assertAcceptablePassword } from "../auth/password-policy";
import { hashPassword } from "../auth/passwords";
import {
  acceptInvitation as acceptWithPassword,
  cancelInvitation,
  invite,
  renewInvitation,
  usableInvitation,
  type InvitationWithLink,
} from "../domain/invitations";
import { openSession, startPendingLogin } from "../identity/second-factor";
import { invitationLink, invitationMail } from "../mail/identity-mails";
import { openInvitations, type StoredInvitation } from "../repositories/identity";
import type { SessionResponse } from "@shared/auth";
import type {
  acceptInvitationSchema,
  createInvitationSchema,
  Invitation,
  InvitationCreated,
  invitationIdParamsSchema,
  LinkDelivery,
  LoginNextStep,
  tokenRequestSchema,
} from "@shared/identity";
import type { Ctx, Deps, Input } from "./context";

/** Sends the link by email; without SMTP (or if sending fails) the admin gets it, once, to hand over. */
export async function deliverLink(deps: Deps, mail: { to: string; subject: string; text: string }, link: string): Promise<LinkDelivery> {
  if (deps.mailer.enabled) {
    try {
      await deps.mailer.send(mail);
      return { emailSent: true };
    } catch (error) {
      deps.logger?.error({ err: error }, "Envoi du courriel impossible : le lien est remis à l'administrateur.");
    }
  }
  return { emailSent: false, link };
}

export const getInvitations =
  ({ db }: Deps) =>
  () =>
    openInvitations(db, new Date().toISOString());

const publicInvitation = ({ acceptedAt: _a, revokedAt: _r, ...invitation }: StoredInvitation): Invitation => invitation;

/** The invitation with its link delivered: by email, or to the admin when email cannot carry it. */
async function withDeliveredLink(deps: Deps, { invitation, token }: InvitationWithLink, invitedByName: string): Promise<InvitationCreated> {
  const link = invitationLink(deps.config.publicUrl, token);
  const delivery = await deliverLink(deps, invitationMail(invitation, invitedByName, link, { proConnect: Boolean(deps.config.oidc) }), link);
  return { invitation: publicInvitation(invitation), ...delivery };
}

type ByInvitationId = Input<{ params: typeof invitationIdParamsSchema }>;

export const postInvitation =
  (deps: Deps) =>
  ({ body }: Input<{ body: typeof createInvitationSchema }>, { actor }: Ctx) =>
    withDeliveredLink(deps, invite(deps.db, body, actor), actor.name);

/** A new link (the previous one stops working) and a new expiry, sent again. */
export const resendInvitation =
  (deps: Deps) =>
  ({ params: { id } }: ByInvitationId, { actor }: Ctx) =>
    withDeliveredLink(deps, renewInvitation(deps.db, id, actor), actor.name);

export const deleteInvitation =
  ({ db }: Deps) =>
  ({ params: { id } }: ByInvitationId, { actor }: Ctx) => {
    cancelInvitation(db, id, actor);
  };

export const checkInvitation =
  ({ db }: Deps) =>
  ({ body: { token } }: Input<{ body: typeof tokenRequestSchema }>) => {
    const { email, name, role } = usableInvitation(db, token);
    return { email, name, role };
  };

/** The invitee chooses a password; a session opens (an admin enrols TOTP first). */
export const acceptInvitation =
  ({ db, config }: Deps) =>
  async ({ body: { token, password } }: Input<{ body: typeof acceptInvitationSchema }>, { req, res }: Ctx) => {
    await assertAcceptablePassword(password, usableInvitation(db, token).email);
    const { user, invitationId } = acceptWithPassword(db, token, await hashPassword(password), req.ip);
    if (user.role === "admin") {
      startPendingLogin(db, config, req, res, user.id, "enrolment");
      res.status(202).json({ next: "totp-enrolment" } satisfies LoginNextStep);
      return;
    }
    const { csrfToken } = openSession(db, config, req, res, user, { method: "password", details: { invitationId } });
    return { user, csrfToken } satisfies SessionResponse;
  };
