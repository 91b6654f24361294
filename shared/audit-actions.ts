// Every action the server writes to the audit log. `recordAudit` only takes these (tsc), and
// the log page has a label for each in both languages (client/src/i18n/messages/admin.ts,
// checked by tests/unit/audit-actions.test.ts): a new action is added here first.
import { SIGN_IN_AUDIT } from "./sign-in-audit";

const ITEM_KINDS = ["action", "scenario", "ally", "resource"] as const;
const ENTRY_KINDS = ["status_update", "outcome"] as const;

export const AUDIT_ACTIONS = [
  ...Object.values(SIGN_IN_AUDIT),
  "logout",
  "login.oidc_refused",
  "login.oidc_linked",
  "login.oidc_unlinked",
  "password.reset_requested",
  "password.reset",
  "totp.enrolled",
  "totp.disabled",
  "totp.replaced",
  "totp.failed",
  "totp.secrets_encrypted",
  "user.created",
  "user.updated",
  "user.password_reset",
  "user.password_reset_sent",
  "invitation.created",
  "invitation.resent",
  "invitation.revoked",
  "invitation.accepted",
  "challenge.mentors_updated",
  "status_update.created",
  "status_update.retracted",
  "status.confirmed",
  "outcome.updated",
  "checklist.updated",
  ...ITEM_KINDS.flatMap((kind) => [`${kind}.created`, `${kind}.updated`, `${kind}.deleted`] as const),
  ...ENTRY_KINDS.flatMap((kind) => [`${kind}.validated`, `${kind}.sent_back`, `${kind}.dismissed`] as const),
  "promotion.created",
  "promotion.updated",
  "challenge.created",
  "challenge.updated",
  "campaign.created",
  "campaign.updated",
  "campaign.closed",
  "campaign.deleted",
  "campaign.reminders_sent",
  "snapshot.created",
  "snapshot.deleted",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Labels kept for actions older entries may still carry, though the server no longer writes them. */
export const FORMER_AUDIT_ACTIONS = ["totp.succeeded", "totp.recovery_code_used", "login.oidc"] as const;
