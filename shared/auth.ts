import { z } from "zod";
import { ROLES } from "./domain";
import { sm } from "./i18n/schema-messages";

export const roleSchema = z.enum(ROLES);

export const loginRequestSchema = z.strictObject({
  email: z.string().trim().max(254),
  password: z.string().max(1024),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const authUserSchema = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
});
export type AuthUser = z.infer<typeof authUserSchema>;

/** `POST /api/auth/login` and `GET /api/auth/me`. */
export const sessionResponseSchema = z.object({ user: authUserSchema, csrfToken: z.string() });
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

export const MIN_PASSWORD_LENGTH = 12;
export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, { error: sm("password.tooShort", { min: MIN_PASSWORD_LENGTH }) })
  .max(256, { error: sm("password.tooLong") });

/**
 * Where a user lands after signing in or accepting an invitation when no page was asked for:
 * a mentor comes to update their challenges (« Mes défis »), the others to read the dashboard.
 */
export function homePathFor(role: z.infer<typeof roleSchema>): string {
  return role === "mentor" ? "/mes-defis" : "/";
}
