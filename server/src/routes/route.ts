import type { RequestHandler } from "express";
import { z } from "zod";
import type { Access, ChallengeResolver } from "../http/access";
import type { Schemas } from "../http/validate";
import { requestContext, requestInput, type Deps, type Handler } from "../handlers/context";

type Method = "get" | "post" | "put" | "patch" | "delete";

/** The success answer, for the OpenAPI document: a JSON body (its schema), none (204, 302), or a file. */
export interface RouteResponse {
  status: number;
  schema?: z.ZodType;
  mediaType?: string;
}

interface RouteFields<S extends Schemas> {
  method: Method;
  path: string;
  /** What it does, in French: the API documentation page shows it. */
  summary: string;
  /** Who may call it; the session, CSRF and role checks are derived from it (http/access.ts). */
  access: Access;
  /** Writes need the session's CSRF token, except login (there is no session yet). */
  csrf?: boolean;
  /** For challenge-scoped routes: how to find the challenge, for ownership and 404 (then `ctx.challenge`). */
  challenge?: ChallengeResolver;
  /** Shared schemas the request is validated with; the handler receives what they parse. */
  input?: S;
  /**
   * Creates a record: accepts an Idempotency-Key header, so that a repeated submission answers
   * the first result instead of creating a second record (http/idempotency.ts).
   */
  idempotent?: boolean;
  /** Guarded by a version: If-Match is required (428 without, 409 when it changed); says what the version is. */
  ifMatch?: string;
  /** Answer with an ETag from the data revision (304 when unchanged), computed once per revision. */
  cache?: "revision";
  /** The success answer: its status is the one `handle`'s value is sent with. */
  response: RouteResponse;
}

/**
 * How the route answers: `handle` gets the parsed input and the request context and returns
 * the body, sent as JSON with `response.status` (nothing returned: an empty answer with that
 * status; a handler that redirects or sends a file answers through `ctx.res` itself).
 */
export type RouteEntry<S extends Schemas = Schemas> = RouteFields<S> & { handle: NoInfer<Handler<S>> };
export type Route = RouteEntry<Schemas>;

/** One entry of the route table, its handler checked against the entry's schemas. */
export function route<S extends Schemas = Record<never, never>>(entry: RouteEntry<S>): Route {
  return entry as unknown as Route;
}

/** The body of a write that takes no field. */
export const emptyBody = z.strictObject({});

export const json = (status: number, schema?: z.ZodType): RouteResponse => ({ status, schema });
export const file = (mediaType: string): RouteResponse => ({ status: 200, mediaType });

/** The last link of the route's chain (after access, validation, cache and idempotency): its handler. */
export function answerOf(entry: Route, { db }: Deps): RequestHandler[] {
  const { handle, response: { status } } = entry;
  return [
    async (req, res) => {
      const body = await handle(requestInput(res), requestContext(db, req, res));
      if (res.headersSent) return;
      if (body === undefined) res.status(status).end();
      else res.status(status).json(body);
    },
  ];
}
