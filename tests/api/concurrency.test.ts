// Many writers at once: every write lands once, the optimistic lock on the outcome lets
// exactly one of several same-version edits through, and a read-modify-write loop loses no
// update. First on one server, then on two server processes sharing one SQLite file, where
// the writes really run in parallel and meet SQLite's locks.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { replaceChallengeMentors } from "../../server/src/repositories/users";
import { AXES } from "@shared/domain";
import { challengeId } from "../support/factories";
import { startRealServer, type RealServer } from "../support/real-server";
import { createAccount, SessionClient, signedInClient } from "../support/session-client";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { startTestServer, type TestServer } from "../support/test-server";

const MENTORS = 12;
const WRITES_PER_MENTOR = 20;

let server: TestServer;
let admin: SessionClient;
let slugs: string[];

beforeAll(async () => {
  server = await startTestServer();
  admin = (await signedInClient(server.baseUrl, server.db, "admin")).client;
  slugs = server.db.all<{ slug: string }>("SELECT slug FROM challenges ORDER BY id LIMIT 40").map((row) => row.slug);
});
afterAll(() => server.close());

const count = (db: TestServer["db"], sql: string, params: unknown[] = []) => db.get<{ n: number }>(sql, params)!.n;
const revision = (db: TestServer["db"]) => count(db, "SELECT revision AS n FROM data_revision");

/** Current status rows that disagree with their history (see crash.test.ts). */
const derivedMismatches = (db: TestServer["db"]) =>
  count(
    db,
    `SELECT count(*) AS n FROM (
       SELECT k.challenge_id, k.axis,
         (SELECT u.id FROM status_updates u
           WHERE u.challenge_id = k.challenge_id AND u.axis = k.axis
             AND NOT EXISTS (SELECT 1 FROM status_update_retractions r WHERE r.status_update_id = u.id)
           ORDER BY u.as_of DESC, u.id DESC LIMIT 1) AS expected
       FROM (SELECT DISTINCT challenge_id, axis FROM status_updates) k) e
     LEFT JOIN current_status c ON c.challenge_id = e.challenge_id AND c.axis = e.axis
     WHERE e.expected IS NOT c.status_update_id`,
  );

/** PUT the outcome with If-Match; returns status and body. */
const putOutcome = (client: SessionClient, slug: string, version: number, note: string) =>
  client.request("PUT", `/api/challenges/${slug}/outcome`, { categories: ["maintained"], note }, { "If-Match": String(version) });

describe("many mentors writing at once", () => {
  it("stores every write exactly once, bumps each challenge's version once per write, audits each", async () => {
    // Each mentor has two challenges; neighbours share one, so writes to a challenge interleave.
    const mentors = await Promise.all(
      Array.from({ length: MENTORS }, async (_, m) => {
        const { client, account } = await signedInClient(server.baseUrl, server.db, "mentor");
        return { client, account, own: [slugs[m], slugs[m + 1]] };
      }),
    );
    for (const [index, slug] of slugs.slice(0, MENTORS + 1).entries()) {
      const ids = mentors.filter((_, m) => m === index || m + 1 === index).map((mentor) => mentor.account.id);
      replaceChallengeMentors(server.db, challengeId(server.db, slug), ids);
    }
    const versionsBefore = new Map(slugs.map((slug) => [slug, server.db.get<{ version: number }>("SELECT version FROM challenges WHERE slug = ?", [slug])!.version]));
    const before = {
      updates: count(server.db, "SELECT count(*) AS n FROM status_updates"),
      actions: count(server.db, "SELECT count(*) AS n FROM actions"),
      audit: count(server.db, "SELECT count(*) AS n FROM audit_log"),
      revision: revision(server.db),
    };

    const started = Date.now();
    const writes = mentors.flatMap(({ client, own }, m) =>
      Array.from({ length: WRITES_PER_MENTOR }, (_, n) => {
        const slug = own[n % 2];
        return n % 4 === 3
          ? client.post(`/api/challenges/${slug}/actions`, { kind: "resources", title: `Action ${m}-${n}` }).then((answer) => ({ slug, answer }))
          : client
              .post(`/api/challenges/${slug}/status-updates`, { axis: AXES[n % 3], level: (m + n) % 4, note: `Mentor ${m} écrit ${n}` })
              .then((answer) => ({ slug, answer }));
      }),
    );
    const answers = await Promise.all(writes);
    const elapsed = Date.now() - started;

    expect(answers.map(({ answer }) => answer.status).filter((status) => status !== 201)).toEqual([]);
    const total = MENTORS * WRITES_PER_MENTOR;
    const actionCount = answers.filter(({ answer }) => answer.body.title !== undefined).length;
    expect(new Set(answers.map(({ answer }) => `${answer.body.title === undefined ? "u" : "a"}${answer.body.id}`)).size).toBe(total);
    expect(count(server.db, "SELECT count(*) AS n FROM status_updates") - before.updates).toBe(total - actionCount);
    expect(count(server.db, "SELECT count(*) AS n FROM actions") - before.actions).toBe(actionCount);
    expect(count(server.db, "SELECT count(*) AS n FROM audit_log") - before.audit).toBe(total);
    expect(revision(server.db)).toBeGreaterThanOrEqual(before.revision + total);
    for (const slug of new Set(answers.map(({ slug }) => slug))) {
      const writesThere = answers.filter((write) => write.slug === slug).length;
      const version = server.db.get<{ version: number }>("SELECT version FROM challenges WHERE slug = ?", [slug])!.version;
      expect(version - versionsBefore.get(slug)!, slug).toBe(writesThere);
    }
    expect(derivedMismatches(server.db)).toBe(0);
    console.info(`[concurrency] ${total} writes from ${MENTORS} mentors at once: all 201, stored once, versions exact (${elapsed} ms)`);
  });
});

describe("outcome edits with the same version", () => {
  it("lets exactly one of 20 parallel edits through; the 19 others get 409 with the current state", async () => {
    const slug = slugs[30];
    const { version } = (await admin.get(`/api/challenges/${slug}`)).body;
    const historyBefore = count(server.db, "SELECT count(*) AS n FROM outcomes WHERE challenge_id = ?", [challengeId(server.db, slug)]);
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => putOutcome(admin, slug, version, `Édition parallèle ${i}`)));
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(19);
    const winner = answers.find((answer) => answer.status === 200)!;
    for (const loser of answers.filter((answer) => answer.status === 409)) {
      expect(loser.headers.get("content-type")).toContain("application/problem+json");
      expect(loser.body.current.version).toBe(version + 1);
      expect(loser.body.current.outcome.note).toBe(winner.body.outcome.note);
    }
    expect(count(server.db, "SELECT count(*) AS n FROM outcomes WHERE challenge_id = ?", [challengeId(server.db, slug)])).toBe(historyBefore + 1);
    expect((await admin.get(`/api/challenges/${slug}`)).body.version).toBe(version + 1);
  });

  it("loses no update: 8 editors × 5 read-modify-write increments, retrying on 409, end at exactly 40", async () => {
    const slug = slugs[31];
    const editors = await Promise.all(Array.from({ length: 8 }, async () => (await signedInClient(server.baseUrl, server.db, "admin")).client));
    const { version: start } = (await admin.get(`/api/challenges/${slug}`)).body;
    let conflicts = 0;
    const edit = async (client: SessionClient) => {
      for (let done = 0; done < 5; ) {
        const detail = (await client.get(`/api/challenges/${slug}`)).body;
        const counter = Number(detail.outcomeDetail?.note?.replace("Compteur ", "") ?? 0) || 0;
        const answer = await putOutcome(client, slug, detail.version, `Compteur ${counter + 1}`);
        if (answer.status === 200) done += 1;
        else {
          expect(answer.status).toBe(409);
          conflicts += 1;
        }
      }
    };
    await Promise.all(editors.map(edit));
    const after = (await admin.get(`/api/challenges/${slug}`)).body;
    expect(after.outcomeDetail.note).toBe("Compteur 40");
    expect(after.version).toBe(start + 40);
    console.info(`[concurrency] read-modify-write: 40 increments by 8 editors, ${conflicts} conflicts retried, none lost`);
  });
});

describe("two server processes on one SQLite file", () => {
  let database: TestDatabase;
  let account: Awaited<ReturnType<typeof createAccount>>;
  const processes: RealServer[] = [];

  beforeAll(async () => {
    // Migrated, seeded and with its admin before either starts: they only open it. (Two
    // processes creating the first admin at the same instant race in ensureAdmin.)
    database = createTestDatabase();
    account = await createAccount(database.db, "admin");
    processes.push(...(await Promise.all([startRealServer({ databasePath: database.file }), startRealServer({ databasePath: database.file })])));
  });
  afterAll(async () => {
    for (const child of processes) child.kill("SIGTERM");
    await Promise.all(processes.map((child) => child.exited));
    database.dispose();
  });

  it("writes in parallel from both without a lost write or an error, and one same-version edit wins across both", async () => {
    // One sign-in after the other: the admin's two TOTP codes (steps N and N+1) sent in parallel
    // may arrive in reverse order, and the server rightly refuses the older one as a replay.
    const clients: SessionClient[] = [];
    for (const child of processes) {
      const client = new SessionClient(child.baseUrl);
      expect((await client.login(account.email, account.password)).status).toBe(200);
      clients.push(client);
    }
    const slug = database.db.get<{ slug: string }>("SELECT slug FROM challenges ORDER BY id LIMIT 1 OFFSET 50")!.slug;
    const before = count(database.db, "SELECT count(*) AS n FROM status_updates");
    const perProcess = 100;
    const started = Date.now();
    const answers = await Promise.all(
      clients.flatMap((client, p) =>
        Array.from({ length: perProcess }, (_, n) =>
          client.post(`/api/challenges/${slug}/status-updates`, { axis: AXES[n % 3], level: n % 4, note: `Processus ${p} écrit ${n}` }),
        ),
      ),
    );
    const elapsed = Date.now() - started;
    expect(answers.map((answer) => answer.status).filter((status) => status !== 201)).toEqual([]);
    expect(count(database.db, "SELECT count(*) AS n FROM status_updates") - before).toBe(2 * perProcess);
    expect(derivedMismatches(database.db)).toBe(0);

    const { version } = (await clients[0].get(`/api/challenges/${slug}`)).body;
    const edits = await Promise.all(
      Array.from({ length: 16 }, (_, i) => putOutcome(clients[i % 2], slug, version, `Processus ${i % 2}, édition ${i}`)),
    );
    const statuses = edits.map((edit) => edit.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(15);
    expect((await clients[1].get(`/api/challenges/${slug}`)).body.version).toBe(version + 1);
    expect(database.db.pragma("integrity_check")).toBe("ok");
    console.info(`[concurrency] 2 processes × ${perProcess} parallel writes on one file: all 201 (${elapsed} ms); 16 same-version edits → 1 × 200, 15 × 409`);
  });
});
