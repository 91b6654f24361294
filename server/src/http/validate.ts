import type { RequestHandler } from "express";
import type { z } from "zod";
import { ValidationError, type FieldError } from "./errors";
import { t } from "../i18n/messages";

export interface Schemas {
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
}

/** More than this many field errors says nothing more to a person, and costs bytes. */
const MAX_FIELD_ERRORS = 20;

function fieldErrors(part: string, error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    path: [part, ...issue.path.map(String)].join("."),
    message: issue.message,
  }));
}

/**
 * Validates the request's parts with the shared schemas and puts the parsed values in
 * `res.locals.params`, `.query` and `.body` (Express 5's `req.query` is read-only).
 */
export function validate(schemas: Schemas): RequestHandler {
  return (req, res, next) => {
    const errors: FieldError[] = [];
    for (const part of ["params", "query", "body"] as const) {
      const schema = schemas[part];
      if (!schema) continue;
      const result = schema.safeParse(req[part] ?? {});
      if (result.success) res.locals[part] = result.data;
      else errors.push(...fieldErrors(part, result.error));
    }
    if (errors.length > MAX_FIELD_ERRORS) {
      throw new ValidationError(
        errors.slice(0, MAX_FIELD_ERRORS),
        t("problem.invalid.many", { count: errors.length, max: MAX_FIELD_ERRORS }),
      );
    }
    if (errors.length > 0) throw new ValidationError(errors);
    next();
  };
}
