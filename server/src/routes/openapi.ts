import { z } from "zod";
import type { Route } from "./route";
import { problemSchema } from "@shared/problem";

const ACCESS_LABELS: Record<Route["access"], string> = {
  public: "Sans session",
  signedIn: "Tout compte connecté",
  admin: "Équipe du programme (admin)",
  exporter: "Évaluateurs et équipe du programme",
  challengeEditor: "Équipe du programme, et mentors du défi concerné",
};

// Transforms (trimming, "" → null) have no JSON Schema: the input side is described.
const schemaOf = (schema: z.ZodType) => z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;

function parameters(route: Route) {
  const list: Record<string, unknown>[] = [];
  for (const name of route.path.matchAll(/:(\w+)/g)) {
    list.push({ name: name[1], in: "path", required: true, schema: { type: "string" } });
  }
  const query = route.input?.query ? schemaOf(route.input.query) : undefined;
  const properties = (query?.properties ?? {}) as Record<string, unknown>;
  const required = new Set((query?.required as string[] | undefined) ?? []);
  for (const [name, schema] of Object.entries(properties)) {
    list.push({ name, in: "query", required: required.has(name), schema });
  }
  if (route.ifMatch) {
    list.push({ name: "If-Match", in: "header", required: true, schema: { type: "string" }, description: route.ifMatch });
  }
  if (route.idempotent) {
    list.push({
      name: "Idempotency-Key",
      in: "header",
      required: false,
      schema: { type: "string", minLength: 1, maxLength: 255 },
      description:
        "Facultatif : une clé unique par demande (un UUID). Une répétition avec la même clé pendant 24 h répond le premier résultat " +
        "(en-tête Idempotent-Replayed: true) sans rien créer ; la même clé avec une autre requête est refusée (422).",
    });
  }
  if (route.method !== "get" && route.csrf !== false && route.access !== "public") {
    list.push({ name: "X-CSRF-Token", in: "header", required: true, schema: { type: "string" } });
  }
  return list;
}

/** The OpenAPI 3.1 document, generated from the route table and the shared schemas. */
export function openApiDocument(routes: readonly Route[]): Record<string, unknown> {
  const problem = { "application/problem+json": { schema: schemaOf(problemSchema) } };
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = `/api${route.path.replace(/:(\w+)/g, "{$1}")}`;
    const { status, schema, mediaType } = route.response;
    paths[path] ??= {};
    paths[path][route.method] = {
      summary: route.summary,
      description: `Accès : ${ACCESS_LABELS[route.access]}.`,
      "x-access": route.access,
      parameters: parameters(route),
      ...(route.input?.body ? { requestBody: { required: true, content: { "application/json": { schema: schemaOf(route.input.body) } } } } : {}),
      responses: {
        [status]: {
          description: "Succès",
          ...(schema ? { content: { "application/json": { schema: schemaOf(schema) } } } : {}),
          ...(mediaType ? { content: { [mediaType]: {} } } : {}),
        },
        ...(route.input ? { 400: { description: "Requête invalide (champs en erreur dans errors)", content: problem } } : {}),
        ...(route.access !== "public" ? { 401: { description: "Session requise", content: problem } } : {}),
        ...(route.access !== "public" && route.access !== "signedIn"
          ? { 403: { description: "Rôle ou défi non autorisé", content: problem } }
          : {}),
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Suivi de pérennisation des défis EIG",
      version: "1",
      description:
        "API du tableau de bord. Erreurs au format RFC 9457 (application/problem+json). Session par cookie HttpOnly ; toute écriture exige l'en-tête X-CSRF-Token.",
    },
    components: { securitySchemes: { session: { type: "apiKey", in: "cookie", name: "eig_session" } } },
    security: [{ session: [] }],
    paths,
  };
}
