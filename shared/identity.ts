import { z } from "zod";
import { authUserSchema, passwordSchema, roleSchema } from "./auth";
import { SIGN_IN_METHODS } from "./sign-in-audit";
import { emailSchema, personNameSchema } from "./user";
import { sm } from "./i18n/schema-messages";

/** A token from an emailed link: 32 random bytes, base64url (43 characters). */
const linkTokenSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{43}$/, { error: sm("identity.token") });

/** Six digits, or a recovery code (`xxxxx-xxxxx`, letters and digits); spaces are ignored. */
const secondFactorCodeSchema = z
  .string()
  .max(40, { error: sm("identity.codeTooLong") })
  .transform((value) => value.replace(/\s+/g, "").toLowerCase())
  .pipe(z.string().regex(/^(\d{6}|[a-z0-9]{5}-?[a-z0-9]{5})$/, { error: sm("identity.codeFormat") }));

export const codeRequestSchema = z.strictObject({ code: secondFactorCodeSchema });

/** A new TOTP key from « Mon compte »: with TOTP already on, a current code (or a recovery code) to replace it. */
export const accountEnrolmentRequestSchema = z.strictObject({ code: secondFactorCodeSchema.optional() });

/** Login answered 202: a second step is due before any session exists. */
export const loginNextStepSchema = z.object({ next: z.enum(["totp", "totp-enrolment"]) });
export type LoginNextStep = z.infer<typeof loginNextStepSchema>;

/** A TOTP secret being enrolled: to type in (base32) or to open in an app (otpauth:// URI). */
export const totpEnrolmentSchema = z.object({ secret: z.string(), uri: z.string() });
export type TotpEnrolment = z.infer<typeof totpEnrolmentSchema>;

export const recoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()) });

/** Enrolment confirmed during login: the session, and the recovery codes shown once. */
export const enrolledSessionSchema = z.object({ user: authUserSchema, csrfToken: z.string(), recoveryCodes: z.array(z.string()) });
export type EnrolledSession = z.infer<typeof enrolledSessionSchema>;

/** What sign-in offers, and whether links can go by email (the admin page says so when not). */
export const authProvidersSchema = z.object({ proConnect: z.boolean(), emailEnabled: z.boolean() });
export type AuthProviders = z.infer<typeof authProvidersSchema>;

/** `GET /api/account`: the signed-in account's own security settings. */
export const accountSchema = z.object({
  user: authUserSchema,
  totpEnabled: z.boolean(),
  /** Admins signing in with a password cannot do without it. */
  totpRequired: z.boolean(),
  recoveryCodesLeft: z.number().int(),
  authMethod: z.enum(["password", "oidc"]),
  /** With which factors this session was opened. */
  signInMethod: z.enum(SIGN_IN_METHODS),
  hasPassword: z.boolean(),
});
export type Account = z.infer<typeof accountSchema>;

// ----- Invitations

export const createInvitationSchema = z.strictObject({
  email: z.string().trim().toLowerCase().pipe(emailSchema),
  name: personNameSchema,
  role: roleSchema,
  /** For a mentor: the challenges (slugs) assigned on acceptance. */
  challenges: z.array(z.string().max(120)).max(50, { error: sm("invitation.tooManyChallenges") }).default([]),
});
export type CreateInvitation = z.infer<typeof createInvitationSchema>;

export const invitationSchema = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  challenges: z.array(z.string()),
  invitedBy: z.string().nullable(),
  sentAt: z.string(),
  expiresAt: z.string(),
  expired: z.boolean(),
});
export type Invitation = z.infer<typeof invitationSchema>;

/**
 * What the admin gets after an invitation or a reset link is made: whether it went by
 * email; without SMTP, the link itself, shown once for the admin to hand over.
 */
export const linkDeliverySchema = z.object({ emailSent: z.boolean(), link: z.string().optional() });
export type LinkDelivery = z.infer<typeof linkDeliverySchema>;
export const invitationCreatedSchema = linkDeliverySchema.extend({ invitation: invitationSchema });
export type InvitationCreated = z.infer<typeof invitationCreatedSchema>;

export const invitationIdParamsSchema = z.strictObject({ id: z.coerce.number().int().positive() });
export const tokenRequestSchema = z.strictObject({ token: linkTokenSchema });
export const invitationPreviewSchema = z.object({ email: z.string(), name: z.string(), role: roleSchema });
export type InvitationPreview = z.infer<typeof invitationPreviewSchema>;
export const acceptInvitationSchema = z.strictObject({ token: linkTokenSchema, password: passwordSchema });

// ----- Password reset

export const passwordResetRequestSchema = z.strictObject({ email: z.string().trim().toLowerCase().pipe(emailSchema) });
export const passwordResetPreviewSchema = z.object({ email: z.string() });
/** The same empty answer whether or not the address has an account. */
export const passwordResetRequestedSchema = z.strictObject({});
export const newPasswordSchema = z.strictObject({ token: linkTokenSchema, password: passwordSchema });
