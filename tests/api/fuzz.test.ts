// Hostile input. Property-based (fast-check) on every write route of the route table: random
// and hostile bodies, headers and path parameters never give a 5xx, every 4xx is
// problem+json, and a 4xx writes nothing. Then the limits one by one, and the logs.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createApp } from "../../server/src/app";
import { LOGIN_LIMITS, readConfig } from "../../server/src/config";
import { checkDatabase } from "../../server/src/db/database";
import { createLogger } from "../../server/src/lib/logger";
import { BODY_LIMITS } from "../../server/src/http/limits";
import { isMentorOf, replaceChallengeMentors } from "../../server/src/repositories/users";
import { apiRoutes, type Route } from "../../server/src/routes";
import { createSession, SESSION_COOKIE } from "../../server/src/auth/sessions";
import { CHECKLIST_ITEMS } from "@shared/domain";
import { addDays, parisDate } from "@shared/dates";
import { nearValidBody, hostileValue, type JsonSchema } from "../support/json-schema-arbitrary";
import { createAccount, SessionClient, signedInClient } from "../support/session-client";
import { createTestDatabase } from "../support/test-database";
import { startTestServer, type TestServer } from "../support/test-server";

/** Cases per write route; FUZZ_RUNS and FUZZ_SEED reproduce or widen a run. */
const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS ?? 40);
const TIME_PER_ROUTE_MS = 3_000;
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

let server: TestServer;
const actors: Record<"admin" | "mentor" | "otherMentor" | "evaluator", { client: SessionClient; id: number; email: string; password: string }> =
  {} as never;
let realSlug: string;
let realId: number;
let otherSlug: string;
let victimUserId: number;

// ---------------------------------------------------------------------------------------
// What a refused request must leave untouched: every table's row count, and the revision
// that triggers bump on any change a reader could see.

function tableNames(): string[] {
  return server.db
    .all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .map((row) => row.name);
}

function snapshot(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const table of tableNames()) counts[table] = server.db.get<{ n: number }>(`SELECT count(*) AS n FROM "${table}"`)!.n;
  counts["data_revision.revision"] = server.db.get<{ revision: number }>("SELECT revision FROM data_revision")!.revision;
  return counts;
}

// ---------------------------------------------------------------------------------------
// Path parameters: a token chosen by fast-check, resolved to a value when the case runs
// (an item deleted by an earlier case must not be reused as "real").

const HOSTILE_SEGMENTS = [
  "nexiste-pas",
  "..",
  "../../etc/passwd",
  "' OR '1'='1",
  "<script>alert(1)</script>",
  "défi-accentué",
  "🙂",
  "__proto__",
  "constructor",
  "null",
  " ",
  "a".repeat(3000),
  "0",
  "-1",
  "1.5",
  "1e3",
  "0x10",
  "NaN",
  "Infinity",
  "9007199254740993",
  "99999999",
  "1".repeat(400),
];
/** Sent as they are, not encoded: a malformed percent-escape and a NUL. */
const RAW_SEGMENTS = ["%E0%A4%A", "%ZZ", "%", "%00", "%2e%2e%2f", "a%2Fb"];

const segmentToken = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ kind: "real" as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: "other" as const }) },
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_SEGMENTS).map((value) => ({ kind: "hostile" as const, value })) },
  { weight: 1, arbitrary: fc.constantFrom(...RAW_SEGMENTS).map((value) => ({ kind: "raw" as const, value })) },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }).map((value) => ({ kind: "hostile" as const, value })) },
);
type SegmentToken = typeof segmentToken extends fc.Arbitrary<infer T> ? T : never;

/** The table whose ids a `:id` after this segment names (actions → actions, status-updates → status_updates). */
function tableBefore(path: string, param: string): string | undefined {
  const segments = path.split("/");
  const index = segments.indexOf(`:${param}`);
  const table = segments[index - 1]?.replaceAll("-", "_");
  return table && tableNames().includes(table) ? table : undefined;
}

function realValue(route: Route, param: string, other: boolean): string {
  if (param === "slug") return other ? otherSlug : realSlug;
  if (param === "item") return other ? "not_an_item" : CHECKLIST_ITEMS[Math.floor(Math.random() * CHECKLIST_ITEMS.length)];
  // Promotions are named by their key ("1", "dig"...), not by an id.
  if (param === "key") return other ? "inconnue" : server.db.get<{ key: string }>("SELECT key FROM promotions ORDER BY random() LIMIT 1")!.key;
  const table = tableBefore(route.path, param);
  if (!table) return "1";
  // Snapshots belong to no challenge: any of them ("other" makes no difference).
  if (table === "snapshots") return String(server.db.get<{ id: number }>("SELECT id FROM snapshots ORDER BY random() LIMIT 1")?.id ?? 99_999_999);
  const actorIds = Object.values(actors).map((actor) => actor.id);
  // Campaigns belong to no challenge: any of them is "real".
  if (table === "campaigns") return String(server.db.get<{ id: number }>("SELECT id FROM campaigns ORDER BY random() LIMIT 1")?.id ?? 99_999_999);
  const row =
    table === "users"
      ? server.db.get<{ id: number }>(`SELECT id FROM users WHERE id NOT IN (${actorIds.join(",")}) ORDER BY random() LIMIT 1`)
      : table === "invitations" // not tied to a challenge
        ? server.db.get<{ id: number }>("SELECT id FROM invitations ORDER BY random() LIMIT 1")
        : server.db.get<{ id: number }>(
          `SELECT id FROM "${table}" WHERE challenge_id ${other ? "!=" : "="} ? ORDER BY random() LIMIT 1`,
          [realId],
        );
  return String(row?.id ?? 99_999_999);
}

function concretePath(route: Route, tokens: Record<string, SegmentToken>): string {
  return route.path.replace(/:(\w+)/g, (_, param: string) => {
    const token = tokens[param];
    if (token.kind === "real" || token.kind === "other") return encodeURIComponent(realValue(route, param, token.kind === "other"));
    return token.kind === "raw" ? token.value : encodeURIComponent(token.value);
  });
}

// ---------------------------------------------------------------------------------------
// Bodies: near-valid from the route's own schema, hostile JSON, or raw text.

const RAW_BODIES = [
  "",
  "{",
  "null",
  "[]",
  '"texte"',
  "1",
  "true",
  '{"a":',
  "\uFEFF{}",
  "{}{}",
  "{} garbage",
  "{'simple': 'quotes'}",
  '{"__proto__": {"isAdmin": true}, "constructor": {"prototype": {"role": "admin"}}}',
  '{"level": 1, "level": "deux"}',
  "NaN",
  '{"n": 1e999}',
  "[".repeat(5000) + "]".repeat(5000),
  '{"a":'.repeat(3000) + "1" + "}".repeat(3000),
  `[${Array.from({ length: 45_000 }, () => "1").join(",")}]`,
  `{"note": "${"x".repeat(150_000)}"}`,
  JSON.stringify(Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`k${i}`, i]))),
];

type Body = { kind: "json"; value: unknown } | { kind: "raw"; text: string } | { kind: "none" };

function bodyFor(route: Route): fc.Arbitrary<Body> {
  const schema = route.input?.body;
  const nearValid = schema
    ? nearValidBody(z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema)
    : fc.constant({});
  return fc.oneof(
    { weight: 6, arbitrary: nearValid.map((value): Body => ({ kind: "json", value })) },
    { weight: 2, arbitrary: hostileValue.map((value): Body => ({ kind: "json", value })) },
    { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 12 }), hostileValue, { maxKeys: 6 }).map((value): Body => ({ kind: "json", value })) },
    { weight: 2, arbitrary: fc.constantFrom(...RAW_BODIES).map((text): Body => ({ kind: "raw", text })) },
    { weight: 1, arbitrary: fc.constant<Body>({ kind: "none" }) },
  );
}

// ---------------------------------------------------------------------------------------
// Who asks, and with which headers.

const actorArb = fc.oneof(
  { weight: 4, arbitrary: fc.constant("admin" as const) },
  { weight: 4, arbitrary: fc.constant("mentor" as const) },
  { weight: 1, arbitrary: fc.constant("otherMentor" as const) },
  { weight: 1, arbitrary: fc.constant("evaluator" as const) },
  { weight: 1, arbitrary: fc.constant("anonymous" as const) },
);

const printable = (maxLength: number) => fc.string({ maxLength, unit: "binary-ascii" }).map((text) => text.replace(/[^\x20-\x7e]/g, "x"));

const headersArb = fc.record({
  contentType: fc.oneof(
    { weight: 8, arbitrary: fc.constant("application/json") },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        undefined,
        "application/json; charset=utf-8",
        "application/json; charset=utf-16",
        "application/json; charset=latin1",
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "application/problem+json",
        "application/json; charset=",
        ";;;",
      ),
    },
  ),
  csrf: fc.oneof({ weight: 8, arbitrary: fc.constant("own") }, { weight: 2, arbitrary: fc.constantFrom("missing", "wrong", "long", "other") }),
  cookie: fc.oneof(
    { weight: 8, arbitrary: fc.constant("own") },
    { weight: 2, arbitrary: fc.constantFrom("none", "garbage", "long", "doubled", "percent") },
  ),
  ifMatch: fc.oneof(
    { weight: 3, arbitrary: fc.constant("current") },
    { weight: 2, arbitrary: fc.constant(undefined) },
    { weight: 2, arbitrary: fc.constantFrom("0", "*", 'W/"1"', '"abc"', "-1", "1e400", "9".repeat(60), "", "1.5", "0x1", " 1 ") },
    { weight: 1, arbitrary: printable(40) },
  ),
  contentEncoding: fc.oneof(
    { weight: 9, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constantFrom("gzip", "deflate", "br", "identity", "x-inconnu", "gzip, gzip") },
  ),
  requestId: fc.oneof({ weight: 8, arbitrary: fc.constant(undefined) }, { weight: 2, arbitrary: printable(200) }),
  extra: fc.option(fc.tuple(fc.stringMatching(/^X-[A-Za-z0-9-]{1,20}$/), printable(100)), { freq: 5 }),
});

interface FuzzCase {
  actor: "admin" | "mentor" | "otherMentor" | "evaluator" | "anonymous";
  tokens: Record<string, SegmentToken>;
  body: Body;
  headers: typeof headersArb extends fc.Arbitrary<infer T> ? T : never;
}

const NORMAL_HEADERS: FuzzCase["headers"] = {
  contentType: "application/json",
  csrf: "own",
  cookie: "own",
  ifMatch: "current",
  contentEncoding: undefined,
  requestId: undefined,
  extra: null,
};

/**
 * A case is mostly well-formed with one hostile side (body, headers, parameters or caller),
 * so that most cases get past the first check and reach the deeper code; some are hostile
 * on every side at once, and some are plain valid-looking requests.
 */
function caseFor(route: Route): fc.Arbitrary<FuzzCase> {
  const params = [...route.path.matchAll(/:(\w+)/g)].map((match) => match[1]);
  const allTokens = (token: fc.Arbitrary<SegmentToken>) =>
    fc.record(Object.fromEntries(params.map((param) => [param, token]))) as fc.Arbitrary<Record<string, SegmentToken>>;
  const realTokens = allTokens(fc.constant({ kind: "real" as const }));
  const editor = fc.constantFrom("admin" as const, "mentor" as const);
  const schema = route.input?.body;
  const plausibleBody: fc.Arbitrary<Body> = schema
    ? nearValidBody(z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema).map((value) => ({ kind: "json", value }))
    : fc.constant({ kind: "json", value: {} });
  const plausible = { actor: editor, tokens: realTokens, body: plausibleBody, headers: fc.constant(NORMAL_HEADERS) };
  return fc.oneof(
    { weight: 3, arbitrary: fc.record(plausible) },
    { weight: 2, arbitrary: fc.record({ ...plausible, body: bodyFor(route) }) },
    { weight: 2, arbitrary: fc.record({ ...plausible, headers: headersArb }) },
    { weight: 1, arbitrary: fc.record({ ...plausible, tokens: allTokens(segmentToken) }) },
    { weight: 1, arbitrary: fc.record({ ...plausible, actor: actorArb }) },
    { weight: 2, arbitrary: fc.record({ actor: actorArb, tokens: allTokens(segmentToken), body: bodyFor(route), headers: headersArb }) },
  );
}

function requestHeaders(testCase: FuzzCase, path: string): Record<string, string> {
  const actor = testCase.actor === "anonymous" ? undefined : actors[testCase.actor];
  const { contentType, csrf, cookie, ifMatch, contentEncoding, requestId, extra } = testCase.headers;
  const headers: Record<string, string> = { Accept: "application/json" };
  if (contentType && testCase.body.kind !== "none") headers["Content-Type"] = contentType;
  const ownCookie = actor?.client.cookie;
  if (cookie === "own" && ownCookie) headers.Cookie = ownCookie;
  if (cookie === "garbage") headers.Cookie = `${SESSION_COOKIE}=garbage; autre=1`;
  if (cookie === "long") headers.Cookie = `${SESSION_COOKIE}=${"a".repeat(6000)}`;
  if (cookie === "doubled" && ownCookie) headers.Cookie = `${ownCookie}; ${SESSION_COOKIE}=garbage`;
  if (cookie === "percent") headers.Cookie = `${SESSION_COOKIE}=%E0%A4%A`;
  const ownToken = actor?.client.csrfToken;
  if (csrf === "own" && ownToken) headers["X-CSRF-Token"] = ownToken;
  if (csrf === "wrong") headers["X-CSRF-Token"] = "0".repeat(ownToken?.length ?? 43);
  if (csrf === "long") headers["X-CSRF-Token"] = "x".repeat(5000);
  if (csrf === "other") headers["X-CSRF-Token"] = actors.admin.client.csrfToken!;
  if (ifMatch === "current") {
    const slug = path.match(/^\/challenges\/([^/]+)/)?.[1];
    const version = slug ? server.db.get<{ version: number }>("SELECT version FROM challenges WHERE slug = ?", [decodeURIComponentSafe(slug)])?.version : undefined;
    headers["If-Match"] = String(version ?? 1);
  } else if (ifMatch !== undefined) headers["If-Match"] = ifMatch;
  if (contentEncoding) headers["Content-Encoding"] = contentEncoding;
  if (requestId !== undefined) headers["X-Request-Id"] = requestId;
  if (extra) headers[extra[0]] = extra[1];
  return headers;
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function encodedBody(body: Body): string | undefined {
  if (body.kind === "none") return undefined;
  return body.kind === "raw" ? body.text : JSON.stringify(body.value);
}

// ---------------------------------------------------------------------------------------
// Keeping the fuzzing accounts usable: a case may log one out (POST /auth/logout) or, as
// admin, take a mentor off the real challenge. Repaired between cases, outside the
// before/after window.

/** A new session straight from the sessions module: a login through the API costs a scrypt. */
function signIn(role: keyof typeof actors): void {
  const actor = actors[role];
  // As after a sign-in with the code: an admin session without a second factor opens no admin route.
  const { token, csrfToken } = createSession(server.db, readConfig({ LOG_LEVEL: "silent" }), actor.id, new Date(), undefined, "password+totp");
  const client = new SessionClient(server.baseUrl);
  client.cookie = `${SESSION_COOKIE}=${token}`;
  client.csrfToken = csrfToken;
  actor.client = client;
}

async function repair(actor: FuzzCase["actor"]): Promise<void> {
  // Only the caller's own session can have ended: ids of the fuzzing accounts are never
  // offered as `:id`, so no case deactivates or resets another of them.
  if (actor !== "anonymous" && (await actors[actor].client.get("/api/auth/me")).status !== 200) signIn(actor);
  if (!isMentorOf(server.db, actors.mentor.id, realId)) replaceChallengeMentors(server.db, realId, [actors.mentor.id]);
  await replenishItems();
}

/** Keeps a few items of each kind on the real challenge, so "real" ids exist to patch, delete, retract. */
async function replenishItems(): Promise<void> {
  const admin = actors.admin.client;
  const have = (table: string) => server.db.get<{ n: number }>(`SELECT count(*) AS n FROM "${table}" WHERE challenge_id = ?`, [realId])!.n;
  const creations: Array<[string, string, unknown]> = [
    ["status_updates", "status-updates", { axis: "production", level: 1, note: "Pour le fuzzing" }],
    ["actions", "actions", { kind: "communication", title: "Démo aux utilisateurs" }],
    ["scenarios", "scenarios", { title: "Reprise par la DSI" }],
    ["allies", "allies", { name: "DSI du ministère", kind: "dsi" }],
    ["resources", "resources", { peopleKept: 1 }],
  ];
  for (const [table, plural, body] of creations) {
    if (have(table) < 2) await admin.post(`/api/challenges/${realSlug}/${plural}`, body);
  }
  // An open campaign, for the routes that close it or send its reminders.
  if (!server.db.get("SELECT 1 FROM campaigns WHERE closed_at IS NULL")) {
    await admin.post("/api/campaigns", { name: "Campagne du fuzzing", deadline: addDays(parisDate(), 5), challenges: [realSlug] });
  }
  // Snapshots to read and delete.
  if (server.db.get<{ n: number }>("SELECT count(*) AS n FROM snapshots")!.n < 2) {
    await admin.post("/api/snapshots", { name: `Instantané du fuzzing ${Math.random().toString(36).slice(2)}` });
  }
  // The "other" challenge has some too, for cross-challenge ids.
  if (server.db.get<{ n: number }>("SELECT count(*) AS n FROM actions WHERE challenge_id != ?", [realId])!.n === 0) {
    await admin.post(`/api/challenges/${otherSlug}/actions`, { kind: "resources", title: "Action d'un autre défi" });
  }
}

// ---------------------------------------------------------------------------------------

const writeRoutes = apiRoutes({ db: undefined as never, config: readConfig({ LOG_LEVEL: "silent" }), mailer: undefined as never }).filter((route) => route.method !== "get");
const tally = new Map<string, { cases: number; byStatus: Map<number, number> }>();

beforeAll(async () => {
  // Throttling off: thousands of refused logins from one address are the point here.
  server = await startTestServer({ config: { login: { ...LOGIN_LIMITS, maxFailuresPerAccount: 1e9, maxFailuresPerAddress: 1e9, accountDelayAfter: 1e9, accountLockAfter: 1e9 } } });
  for (const [role, kind] of [
    ["admin", "admin"],
    ["mentor", "mentor"],
    ["otherMentor", "mentor"],
    ["evaluator", "evaluator"],
  ] as const) {
    const { client, account } = await signedInClient(server.baseUrl, server.db, kind);
    actors[role] = { client, id: account.id, email: account.email, password: account.password };
  }
  [realSlug, otherSlug] = server.db.all<{ slug: string }>("SELECT slug FROM challenges ORDER BY id LIMIT 2").map((row) => row.slug);
  realId = server.db.get<{ id: number }>("SELECT id FROM challenges WHERE slug = ?", [realSlug])!.id;
  replaceChallengeMentors(server.db, realId, [actors.mentor.id]);
  replaceChallengeMentors(server.db, server.db.get<{ id: number }>("SELECT id FROM challenges WHERE slug = ?", [otherSlug])!.id, [actors.otherMentor.id]);
  victimUserId = (await createAccount(server.db, "mentor")).id;
  expect(victimUserId).toBeGreaterThan(0);
  await replenishItems();
});
afterAll(async () => {
  const total = [...tally.values()].reduce((sum, route) => sum + route.cases, 0);
  const statuses = new Map<number, number>();
  for (const route of tally.values()) for (const [status, n] of route.byStatus) statuses.set(status, (statuses.get(status) ?? 0) + n);
  console.info(
    `[fuzz] ${total} cases over ${tally.size} write routes (${RUNS_PER_ROUTE} per route): ` +
      [...statuses.entries()].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`).join(" "),
  );
  for (const [name, route] of tally) {
    console.info(`[fuzz]   ${name}: ${[...route.byStatus.entries()].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`).join(" ")}`);
  }
  await server.close();
});

describe("fuzzing every write route of the route table", () => {
  it("finds every write route in apiRoutes()", () => {
    expect(writeRoutes.length).toBeGreaterThanOrEqual(20);
    expect(writeRoutes.map((route) => `${route.method} ${route.path}`)).toContain("put /challenges/:slug/outcome");
  });

  it.each(writeRoutes.map((route) => [`${route.method.toUpperCase()} /api${route.path}`, route] as const))(
    "%s: no 5xx, every 4xx is problem+json and writes nothing",
    async (name, route) => {
      const counts = { cases: 0, byStatus: new Map<number, number>() };
      const started = Date.now();
      tally.set(name, counts);
      await fc.assert(
        fc.asyncProperty(caseFor(route), async (testCase) => {
          // The time budget only guards a loaded machine (routes whose success costs a scrypt,
          // login and accounts, are the slow ones). Past it, cases are passed over without a
          // request: fast-check's own interruption would leave a request running into the
          // next route's before/after window. The cases actually run are counted and reported.
          if (Date.now() - started > TIME_PER_ROUTE_MS) return;
          const path = concretePath(route, testCase.tokens);
          const headers = requestHeaders(testCase, path);
          const before = snapshot();
          const response = await fetch(`${server.baseUrl}/api${path}`, {
            method: route.method.toUpperCase(),
            headers,
            body: encodedBody(testCase.body),
            redirect: "manual",
          });
          const text = await response.text();
          const after = snapshot();
          counts.cases += 1;
          counts.byStatus.set(response.status, (counts.byStatus.get(response.status) ?? 0) + 1);

          const context = `${route.method.toUpperCase()} ${path} → ${response.status} ${text.slice(0, 300)}`;
          expect(response.status, context).toBeLessThan(500);
          if (response.status >= 400) {
            expect(response.headers.get("content-type"), context).toContain("application/problem+json");
            const problem = JSON.parse(text);
            expect(problem.status, context).toBe(response.status);
            expect(typeof problem.title, context).toBe("string");
            // A refused login is recorded on purpose (throttling and audit need it).
            // So is a refused second-factor code (docs/decisions/0008-sign-in-hardening.md): it counts towards the same throttling
            // (replacing an enabled TOTP key asks for one too).
            if (
              (route.path === "/auth/login" && response.status === 401) ||
              (["/auth/login/totp", "/account/totp", "/account/totp/disable"].includes(route.path) && [400, 401].includes(response.status))
            ) {
              for (const counts of [before, after]) {
                delete counts.login_attempts;
                delete counts.audit_log;
              }
            }
            expect(after, context).toEqual(before);
          }
          if (response.status < 400) await repair(testCase.actor);
        }),
        { numRuns: RUNS_PER_ROUTE, seed: SEED, endOnFailure: true },
      );
    },
  );
});

// ---------------------------------------------------------------------------------------

describe("limits, each with problem+json and nothing written", () => {
  const send = (body: string, headers: Record<string, string> = {}, path = `/api/challenges/${realSlug}/status-updates`) =>
    fetch(`${server.baseUrl}${path}`, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        Cookie: actors.mentor.client.cookie!,
        "X-CSRF-Token": actors.mentor.client.csrfToken!,
        ...headers,
      },
      body,
    });
  const refused = async (answer: Promise<Response>, status: number) => {
    const before = snapshot();
    const response = await answer;
    const problem = await response.json();
    expect(response.status, JSON.stringify(problem)).toBe(status);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    expect(problem.status).toBe(status);
    expect(snapshot()).toEqual(before);
    return problem;
  };

  it("413 above 100 kB", async () => {
    const problem = await refused(send(JSON.stringify({ axis: "production", level: 1, note: "x".repeat(BODY_LIMITS.bytes) })), 413);
    expect(problem.detail).toContain("100 ko");
  });

  it("400 past the nesting depth, the items per list, the members per object, the string length", async () => {
    let deep: unknown = 1;
    for (let i = 0; i < BODY_LIMITS.depth + 1; i++) deep = { a: deep };
    expect((await refused(send(JSON.stringify({ axis: "production", level: 1, note: deep })), 400)).errors[0].message).toContain("Imbrication");
    const many = Array.from({ length: BODY_LIMITS.arrayItems + 1 }, () => "production");
    expect((await refused(send(JSON.stringify({ axes: many }), {}, `/api/challenges/${realSlug}/confirmations`), 400)).errors[0]).toEqual({
      path: "body.axes",
      message: `Liste trop longue : ${BODY_LIMITS.arrayItems} éléments au plus.`,
    });
    const wide = Object.fromEntries(Array.from({ length: BODY_LIMITS.objectKeys + 1 }, (_, i) => [`k${i}`, i]));
    expect((await refused(send(JSON.stringify(wide)), 400)).errors[0].message).toContain("Objet trop grand");
    const long = "é".repeat(BODY_LIMITS.stringLength + 1);
    expect((await refused(send(JSON.stringify({ axis: "production", level: 1, note: long })), 400)).errors[0].path).toBe("body.note");
    // A NUL anywhere: SQLite's length() stops at it, so a one-NUL name once gave a 500.
    expect((await refused(send(JSON.stringify({ axis: "production", level: 1, note: "a\u0000b" })), 400)).errors[0]).toEqual({
      path: "body.note",
      message: "Caractère nul (U+0000) interdit.",
    });
    const admin = { Cookie: actors.admin.client.cookie!, "X-CSRF-Token": actors.admin.client.csrfToken! };
    await refused(send(JSON.stringify({ email: "nul@test.gouv.fr", name: "\u0000", role: "mentor", password: "a".repeat(16) }), admin, "/api/users"), 400);
    // Under the generic bound, the schema's own limit still applies (2,000 for a note).
    expect((await refused(send(JSON.stringify({ axis: "production", level: 1, note: "x".repeat(2001) })), 400)).errors[0].path).toBe("body.note");
  });

  it("a wide list of wrong values gives at most 20 field errors", async () => {
    const problem = await refused(
      fetch(`${server.baseUrl}/api/challenges/${realSlug}/mentors`, {
        method: "PUT",
        headers: { "Content-Type": "application/json", Cookie: actors.admin.client.cookie!, "X-CSRF-Token": actors.admin.client.csrfToken! },
        body: JSON.stringify({ userIds: Array.from({ length: 50 }, () => "x") }),
      }),
      400,
    );
    expect(problem.errors).toHaveLength(20);
    expect(problem.detail).toMatch(/valeurs invalides ; voici les 20 premières/);
  });

  it("415 for a body that is not JSON or not UTF-8; 400 for malformed JSON or a malformed path", async () => {
    await refused(send("axis=production&level=1", { "Content-Type": "application/x-www-form-urlencoded" }), 415);
    await refused(send(JSON.stringify({ axis: "production", level: 1 }), { "Content-Type": "text/plain" }), 415);
    await refused(send(JSON.stringify({ axis: "production", level: 1 }), { "Content-Type": "application/json; charset=latin1" }), 415);
    expect((await refused(send('{"axis": "production",'), 400)).detail).toBe("Le corps de la requête n'est pas du JSON valide.");
    await refused(send("{}", {}, "/api/challenges/%E0%A4%A/status-updates"), 400);
  });
});

describe("logs", () => {
  it("carry a request id and never a password, a session cookie or a CSRF token", async () => {
    const lines: string[] = [];
    const logger = createLogger("trace", { write: (line: string) => void lines.push(line) });
    const logged = await startTestServer({ logger });
    try {
      const secret = "un-mot-de-passe-tres-secret-42";
      const account = await createAccount(logged.db, "admin", { password: secret });
      const client = new SessionClient(logged.baseUrl);
      const login = await client.login(account.email, secret);
      expect(login.status).toBe(200);
      expect(login.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
      await client.login(account.email, `${secret}-faux`);
      await client.request("POST", "/api/auth/login", `{"email": "${account.email}", "password": "${secret}"`, { "Content-Type": "application/json" });
      await client.request("POST", "/api/auth/login", JSON.stringify({ email: account.email, password: secret, pad: "x".repeat(200_000) }));
      await client.request("POST", "/api/auth/login", JSON.stringify({ email: account.email, password: secret, unknown: 1 }));
      const created = await client.post("/api/users", { email: "nouveau@test.gouv.fr", name: "Nouveau", role: "mentor", password: `${secret}-nouveau` });
      expect(created.status).toBe(201);
      const reset = await client.post(`/api/users/${created.body.id}/password-reset`);
      expect(reset.status).toBe(200);
      expect(reset.body.link).toEqual(expect.any(String));
      // A request id from a proxy is kept if sane, replaced if not.
      expect((await client.request("GET", "/api/auth/me", undefined, { "X-Request-Id": "proxy-1234" })).headers.get("x-request-id")).toBe("proxy-1234");
      expect((await client.request("GET", "/api/auth/me", undefined, { "X-Request-Id": "bad id\"}" })).headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);

      const text = lines.join("");
      const entries = lines.map((line) => JSON.parse(line));
      expect(entries.length).toBeGreaterThanOrEqual(8);
      for (const entry of entries) expect(entry.reqId).toEqual(expect.any(String));
      expect(entries.find((entry) => entry.req?.url === "/api/auth/me" && entry.reqId === "proxy-1234")?.userId).toBe(account.id);
      for (const value of [secret, `${secret}-nouveau`, reset.body.link.split("#")[1], client.cookie!.split("=")[1], client.csrfToken!]) {
        expect(text).not.toContain(value);
      }
    } finally {
      await logged.close();
    }
  });

  it("leave out successful health probes, which would drown the rest", async () => {
    const lines: string[] = [];
    const logged = await startTestServer({ logger: createLogger("info", { write: (line: string) => void lines.push(line) }) });
    try {
      expect((await fetch(`${logged.baseUrl}/api/health`)).status).toBe(200);
      expect((await fetch(`${logged.baseUrl}/api/promotions`)).status).toBe(401);
      const urls = lines.map((line) => JSON.parse(line).req?.url);
      expect(urls).toContain("/api/promotions");
      expect(urls).not.toContain("/api/health");
    } finally {
      await logged.close();
    }
  });

  it("a database that cannot serve gives 503 problem+json, logged with the request id", async () => {
    const database = createTestDatabase();
    expect(checkDatabase(database.db)).toEqual({ schemaVersion: expect.any(Number), revision: expect.any(Number) });
    const lines: string[] = [];
    const app = createApp({
      db: database.db,
      config: readConfig({ LOG_LEVEL: "silent" }),
      serveClient: false,
      logger: createLogger("info", { write: (line: string) => void lines.push(line) }),
    });
    const listening = await new Promise<ReturnType<typeof app.listen>>((resolve) => {
      const server = app.listen(0, "127.0.0.1", () => resolve(server));
    });
    try {
      database.db.close();
      expect(() => checkDatabase(database.db)).toThrow();
      const { port } = listening.address() as { port: number };
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      expect(response.status).toBe(503);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
      const body = await response.text();
      expect(body).not.toMatch(/connection|sqlite|stack/i);
      const entry = lines.map((line) => JSON.parse(line)).find((line) => line.res?.statusCode === 503);
      expect(entry).toMatchObject({ level: "error", reqId: response.headers.get("x-request-id"), err: { message: expect.stringMatching(/not open/) } });
    } finally {
      listening.closeAllConnections();
      await new Promise((resolve) => listening.close(resolve));
      database.dispose();
    }
  });
});
