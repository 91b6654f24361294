import fc from "fast-check";

/**
 * fast-check arbitraries from a JSON Schema (as `z.toJSONSchema` writes it for the shared
 * schemas): mostly valid values, so that fuzzing reaches the handlers and not only the
 * validator, with boundary values (max length, max + 1, out-of-range numbers) mixed in.
 * Only what the shared schemas use is understood; anything else becomes any JSON value.
 */
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  format?: string;
  default?: unknown;
};

/** Values that break assumptions: wrong types, limits, injections, odd Unicode. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    true,
    false,
    0,
    -1,
    -0,
    1.5,
    2 ** 53 + 1,
    1e308,
    -1e308,
    "",
    " ",
    "\u0000",
    "x".repeat(2001),
    "x".repeat(10_001),
    "é".repeat(4001),
    "<script>alert(1)</script>",
    "' OR '1'='1'; DROP TABLE status_updates; --",
    "${7*7}{{7*7}}",
    "javascript:alert(1)",
    `https://${"a".repeat(600)}.fr`,
    "2021-02-30",
    "0000-00-00",
    "9999-12-31",
    "2020-01-01T00:00:00Z",
    "\u202egnp.exe",
    "🙂".repeat(500),
    "NaN",
    "__proto__",
    [],
    [null],
    Array.from({ length: 300 }, (_, i) => i),
    {},
    { nested: { deeper: { deepest: {} } } },
  ),
  fc.jsonValue({ maxDepth: 2 }),
  fc.string({ maxLength: 40, unit: "binary" }),
);

function typesOf(schema: JsonSchema): string[] {
  if (Array.isArray(schema.type)) return schema.type;
  return schema.type ? [schema.type] : [];
}

function stringOf(schema: JsonSchema, key: string | undefined): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.format === "date") {
    return fc.oneof(
      { weight: 4, arbitrary: fc.date({ min: new Date("2016-01-01"), max: new Date(), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)) },
      { weight: 1, arbitrary: fc.constantFrom("2015-12-31", "2099-01-01", "2021-02-29", "2020-13-01", "20200101") },
    );
  }
  if (schema.format === "uri") {
    return fc.oneof(
      { weight: 3, arbitrary: fc.webUrl({ validSchemes: ["https", "http"] }) },
      { weight: 1, arbitrary: fc.constantFrom("ftp://a.fr", "javascript:alert(1)", "data:text/html,x", "//a.fr", "https://") },
    );
  }
  if (schema.format === "email" || key === "email") {
    // Plain addresses mostly (zod's check is stricter than RFC 5322), RFC oddities sometimes.
    const plain = fc
      .tuple(fc.stringMatching(/^[a-z0-9]{1,12}(\.[a-z0-9]{1,8})?$/), fc.constantFrom("test.gouv.fr", "exemple.fr"))
      .map(([local, domain]) => `${local}@${domain}`);
    return fc.oneof(
      { weight: 4, arbitrary: plain },
      { weight: 1, arbitrary: fc.emailAddress() },
      { weight: 1, arbitrary: fc.constantFrom("pas-une-adresse", "a@", "@b.fr", `${"a".repeat(250)}@b.fr`, "A@B.FR ") },
    );
  }
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? 300;
  return fc.oneof(
    { weight: 6, arbitrary: fc.string({ minLength: min, maxLength: Math.min(max, Math.max(min, 60)) }) },
    { weight: 1, arbitrary: fc.string({ minLength: min, maxLength: Math.min(max, Math.max(min, 60)), unit: "grapheme" }) },
    // Exactly at the limit, and one past it.
    { weight: 1, arbitrary: fc.constantFrom("a".repeat(max), "é".repeat(max + 1), " ".repeat(Math.max(min, 1))) },
  );
}

function numberOf(schema: JsonSchema, integer: boolean): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1000);
  const max = Math.min(schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : 1000), 2 ** 31 - 1);
  const inRange = integer ? fc.integer({ min: Math.max(min, -(2 ** 31)), max }) : fc.double({ min, max, noNaN: true });
  return fc.oneof(
    { weight: 4, arbitrary: integer ? fc.integer({ min: Math.max(min, 0), max: Math.min(max, 30) }) : inRange },
    { weight: 2, arbitrary: inRange },
    { weight: 1, arbitrary: fc.constantFrom(min - 1, max + 1, min + 0.5) },
  );
}

/** A value for `schema`; `key` is the property's name, a hint for emails. */
function arbitraryFromSchema(schema: JsonSchema, key?: string, depth = 0): fc.Arbitrary<unknown> {
  if (depth > 4) return fc.constant(null);
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return fc.oneof(...variants.map((variant) => arbitraryFromSchema(variant, key, depth + 1)));
  if (schema.const !== undefined && !typesOf(schema).includes("number")) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const types = typesOf(schema);
  if (types.length > 1) return fc.oneof(...types.map((type) => arbitraryFromSchema({ ...schema, type }, key, depth + 1)));
  switch (types[0]) {
    case "string":
      return stringOf(schema, key);
    case "integer":
      return numberOf(schema, true);
    case "number":
      return numberOf(schema, false);
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array":
      return fc.array(schema.items ? arbitraryFromSchema(schema.items, key, depth + 1) : fc.jsonValue({ maxDepth: 1 }), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min((schema.maxItems ?? 5) + 1, 60),
      });
    case "object": {
      const properties = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [name, property] of Object.entries(properties)) record[name] = arbitraryFromSchema(property, name, depth + 1);
      return fc.record(record, { requiredKeys: Object.keys(properties).filter((name) => required.has(name)) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/**
 * Near-valid bodies for `schema`: a valid-looking object, sometimes with one member made
 * hostile, an unknown member added, or a required member dropped.
 */
export function nearValidBody(schema: JsonSchema): fc.Arbitrary<unknown> {
  const valid = arbitraryFromSchema(schema);
  const keys = Object.keys(schema.properties ?? {});
  if (keys.length === 0) return valid;
  const mutated = fc
    .tuple(valid, fc.constantFrom(...keys), hostileValue, fc.constantFrom("replace", "add", "drop"))
    .map(([body, key, value, how]) => {
      if (body === null || typeof body !== "object" || Array.isArray(body)) return body;
      const copy: Record<string, unknown> = { ...(body as Record<string, unknown>) };
      if (how === "replace") copy[key] = value;
      else if (how === "add") copy[`${key}Extra`] = value;
      else delete copy[key];
      return copy;
    });
  return fc.oneof({ weight: 3, arbitrary: valid }, { weight: 2, arbitrary: mutated });
}
