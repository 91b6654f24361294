import express, { type RequestHandler } from "express";
import { HttpError, ValidationError } from "./errors";
import { t } from "../i18n/messages";

/**
 * Bounds on what a request body may be, checked before any schema runs. The schemas in
 * `shared/` set the real limits per field (a note is 2,000 characters, a list of mentors 50
 * ids); these generic bounds sit well above them and exist so that no body, however built,
 * costs the server much: a 100 kB array of 50,000 items would otherwise cost a full schema
 * pass and a 50,000-entry error list.
 */
export const BODY_LIMITS = {
  /** Raw size, before parsing (413). */
  bytes: 100 * 1024,
  /** Nesting of objects and arrays; real bodies go 2 deep. */
  depth: 8,
  /** Items in one array; the largest real list is 50 mentors. */
  arrayItems: 200,
  /** Members of one object. */
  objectKeys: 100,
  /** Characters in one string; the longest real field is 4,000. */
  stringLength: 10_000,
} as const;

class UnsupportedMediaTypeError extends HttpError {
  constructor() {
    super(415, t("problem.unsupportedType.title"), t("limits.notJson"));
  }
}

function hasBody(headers: Record<string, string | string[] | undefined>): boolean {
  return headers["transfer-encoding"] !== undefined || (headers["content-length"] !== undefined && headers["content-length"] !== "0");
}

/** Finds the first place where `value` exceeds the bounds, walking without recursion. */
function findExcess(value: unknown, limits = BODY_LIMITS): { path: string; message: string } | undefined {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value, path: "body", depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === "string") {
      if (value.length > limits.stringLength) {
        return { path, message: t("limits.string", { max: limits.stringLength }) };
      }
      // SQLite's text functions stop at a NUL: length('\0') is 0, so a name made of one NUL
      // passes the schema (1 character) and then fails a CHECK (length(name) >= 1) as a 500.
      // No field of this product has a use for it.
      if (value.includes("\u0000")) return { path, message: t("limits.nul") };
      continue;
    }
    if (value === null || typeof value !== "object") continue;
    if (depth >= limits.depth) return { path, message: t("limits.depth", { max: limits.depth }) };
    if (Array.isArray(value)) {
      if (value.length > limits.arrayItems) return { path, message: t("limits.array", { max: limits.arrayItems }) };
      value.forEach((item, index) => stack.push({ value: item, path: `${path}.${index}`, depth: depth + 1 }));
      continue;
    }
    const keys = Object.keys(value);
    if (keys.length > limits.objectKeys) return { path, message: t("limits.object", { max: limits.objectKeys }) };
    for (const key of keys) {
      if (key.length > limits.stringLength || key.includes("\u0000")) return { path, message: t("limits.key") };
      stack.push({ value: (value as Record<string, unknown>)[key], path: `${path}.${key}`, depth: depth + 1 });
    }
  }
  return undefined;
}

/**
 * The API's body parsing: JSON only (a body of another type is refused with 415 rather than
 * silently read as empty), at most `BODY_LIMITS.bytes` (413), then the structural bounds (400).
 */
export function jsonBody(limits = BODY_LIMITS): RequestHandler[] {
  return [
    (req, _res, next) => {
      if (hasBody(req.headers) && !req.is("application/json")) throw new UnsupportedMediaTypeError();
      next();
    },
    express.json({ limit: limits.bytes }),
    (req, _res, next) => {
      const excess = req.body === undefined ? undefined : findExcess(req.body, limits);
      if (excess) throw new ValidationError([excess], t("limits.exceeded"));
      next();
    },
  ];
}
