import { config, type z } from "zod";
import { fr } from "zod/locales";
import { ApiError } from "./api-client";

// The shared schemas' own messages are French; zod's generic ones ("expected number") too.
config(fr());

/**
 * Checks a request body with its shared schema before sending it. A refusal is thrown as the
 * server's 400 would be (paths `body.field`), so that forms show both the same way.
 */
export function checkBody(schema: z.ZodType, body: unknown): void {
  const result = schema.safeParse(body);
  if (result.success) return;
  throw new ApiError({
    type: "about:blank",
    title: "Requête invalide",
    status: 400,
    detail: "Le formulaire contient des valeurs invalides.",
    errors: result.error.issues.map((issue) => ({
      path: ["body", ...issue.path.map(String)].join("."),
      message: issue.message,
    })),
  });
}
