// Inviting someone, sending a new link, cancelling, and accepting: the programme team invites
// by email; the invitee's acceptance creates the account, makes a mentor the mentor of the
// challenges named in the invitation and closes the invitation, in one transaction with its
// audit entry (docs/decisions/0006-identity-links-and-second-factor.md). Sending the link is
// the caller's: it happens after the write, never inside it.
import type { AuthUser } from "@shared/auth";
import type { CreateInvitation } from "@shared/identity";
import type { Db } from "../db/database";
import { addMinutes, hashToken, INVITATION_VALIDITY_DAYS, newToken } from "../identity/tokens";
import { recordAudit } from "../repositories/audit";
import { challengeIdsBySlug } from "../repositories/campaigns";
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
import { assignMentorBySlug } from "../repositories/mentor-assignments";
import { emailTaken } from "../repositories/users";
import { auditedBy, type Actor } from "./actor";
import { InvalidInput, message, NotFound, StateConflict, UnusableLink } from "./errors";

const INVITATION_MINUTES = INVITATION_VALIDITY_DAYS * 24 * 60;

/** An invitation as stored, and the token of its link (only its hash is stored). */
export interface InvitationWithLink {
  invitation: StoredInvitation;
  token: string;
}

/** The challenges an invitation names: only a mentor's, and only existing ones. */
function checkedChallenges(db: Db, input: CreateInvitation): string[] {
  const slugs = [...new Set(input.challenges)];
  if (slugs.length > 0 && input.role !== "mentor") {
    throw new InvalidInput([{ field: "challenges", reason: message("invitation.onlyMentorsGetChallenges") }]);
  }
  const existing = challengeIdsBySlug(db, slugs);
  const unknown = slugs.filter((slug) => !existing.has(slug));
  if (unknown.length > 0) {
    throw new InvalidInput(unknown.map((slug) => ({ field: "challenges", reason: message("invitation.unknownChallenge", { slug }) })));
  }
  return slugs;
}

/** Invites someone with no account; a new invitation to the same address replaces the open one (its link dies). */
export function invite(db: Db, input: CreateInvitation, by: Actor): InvitationWithLink {
  const token = newToken();
  const now = new Date();
  const invitation = db.transaction(() => {
    const challenges = checkedChallenges(db, input);
    if (emailTaken(db, input.email)) throw new StateConflict(message("account.exists", { email: input.email }));
    const open = openInvitations(db, now.toISOString()).find((item) => item.email === input.email);
    if (open) revokeInvitation(db, open.id, now.toISOString());
    const id = insertInvitation(db, {
      email: input.email,
      name: input.name,
      role: input.role,
      challenges,
      tokenHash: hashToken(token),
      invitedBy: by.id,
      now: now.toISOString(),
      expiresAt: addMinutes(now, INVITATION_MINUTES),
    });
    recordAudit(db, {
      ...auditedBy(by),
      action: "invitation.created",
      targetType: "invitation",
      targetId: id,
      after: { email: input.email, name: input.name, role: input.role, challenges },
    });
    return findInvitation(db, id, now.toISOString())!;
  });
  return { invitation, token };
}

/** The invitation `id` while it still waits for its invitee. */
function pendingInvitation(db: Db, id: number): StoredInvitation {
  const invitation = findInvitation(db, id, new Date().toISOString());
  if (!invitation || invitation.acceptedAt || invitation.revokedAt) throw new NotFound(message("invitation.notPending"));
  return invitation;
}

/** A new link (the previous one stops working) and a new expiry. */
export function renewInvitation(db: Db, id: number, by: Actor): InvitationWithLink {
  const token = newToken();
  const now = new Date();
  const invitation = db.transaction(() => {
    pendingInvitation(db, id);
    renewInvitationToken(db, id, hashToken(token), now.toISOString(), addMinutes(now, INVITATION_MINUTES));
    recordAudit(db, { ...auditedBy(by), action: "invitation.resent", targetType: "invitation", targetId: id });
    return findInvitation(db, id, now.toISOString())!;
  });
  return { invitation, token };
}

/** Cancels a pending invitation: its link stops working. */
export function cancelInvitation(db: Db, id: number, by: Actor): void {
  db.transaction(() => {
    const invitation = pendingInvitation(db, id);
    revokeInvitation(db, id, new Date().toISOString());
    recordAudit(db, {
      ...auditedBy(by),
      action: "invitation.revoked",
      targetType: "invitation",
      targetId: id,
      before: { email: invitation.email, role: invitation.role },
    });
  });
}

/** The open invitation a link names, or the reason it cannot be used. */
export function usableInvitation(db: Db, token: string, now = new Date()): StoredInvitation {
  const invitation = findInvitationByTokenHash(db, hashToken(token), now.toISOString());
  if (!invitation) throw new UnusableLink("unknown");
  if (invitation.acceptedAt) throw new UnusableLink("used");
  if (invitation.revokedAt) throw new UnusableLink("invitationRevoked");
  if (invitation.expired) throw new UnusableLink("invitationExpired");
  return invitation;
}

/**
 * Creates the invited account (password hash, or none for a ProConnect acceptance), makes a
 * mentor the mentor of the invitation's challenges, closes the invitation, with its audit
 * entry. Inside the caller's transaction: acceptInvitation's, or the ProConnect sign-in's.
 */
export function consumeInvitation(
  db: Db,
  invitation: StoredInvitation,
  passwordHash: string | null,
  via: "password" | "oidc",
  ip: string | undefined,
): AuthUser {
  const now = new Date().toISOString();
  if (emailTaken(db, invitation.email)) throw new StateConflict(message("account.exists", { email: invitation.email }));
  const id = insertInvitedUser(db, { email: invitation.email, name: invitation.name, role: invitation.role, passwordHash });
  if (invitation.role === "mentor") {
    for (const slug of invitation.challenges) assignMentorBySlug(db, id, slug);
  }
  if (!markInvitationAccepted(db, invitation.id, id, now)) throw new UnusableLink("used");
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

/** The invitee accepts with the password they chose (already hashed). Returns the new account. */
export function acceptInvitation(db: Db, token: string, passwordHash: string, ip: string | undefined): { user: AuthUser; invitationId: number } {
  return db.transaction(() => {
    const invitation = usableInvitation(db, token);
    return { user: consumeInvitation(db, invitation, passwordHash, "password", ip), invitationId: invitation.id };
  });
}
