// `npm run generate`: a deterministic synthetic database that the real server serves as is.
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../server/src/db/database";
import { rebuildDerivedState } from "../../server/src/repositories/derived-state";
import { runCli, startRealServer, temporaryFolder } from "../support/real-server";
import { SessionClient } from "../support/session-client";

const folder = temporaryFolder("eig-generate-");
const options = ["--challenges", "30", "--updates", "500", "--promotions", "3", "--until", "2026-06-30"];
const generate = (file: string, seed: string) => runCli("generate", ["--db", file, ...options, "--seed", seed], file);

/** Every row of the tables the generator fills or derives, in a stable order. */
const DATA_TABLES = [
  "promotions",
  "challenges",
  "challenge_skills",
  "status_updates",
  "outcomes",
  "current_status",
  "current_outcome",
  "challenge_month_levels",
  "trajectory_steps",
  "challenge_month_levels_by_view",
  "trajectory_steps_by_view",
  "actions",
  "resources",
  "dataset_info",
  "data_revision",
];
function dump(file: string, tables = DATA_TABLES): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    return Object.fromEntries(
      tables.map((table) => {
        const columns = db.prepare(`SELECT count(*) AS n FROM pragma_table_info('${table}')`).get() as { n: number };
        const order = Array.from({ length: columns.n }, (_, i) => i + 1).join(", ");
        return [table, db.prepare(`SELECT * FROM ${table} ORDER BY ${order}`).all()];
      }),
    );
  } finally {
    db.close();
  }
}

function query<T>(file: string, sql: string): T {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).get() as T;
  } finally {
    db.close();
  }
}

const first = folder.file("first.sqlite");
const second = folder.file("second.sqlite");
const other = folder.file("other.sqlite");

beforeAll(() => {
  for (const [file, seed] of [
    [first, "7"],
    [second, "7"],
    [other, "8"],
  ]) {
    const run = generate(file, seed);
    expect(run.status, run.stderr).toBe(0);
  }
}, 60_000);
afterAll(() => folder.remove());

describe("npm run generate", () => {
  it("writes the same rows for the same seed, and others for another seed", () => {
    const a = dump(first);
    expect(dump(second)).toEqual(a);
    expect(dump(other).status_updates).not.toEqual(a.status_updates);
  });

  it("writes the counts asked for, marked as synthetic, and no account", () => {
    const counts = query<Record<string, number>>(
      first,
      `SELECT (SELECT count(*) FROM promotions) AS promotions, (SELECT count(*) FROM challenges) AS challenges,
              (SELECT count(*) FROM status_updates) AS updates, (SELECT count(*) FROM users) AS users,
              (SELECT count(*) FROM sessions) AS sessions, (SELECT count(*) FROM audit_log) AS audit,
              (SELECT count(*) FROM outcomes) AS outcomes, (SELECT count(*) FROM actions) AS actions`,
    );
    expect(counts).toMatchObject({ promotions: 3, challenges: 30, updates: 500, users: 0, sessions: 0, audit: 0 });
    expect(counts.outcomes).toBeGreaterThan(0);
    expect(counts.actions).toBeGreaterThan(0);

    const info = query<{ is_synthetic: number; source: string }>(first, "SELECT is_synthetic, source FROM dataset_info");
    expect(info.is_synthetic).toBe(1);
    expect(info.source).toContain("graine 7");
    const dates = query<{ first: string; last: string }>(first, "SELECT min(as_of) AS first, max(as_of) AS last FROM status_updates");
    expect(dates.first >= "2016-01-01").toBe(true);
    expect(dates.last <= "2026-06-30").toBe(true);
    expect(query<{ n: number }>(first, "SELECT count(*) AS n FROM challenges WHERE slug NOT GLOB 'synth-[0-9][0-9][0-9][0-9][0-9]'").n).toBe(0);
  });

  it("keeps the derived tables consistent with the history", () => {
    // The trajectory's running sums end on the current levels: one count and one level per
    // reporting challenge, per promotion and axis.
    const CURRENT_SUMS = `SELECT c.promotion_key, s.axis, count(*), sum(s.level)
      FROM current_status s JOIN challenges c ON c.id = s.challenge_id GROUP BY 1, 2`;
    const TRAJECTORY_SUMS = "SELECT promotion_key, axis, sum(count_delta), sum(level_delta) FROM trajectory_steps GROUP BY 1, 2";
    const mismatches = query<Record<string, number>>(
      first,
      `SELECT
         (SELECT count(*) FROM current_status) - (SELECT count(*) FROM (SELECT DISTINCT challenge_id, axis FROM status_updates))
           AS statusRows,
         (SELECT count(*) FROM current_status s WHERE s.status_update_id <> (
            SELECT u.id FROM status_updates u WHERE u.challenge_id = s.challenge_id AND u.axis = s.axis
            ORDER BY u.as_of DESC, u.id DESC LIMIT 1)) AS notLatest,
         (SELECT count(*) FROM current_outcome) - (SELECT count(DISTINCT challenge_id) FROM outcomes) AS outcomeRows,
         -- The trajectory's running sums end on the current levels: one count and one level per reporting challenge.
         (SELECT count(*) FROM (${CURRENT_SUMS} EXCEPT ${TRAJECTORY_SUMS})) + (SELECT count(*) FROM (${TRAJECTORY_SUMS} EXCEPT ${CURRENT_SUMS}))
           AS trajectoryEnds,
         (SELECT count(*) FROM challenges c
          WHERE EXISTS (SELECT 1 FROM status_updates u WHERE u.challenge_id = c.id)
            AND c.last_report_at < (SELECT max(recorded_at) FROM status_updates u WHERE u.challenge_id = c.id)) AS staleReport`,
    );
    expect(mismatches).toEqual({ statusRows: 0, notLatest: 0, outcomeRows: 0, trajectoryEnds: 0, staleReport: 0 });
  });

  it("refuses to write into an existing file", () => {
    const before = dump(first);
    const run = generate(first, "9");
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("existe déjà");
    expect(dump(first)).toEqual(before);
  });

  it("is served as is: the admin is bootstrapped, the data say they are synthetic, writes keep the derived tables right", async () => {
    const file = folder.file("served.sqlite");
    expect(generate(file, "7").status).toBe(0);
    const admin = { email: "admin@exemple.gouv.fr", password: "mot de passe du test" };
    const server = await startRealServer({ databasePath: file, env: { ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password } });
    try {
      expect(server.stdout()).not.toContain("Catalogue chargé");
      const client = new SessionClient(server.baseUrl);
      expect((await client.login(admin.email, admin.password)).status).toBe(200);

      const meta = await client.get("/api/meta");
      expect(meta.status).toBe(200);
      expect(meta.body.isSynthetic).toBe(true);
      const promotions = await client.get("/api/promotions");
      expect(promotions.body.map((promotion: { label: string }) => promotion.label)).toEqual([
        "Promotion 2016-1",
        "Promotion 2019-1",
        "Promotion 2022-1",
      ]);
      expect((await client.get("/api/challenges")).body).toHaveLength(30);

      // A write through the API updates the derived tables incrementally: they must end where
      // a rebuild from the whole history ends, or the generator and the write path disagree.
      for (const [slug, axis, level] of [
        ["synth-00002", "production", 3],
        ["synth-00015", "reliability", 0],
        ["synth-00030", "transmission", 2],
      ] as const) {
        expect((await client.post(`/api/challenges/${slug}/status-updates`, { axis, level, asOf: "2026-06-30" })).status).toBe(201);
      }
    } finally {
      server.kill("SIGTERM");
      await server.exited;
    }
    const derived = ["current_status", "challenge_month_levels", "trajectory_steps", "challenge_month_levels_by_view", "trajectory_steps_by_view"];
    const incremental = dump(file, derived);
    const db = openDatabase(file);
    rebuildDerivedState(db);
    db.close();
    expect(dump(file, derived)).toEqual(incremental);
  }, 60_000);
});
