import { z } from "zod";
import { passwordSchema, roleSchema } from "./auth";
import { textSchema } from "./common";
import { sm } from "./i18n/schema-messages";

export const emailSchema = z
  .email({ error: sm("email.invalid") })
  .max(254, { error: sm("email.tooLong") });
export const personNameSchema = textSchema(120, "Nom").pipe(z.string().min(1, { error: sm("name.required") }));

/** `POST /api/users` (admin). */
export const createUserSchema = z.strictObject({
  email: z.string().trim().toLowerCase().pipe(emailSchema),
  name: personNameSchema,
  role: roleSchema,
  password: passwordSchema,
});

/** `PATCH /api/users/:id` (admin): rename, change role, deactivate or reactivate. */
export const updateUserSchema = z
  .strictObject({
    name: personNameSchema.optional(),
    role: roleSchema.optional(),
    isActive: z.boolean().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { error: sm("user.nothingToEdit") });
export type UpdateUser = z.infer<typeof updateUserSchema>;

/** An account as the admin pages see it; never with its password. */
export const userSchema = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  isActive: z.boolean(),
  createdAt: z.string(),
  challenges: z.array(z.object({ slug: z.string(), title: z.string() })),
});
export type User = z.infer<typeof userSchema>;

export const userIdParamsSchema = z.strictObject({ id: z.coerce.number().int().positive() });

/** `PUT /api/challenges/:slug/mentors`. */
export const mentorAssignmentSchema = z.strictObject({
  userIds: z.array(z.number().int().positive()).max(50, { error: sm("user.tooManyMentors") }),
});
export type MentorAssignment = z.infer<typeof mentorAssignmentSchema>;

/** `POST /api/users`: the account created (never its password). */
export const userCreatedSchema = userSchema.pick({ id: true, email: true, name: true, role: true });

/** `PUT /api/challenges/:slug/mentors`: the challenge's active mentors after the change, by name. */
export const challengeMentorsSchema = z.object({ mentors: z.array(z.object({ id: z.number().int(), name: z.string() })) });
