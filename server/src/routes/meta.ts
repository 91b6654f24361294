import { route, json, type Route } from "./route";
import { z } from "zod";
import type { Deps } from "../handlers/context";
import { health, getMeta } from "../handlers/meta";
import { metaSchema } from "@shared/stats";
import { openApiDocumentSchema } from "@shared/openapi";

/** The service itself: health, this API's description, the data revision. */
export function metaRoutes(deps: Deps, openApiDocument: () => unknown): Route[] {
  return [
    route({
      method: "get",
      path: "/health",
      summary: "État du service et de sa base de données.",
      access: "public",
      response: json(200, z.object({ ok: z.literal(true) })),
      handle: health(deps),
    }),
    route({
      method: "get",
      path: "/openapi.json",
      summary: "Cette description de l'API (OpenAPI 3.1).",
      access: "signedIn",
      response: json(200, openApiDocumentSchema),
      handle: openApiDocument,
    }),
    route({
      method: "get",
      path: "/meta",
      summary: "Révision des données et nature du jeu (réel ou synthétique), pour les légendes.",
      access: "signedIn",
      response: json(200, metaSchema),
      handle: getMeta(deps),
    }),
  ];
}
