import { config, type z } from "zod";
import { en, fr } from "zod/locales";
import { getLang } from "../i18n/lang";
import { currentI18n } from "../i18n/use-i18n";
import { ApiError } from "./api-error";

// The shared schemas' own messages follow the interface language (shared/i18n), and so do
// zod's generic ones ("expected number").
let zodLang: string | undefined;

/**
 * Checks a request body with its shared schema before sending it. A refusal is thrown as the
 * server's 400 would be (paths `body.field`), so that forms show both the same way.
 */
export function checkBody(schema: z.ZodType, body: unknown): void {
  if (zodLang !== getLang()) {
    zodLang = getLang();
    config(zodLang === "en" ? en() : fr());
  }
  const result = schema.safeParse(body);
  if (result.success) return;
  throw new ApiError({
    type: "about:blank",
    title: currentI18n().t.common.invalidRequest,
    status: 400,
    detail: currentI18n().t.common.invalidForm,
    errors: result.error.issues.map((issue) => ({
      path: ["body", ...issue.path.map(String)].join("."),
      message: issue.message,
    })),
  });
}
