import type { Request, RequestHandler } from "express";
import { assertAcceptablePassword } from "../auth/password-policy";
import { hashPassword } from "../auth/passwords";
import type { Db } from "../db/database";
import { ConflictError, NotFoundError, ValidationError } from "../http/errors";
import { LINK_MESSAGES, LinkError } from "../identity/links";
import { openSession, startPendingLogin } from "../identity/second-factor";
import { addMinutes, hashToken, INVITATION_VALIDITY_DAYS, newToken } from "../identity/tokens";
import { invitationLink, invitationMail } from "../mail/identity-mails";
import { recordAudit } from "../repositories/audit";
import {
  findInvitation,
  findInvitationByTokenHash,
  insertInvitation,
  insertInvitedUser,
  markInvitationAccepted,
  openInvitations,
  renewInvitationToken,
  revokeInvitation,
  type StoredInvitation,
} from "../repositories/identity";
import { emailTaken } from "../repositories/users";
import type { AuthUser, SessionResponse } from "@shared/auth";
import type { AcceptInvitation, CreateInvitation, Invitation, InvitationCreated, LinkDelivery, LoginNextStep } from "@shared/identity";
import { auditContext, type Deps } from "./context";
import { t } from "../i18n/messages";

const INVITATION_MINUTES = INVITATION_VALIDITY_DAYS * 24 * 60;

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
  ({ db }: Deps): RequestHandler =>
  (_req, res) =>
    void res.json(openInvitations(db, new Date().toISOString()));

function checkedChallenges(db: Db, body: CreateInvitation): string[] {
  const slugs = [...new Set(body.challenges)];
  if (slugs.length > 0 && body.role !== "mentor") {
    throw new ValidationError([{ path: "body.challenges", message: t("invitation.onlyMentorsGetChallenges") }]);
  }
  const unknown = slugs.filter((slug) => !db.get("SELECT 1 FROM challenges WHERE slug = ?", [slug]));
  if (unknown.length > 0) {
    throw new ValidationError(unknown.map((slug) => ({ path: "body.challenges", message: t("invitation.unknownChallenge", { slug }) })));
  }
  return slugs;
}

export const postInvitation =
  (deps: Deps): RequestHandler =>
  async (req, res) => {
    const { db, config } = deps;
    const body = res.locals.body as CreateInvitation;
    const challenges = checkedChallenges(db, body);
    const token = newToken();
    const now = new Date();
    const invitation = db.transaction(() => {
      if (emailTaken(db, body.email)) throw new ConflictError(t("account.exists", { email: body.email }));
      // A new invitation to the same address replaces the open one (its link dies).
      const open = openInvitations(db, now.toISOString()).find((item) => item.email === body.email);
      if (open) revokeInvitation(db, open.id, now.toISOString());
      const { actor } = auditContext(req, res);
      const id = insertInvitation(db, {
        email: body.email,
        name: body.name,
        role: body.role,
        challenges,
        tokenHash: hashToken(token),
        invitedBy: actor!.id,
        now: now.toISOString(),
        expiresAt: addMinutes(now, INVITATION_MINUTES),
      });
      recordAudit(db, {
        ...auditContext(req, res),
        action: "invitation.created",
        targetType: "invitation",
        targetId: id,
        after: { email: body.email, name: body.name, role: body.role, challenges },
      });
      return findInvitation(db, id, now.toISOString())!;
    });
    const link = invitationLink(config.publicUrl, token);
    const delivery = await deliverLink(deps, invitationMail(invitation, auditContext(req, res).actor!.name, link, { proConnect: Boolean(config.oidc) }), link);
    res.status(201).json({ invitation: publicInvitation(invitation), ...delivery } satisfies InvitationCreated);
  };

const publicInvitation = ({ acceptedAt: _a, revokedAt: _r, ...invitation }: StoredInvitation): Invitation => invitation;

function openInvitationById(db: Db, id: number): StoredInvitation {
  const invitation = findInvitation(db, id, new Date().toISOString());
  if (!invitation || invitation.acceptedAt || invitation.revokedAt) throw new NotFoundError(t("invitation.notPending"));
  return invitation;
}

/** A new link (the previous one stops working) and a new expiry, sent again. */
export const resendInvitation =
  (deps: Deps): RequestHandler =>
  async (req, res) => {
    const { db, config } = deps;
    const { id } = res.locals.params as { id: number };
    const token = newToken();
    const now = new Date();
    const invitation = db.transaction(() => {
      openInvitationById(db, id);
      renewInvitationToken(db, id, hashToken(token), now.toISOString(), addMinutes(now, INVITATION_MINUTES));
      recordAudit(db, { ...auditContext(req, res), action: "invitation.resent", targetType: "invitation", targetId: id });
      return findInvitation(db, id, now.toISOString())!;
    });
    const link = invitationLink(config.publicUrl, token);
    const delivery = await deliverLink(deps, invitationMail(invitation, auditContext(req, res).actor!.name, link, { proConnect: Boolean(config.oidc) }), link);
    res.json({ invitation: publicInvitation(invitation), ...delivery } satisfies InvitationCreated);
  };

export const deleteInvitation =
  ({ db }: Deps): RequestHandler =>
  (req, res) => {
    const { id } = res.locals.params as { id: number };
    db.transaction(() => {
      const invitation = openInvitationById(db, id);
      revokeInvitation(db, id, new Date().toISOString());
      recordAudit(db, {
        ...auditContext(req, res),
        action: "invitation.revoked",
        targetType: "invitation",
        targetId: id,
        before: { email: invitation.email, role: invitation.role },
      });
    });
    res.status(204).end();
  };

/** The open invitation a link names, or the reason it cannot be used. */
export function usableInvitation(db: Db, token: string, now = new Date()): StoredInvitation {
  const invitation = findInvitationByTokenHash(db, hashToken(token), now.toISOString());
  if (!invitation) throw new LinkError(404, LINK_MESSAGES.unknown);
  if (invitation.acceptedAt) throw new LinkError(410, LINK_MESSAGES.used);
  if (invitation.revokedAt) throw new LinkError(410, LINK_MESSAGES.invitationRevoked);
  if (invitation.expired) throw new LinkError(410, LINK_MESSAGES.invitationExpired);
  return invitation;
}

/**
 * Creates the invited account (password hash, or none for a ProConnect acceptance), assigns a
 * mentor's challenges, closes the invitation. Inside the caller's transaction.
 */
export function consumeInvitation(
  db: Db,
  invitation: StoredInvitation,
  passwordHash: string | null,
  via: "password" | "oidc",
  ip: string | undefined,
): AuthUser {
  const now = new Date().toISOString();
  if (emailTaken(db, invitation.email)) throw new ConflictError(t("account.exists", { email: invitation.email }));
  const id = insertInvitedUser(db, { email: invitation.email, name: invitation.name, role: invitation.role, passwordHash });
  if (invitation.role === "mentor") {
    for (const slug of invitation.challenges) {
      db.run("INSERT OR IGNORE INTO challenge_mentors (challenge_id, user_id) SELECT id, ? FROM challenges WHERE slug = ?", [id, slug]);
    }
  }
  if (!markInvitationAccepted(db, invitation.id, id, now)) throw new LinkError(410, LINK_MESSAGES.used);
  const user = { id, email: invitation.email, name: invitation.name, role: invitation.role };
  recordAudit(db, {
    actor: user,
    action: "invitation.accepted",
    targetType: "invitation",
    targetId: invitation.id,
    after: { userId: id, email: user.email, role: user.role, challenges: invitation.challenges, via },
    ip,
  });
  return user;
}

export const checkInvitation =
  ({ db }: Deps): RequestHandler =>
  (_req, res) => {
    const { token } = res.locals.body as { token: string };
    const { email, name, role } = usableInvitation(db, token);
    res.json({ email, name, role });
  };

/** The invitee chooses a password; a session opens (an admin enrols TOTP first). */
export const acceptInvitation =
  ({ db, config }: Deps): RequestHandler =>
  async (req: Request, res) => {
    const { token, password } = res.locals.body as AcceptInvitation;
    await assertAcceptablePassword(password, usableInvitation(db, token).email);
    const passwordHash = await hashPassword(password);
    const { user, invitationId } = db.transaction(() => {
      const invitation = usableInvitation(db, token);
      return { user: consumeInvitation(db, invitation, passwordHash, "password", req.ip), invitationId: invitation.id };
    });
    if (user.role === "admin") {
      startPendingLogin(db, config, req, res, user.id, "enrolment");
      res.status(202).json({ next: "totp-enrolment" } satisfies LoginNextStep);
      return;
    }
    const { csrfToken } = openSession(db, config, req, res, user, { method: "password", details: { invitationId } });
    res.json({ user, csrfToken } satisfies SessionResponse);
  };
