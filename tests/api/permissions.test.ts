// The permission matrix: every route of the route table × every kind of caller. The rule of
// each route is written here, independently of the table: a route added to the table
// without its rule and sample request here fails, and so does a table that grants too much.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession } from "../../server/src/auth/sessions";
import { readConfig } from "../../server/src/config";
import { ROLES_BY_ACCESS, type Access } from "../../server/src/http/access";
import { apiRoutes, type Route } from "../../server/src/routes";
import { replaceChallengeMentors } from "../../server/src/repositories/users";
import { insertItem, type ItemKind } from "../../server/src/repositories/challenge-items";
import { appendOutcome } from "../../server/src/domain/outcomes";
import { challengeVersion } from "../../server/src/repositories/outcomes";
import { appendStatusUpdate } from "../../server/src/domain/status-updates";
import { insertSnapshot } from "../../server/src/repositories/snapshots";
import type { Role } from "@shared/domain";
import { insertCampaign } from "../../server/src/repositories/campaigns";
import { addDays, parisDate } from "@shared/dates";
import { challengeId, recordStatus } from "../support/factories";
import { createAccount, nextSecondFactorCode, SessionClient, TEST_PASSWORD, totpCodeNow } from "../support/session-client";
import { identitySamples, identityRules } from "../support/identity-samples";
import { startTestServer, type TestServer } from "../support/test-server";

type Caller = "anonymous" | "admin" | "mentorOfChallenge" | "otherMentor" | "evaluator";
const CALLERS: Caller[] = ["anonymous", "admin", "mentorOfChallenge", "otherMentor", "evaluator"];
const OWNED = "archifiltre";

let server: TestServer;
const accounts = {} as Record<Exclude<Caller, "anonymous">, { id: number; email: string; role: Role }>;

interface Sample {
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** The success status when it is not a 2xx (the ProConnect routes answer 302). */
  expect?: number;
}
type SampleFactory = () => Promise<Sample> | Sample;

/** Who may call each route (docs/domain.md, « Who may do what »), written independently of the routes table. */
const rules: Record<string, Access> = {
  "get /health": "public",
  "post /auth/login": "public",
  "get /auth/me": "signedIn",
  "post /auth/logout": "signedIn",
  "get /promotions": "signedIn",
  "get /challenges": "signedIn",
  "get /challenges/:slug": "signedIn",
  "get /stats/cohorts": "signedIn",
  "get /users": "admin",
  "post /users": "admin",
  "patch /users/:id": "admin",
  "post /users/:id/password-reset": "admin",
  "put /challenges/:slug/mentors": "admin",
  "post /promotions": "admin",
  "patch /promotions/:key": "admin",
  "post /promotions/:key/challenges": "admin",
  "patch /challenges/:slug": "admin",
  "get /audit": "admin",
  "get /me/challenges": "signedIn",
  "get /openapi.json": "signedIn",
  "get /meta": "signedIn",
  "get /stats/trajectories": "signedIn",
  "get /stats/outcomes-after-end": "signedIn",
  "get /stats/sustainability": "signedIn",
  "get /stats/at-risk": "signedIn",
  "get /stats/headline": "signedIn",
  "get /stats/facets": "signedIn",
  "get /export/challenges.csv": "exporter",
  "get /export/status-history.csv": "exporter",
  "get /export/dataset.xlsx": "exporter",
  "get /export/dataset.json": "exporter",
  "get /export/report.pdf": "exporter",
  "post /challenges/:slug/status-updates": "challengeEditor",
  "post /challenges/:slug/confirmations": "challengeEditor",
  "post /status-updates/:id/retraction": "challengeEditor",
  "put /challenges/:slug/outcome": "challengeEditor",
  "put /challenges/:slug/checklist/:item": "challengeEditor",
  "get /validations": "admin",
  "post /status-updates/:id/validation": "admin",
  "post /outcomes/:id/validation": "admin",
  "post /challenges/:slug/validations": "admin",
  "post /validations/dismissals": "admin",
  "get /me/sent-back": "signedIn",
  "get /snapshots": "signedIn",
  "post /snapshots": "admin",
  "get /snapshots/:id": "signedIn",
  "delete /snapshots/:id": "admin",
  ...Object.fromEntries(
    ["actions", "scenarios", "allies", "resources"].flatMap((plural) => [
      [`post /challenges/:slug/${plural}`, "challengeEditor"],
      [`patch /${plural}/:id`, "challengeEditor"],
      [`delete /${plural}/:id`, "challengeEditor"],
    ]),
  ),
  "get /campaigns": "admin",
  "post /campaigns": "admin",
  "get /campaigns/:id": "admin",
  "patch /campaigns/:id": "admin",
  "delete /campaigns/:id": "admin",
  "post /campaigns/:id/close": "admin",
  "post /campaigns/:id/reminders": "admin",
  "get /me/campaigns": "signedIn",
  ...identityRules,
};

/** A fresh open campaign over the owned challenge, for the routes that read, close or remind one. */
function freshCampaign(): number {
  const admin = accounts.admin;
  return insertCampaign(server.db, {
    name: "Bilan de test",
    deadline: addDays(parisDate(), 7),
    openedById: admin.id,
    openedByName: "Admin",
    promotions: [],
    challengeIds: [challengeId(server.db, OWNED)],
  }).id;
}

/** A fresh item of the owned challenge, for the routes that change or delete one. */
function freshItem(kind: ItemKind): number {
  const fields: Record<ItemKind, Record<string, unknown>> = {
    action: { kind: "communication", title: "Démo aux utilisateurs", status: "planned" },
    scenario: { title: "Reprise par la DSI", preferred: false, isStop: false },
    ally: { name: "DSI", kind: "dsi" },
    resource: { peopleKept: 1, budgetSecured: false },
  };
  return insertItem(server.db, kind, challengeId(server.db, OWNED), fields[kind], { name: "Fixture", asOf: "2024-01-01" });
}

/** A fresh reliability declaration by the challenge's mentor (newer than every earlier one). */
const mentorDeclaration = (): number =>
  appendStatusUpdate(server.db, {
    challengeId: challengeId(server.db, OWNED),
    axis: "reliability",
    level: 1,
    asOf: "2024-02-01",
    authorId: accounts.mentorOfChallenge.id,
    authorName: "Mentor",
  });
const freshName = () => Math.random().toString(36).slice(2);
/** A snapshot taken for one call, for the routes that read or delete one. */
const freshSnapshot = () => insertSnapshot(server.db, `Fixture ${freshName()}`, { id: accounts.admin.id, name: "Fixture" });

const itemSamples = (kind: ItemKind, plural: string, create: unknown, patch: unknown): Record<string, SampleFactory> => ({
  [`post /challenges/:slug/${plural}`]: () => {
    // Scenarios are limited to three per challenge: start each call from none.
    if (kind === "scenario") server.db.run("DELETE FROM scenarios WHERE challenge_id = ?", [challengeId(server.db, OWNED)]);
    return { path: `/api/challenges/${OWNED}/${plural}`, body: create };
  },
  // A fresh item is at version 1.
  [`patch /${plural}/:id`]: () => ({ path: `/api/${plural}/${freshItem(kind)}`, body: patch, headers: { "If-Match": "1" } }),
  [`delete /${plural}/:id`]: () => ({ path: `/api/${plural}/${freshItem(kind)}`, headers: { "If-Match": "1" } }),
});

/** One valid request per route, so that an allowed caller gets a 2xx. */
const samples: Record<string, SampleFactory> = {
  "get /health": () => ({ path: "/api/health" }),
  "post /auth/login": () => ({ path: "/api/auth/login", body: { email: accounts.evaluator.email, password: TEST_PASSWORD } }),
  "get /auth/me": () => ({ path: "/api/auth/me" }),
  "post /auth/logout": () => ({ path: "/api/auth/logout" }),
  "get /promotions": () => ({ path: "/api/promotions" }),
  "get /challenges": () => ({ path: "/api/challenges?promotion=2" }),
  "get /challenges/:slug": () => ({ path: `/api/challenges/${OWNED}` }),
  "get /stats/cohorts": () => ({ path: "/api/stats/cohorts" }),
  "get /users": () => ({ path: "/api/users" }),
  "post /users": () => ({
    path: "/api/users",
    body: { email: `new-${Math.random().toString(36).slice(2)}@test.gouv.fr`, name: "Nouvelle", role: "mentor", password: "a-long-enough-password" },
  }),
  "patch /users/:id": async () => ({ path: `/api/users/${(await createAccount(server.db, "mentor")).id}`, body: { name: "Renommé" } }),
  "post /users/:id/password-reset": async () => ({
    path: `/api/users/${(await createAccount(server.db, "mentor")).id}/password-reset`,
    body: {},
  }),
  "put /challenges/:slug/mentors": () => ({
    path: `/api/challenges/${OWNED}/mentors`,
    body: { userIds: [accounts.mentorOfChallenge.id] },
  }),
  "post /promotions": () => ({
    path: "/api/promotions",
    body: { key: `p${freshName().replace(/[^a-z0-9]/gi, "").toLowerCase().slice(0, 15)}`, label: "EIG 9", startsOn: "2030-01-01", endsOn: "2030-10-31", datesApproximate: true },
  }),
  "patch /promotions/:key": () => ({ path: "/api/promotions/4", body: { datesApproximate: false } }),
  "post /promotions/:key/challenges": () => ({
    path: "/api/promotions/4/challenges",
    body: { title: "Nouveau défi", administration: "DINUM", startsOn: "2020-01-01", endsOn: "2020-10-31", datesApproximate: true },
  }),
  "patch /challenges/:slug": () => ({ path: `/api/challenges/${OWNED}`, body: { datesApproximate: false } }),
  "get /audit": () => ({ path: "/api/audit?pageSize=5" }),
  "get /me/challenges": () => ({ path: "/api/me/challenges" }),
  "get /openapi.json": () => ({ path: "/api/openapi.json" }),
  "get /meta": () => ({ path: "/api/meta" }),
  "get /stats/trajectories": () => ({ path: "/api/stats/trajectories?promotion=2" }),
  "get /stats/outcomes-after-end": () => ({ path: "/api/stats/outcomes-after-end" }),
  "get /stats/sustainability": () => ({ path: "/api/stats/sustainability?skill=design" }),
  "get /stats/at-risk": () => ({ path: "/api/stats/at-risk" }),
  "get /stats/headline": () => ({ path: "/api/stats/headline" }),
  "get /stats/facets": () => ({ path: "/api/stats/facets" }),
  "get /export/challenges.csv": () => ({ path: "/api/export/challenges.csv?sep=%3B" }),
  "get /export/status-history.csv": () => ({ path: "/api/export/status-history.csv" }),
  "get /export/dataset.xlsx": () => ({ path: "/api/export/dataset.xlsx" }),
  "get /export/dataset.json": () => ({ path: "/api/export/dataset.json" }),
  // Past the access checks, an unknown snapshot is refused before any browser starts
  // (the printing itself: tests/api/report-pdf.test.ts).
  "get /export/report.pdf": () => ({ path: "/api/export/report.pdf?snapshot=999999", expect: 404 }),
  "post /challenges/:slug/status-updates": () => ({
    path: `/api/challenges/${OWNED}/status-updates`,
    body: { axis: "production", level: 1, note: "Bêta chez deux services pilotes" },
  }),
  "post /challenges/:slug/confirmations": () => ({ path: `/api/challenges/${OWNED}/confirmations`, body: {} }),
  "post /status-updates/:id/retraction": () => ({
    path: `/api/status-updates/${recordStatus(server.db, OWNED, "reliability", 1, "2024-01-01")}/retraction`,
    body: { reason: "Erreur de saisie" },
  }),
  "put /challenges/:slug/outcome": () => ({
    path: `/api/challenges/${OWNED}/outcome`,
    body: { categories: ["maintained"] },
    headers: { "If-Match": String(challengeVersion(server.db, challengeId(server.db, OWNED))) },
  }),
  "put /challenges/:slug/checklist/:item": () => ({
    path: `/api/challenges/${OWNED}/checklist/user_manual`,
    body: { done: true, link: "https://example.gouv.fr/manuel" },
  }),
  "get /campaigns": () => ({ path: "/api/campaigns" }),
  "post /campaigns": () => ({ path: "/api/campaigns", body: { name: "Bilan à +6 mois", deadline: addDays(parisDate(), 10), challenges: [OWNED] } }),
  "get /campaigns/:id": () => ({ path: `/api/campaigns/${freshCampaign()}` }),
  "patch /campaigns/:id": () => ({ path: `/api/campaigns/${freshCampaign()}`, body: { name: "Bilan renommé", addChallenges: [OWNED] } }),
  "delete /campaigns/:id": () => ({ path: `/api/campaigns/${freshCampaign()}` }),
  "post /campaigns/:id/close": () => ({ path: `/api/campaigns/${freshCampaign()}/close` }),
  "post /campaigns/:id/reminders": () => ({ path: `/api/campaigns/${freshCampaign()}/reminders` }),
  "get /me/campaigns": () => ({ path: "/api/me/campaigns" }),
  "get /validations": () => ({ path: "/api/validations?state=declared&pageSize=5" }),
  // A fresh declaration by the challenge's mentor each time: deciding twice the same is a 409.
  "post /status-updates/:id/validation": () => ({
    path: `/api/status-updates/${appendStatusUpdate(server.db, {
      challengeId: challengeId(server.db, OWNED),
      axis: "transmission",
      level: 2,
      asOf: "2024-02-01",
      authorId: accounts.mentorOfChallenge.id,
      authorName: "Mentor",
    })}/validation`,
    body: { decision: "validated" },
  }),
  "post /outcomes/:id/validation": () => ({
    path: `/api/outcomes/${
      appendOutcome(server.db, {
        challengeId: challengeId(server.db, OWNED),
        categories: ["maintained"],
        path: null,
        note: null,
        asOf: "2024-02-01",
        authorId: accounts.mentorOfChallenge.id,
        authorName: "Mentor",
      }).outcome.id
    }/validation`,
    body: { decision: "sent_back", comment: "Quelle équipe maintient l'outil ?" },
  }),
  "post /challenges/:slug/validations": () => ({
    path: `/api/challenges/${OWNED}/validations`,
    body: { entries: [{ kind: "status_update", id: mentorDeclaration() }] },
  }),
  // A declaration replaced at once by a newer one on the same axis: superseded, dismissable.
  "post /validations/dismissals": () => {
    const superseded = mentorDeclaration();
    mentorDeclaration();
    return { path: "/api/validations/dismissals", body: { entries: [{ kind: "status_update", id: superseded }] } };
  },
  "get /me/sent-back": () => ({ path: "/api/me/sent-back" }),
  "get /snapshots": () => ({ path: "/api/snapshots" }),
  "post /snapshots": () => ({ path: "/api/snapshots", body: { name: `Rapport ${freshName()}` } }),
  "get /snapshots/:id": () => ({ path: `/api/snapshots/${freshSnapshot()}` }),
  "delete /snapshots/:id": () => ({ path: `/api/snapshots/${freshSnapshot()}` }),
  ...itemSamples("action", "actions", { kind: "communication", title: "Démo" }, { status: "done" }),
  ...itemSamples("scenario", "scenarios", { title: "Reprise en interne" }, { preferred: true }),
  ...itemSamples("ally", "allies", { name: "Etalab", kind: "programme" }, { role: "Appui" }),
  ...itemSamples("resource", "resources", { peopleKept: 2, timeShare: "part_time" }, { budgetSecured: true }),
  ...identitySamples(() => ({ server, adminId: accounts.admin.id, createAccount, nextSecondFactorCode, totpCodeNow })),
};

const keyOf = (route: Route) => `${route.method} ${route.path}`;

function allowed(route: Route, caller: Caller): boolean {
  const access = rules[keyOf(route)];
  if (access === "public") return true;
  if (caller === "anonymous") return false;
  const { role } = accounts[caller];
  if (access === "challengeEditor") return role === "admin" || caller === "mentorOfChallenge";
  return ROLES_BY_ACCESS[access].includes(role);
}

/** A fresh session per call, made by the server's own session code: logout cannot spoil the next call. */
function clientFor(caller: Caller): SessionClient {
  const client = new SessionClient(server.baseUrl);
  if (caller !== "anonymous") {
    // As after a sign-in with the code: an admin session without a second factor opens no admin route.
    const { token, csrfToken } = createSession(server.db, readConfig({}), accounts[caller].id, new Date(), undefined, "password+totp");
    client.cookie = `eig_session=${token}`;
    client.csrfToken = csrfToken;
  }
  return client;
}

beforeAll(async () => {
  server = await startTestServer();
  accounts.admin = await createAccount(server.db, "admin");
  accounts.mentorOfChallenge = await createAccount(server.db, "mentor");
  accounts.otherMentor = await createAccount(server.db, "mentor");
  accounts.evaluator = await createAccount(server.db, "evaluator");
  replaceChallengeMentors(server.db, challengeId(server.db, OWNED), [accounts.mentorOfChallenge.id]);
  replaceChallengeMentors(server.db, challengeId(server.db, "cartobio"), [accounts.otherMentor.id]);
  // "Toujours exact" needs a status to confirm.
  recordStatus(server.db, OWNED, "production", 1, "2024-01-01");
});
afterAll(() => server.close());

const routes = apiRoutes({ db: undefined as never, config: readConfig({}), mailer: undefined as never });

describe("permission matrix", () => {
  it("has a rule and a sample request for every route of the table", () => {
    expect(routes.map(keyOf).filter((key) => !rules[key] || !samples[key])).toEqual([]);
  });

  describe.each(routes.map((route) => [`${route.method.toUpperCase()} ${route.path}`, route] as const))("%s", (_name, route) => {
    it.each(CALLERS)("as %s", async (caller) => {
      const sample = await samples[keyOf(route)]();
      const answer = await clientFor(caller).request(route.method.toUpperCase(), sample.path, sample.body, sample.headers);
      if (allowed(route, caller) && sample.expect) {
        expect(answer.status, JSON.stringify(answer.body)).toBe(sample.expect);
      } else if (allowed(route, caller)) {
        expect(answer.status, JSON.stringify(answer.body)).toBeGreaterThanOrEqual(200);
        expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(300);
        // The answer is what the table declares: the OpenAPI document and the client rely on it.
        if (route.response.schema && answer.status === route.response.status) {
          expect(route.response.schema.safeParse(answer.body).error?.issues ?? []).toEqual([]);
        }
      } else {
        expect(answer.status).toBe(caller === "anonymous" ? 401 : 403);
        expect(answer.headers.get("content-type")).toContain("application/problem+json");
      }
    });
  });

  it("refuses every write of a signed-in caller without the CSRF token", async () => {
    for (const route of routes.filter((r) => r.method !== "get" && r.csrf !== false)) {
      const sample = await samples[keyOf(route)]();
      const client = clientFor("admin");
      client.csrfToken = undefined;
      const answer = await client.request(route.method.toUpperCase(), sample.path, sample.body, sample.headers);
      expect(answer.status, `${route.method} ${route.path}`).toBe(403);
    }
  });
});
