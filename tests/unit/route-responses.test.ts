// Every JSON answer of the API is described by a schema: the OpenAPI document shows it, and
// the permission matrix (tests/api/permissions.test.ts) checks real answers against it.
import { describe, expect, it } from "vitest";
import { readConfig } from "../../server/src/config";
import { apiRoutes } from "../../server/src/routes";
import { openApiDocument } from "../../server/src/routes/openapi";

const routes = apiRoutes({ db: undefined as never, config: readConfig({}), mailer: undefined as never });
const name = (route: (typeof routes)[number]) => `${route.method} ${route.path}`;

describe("route responses", () => {
  it("declares a schema for every success answered with a JSON body", () => {
    const answersJson = (route: (typeof routes)[number]) => {
      const { status, mediaType } = route.response;
      return status >= 200 && status < 300 && status !== 204 && mediaType === undefined;
    };
    expect(routes.filter((route) => answersJson(route) && !route.response.schema).map(name)).toEqual([]);
  });

  it("answers a body only where it is a success with content, and a file only with its media type", () => {
    const misdeclared = routes.filter(
      ({ response: { status, schema, mediaType } }) => (status === 204 || status >= 300) && (schema || mediaType),
    );
    expect(misdeclared.map(name)).toEqual([]);
  });

  it("puts each declared schema in the OpenAPI document", () => {
    const paths = openApiDocument(routes).paths as Record<string, Record<string, { responses: Record<number, { content?: unknown }> }>>;
    const undocumented = routes.filter((route) => {
      const operation = paths[`/api${route.path.replace(/:(\w+)/g, "{$1}")}`][route.method];
      return route.response.schema !== undefined && !operation.responses[route.response.status].content;
    });
    expect(undocumented.map(name)).toEqual([]);
  });
});
