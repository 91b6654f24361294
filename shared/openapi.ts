import { z } from "zod";

/**
 * `GET /api/openapi.json`: an OpenAPI 3.1 document. Only what the API documentation page reads
 * is described; the rest of the document passes as it is.
 */
export const openApiDocumentSchema = z.looseObject({
  openapi: z.string(),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.record(z.string(), z.looseObject({ summary: z.string() }))),
});
